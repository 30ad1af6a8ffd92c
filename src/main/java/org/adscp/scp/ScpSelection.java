package org.adscp.scp;

import java.net.IDN;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which URL SCPs a {@code fix} is about (spec §4): by server, by DN, by URL host, those failing
 * the audit, or all. Pointer SCPs and every other SCP are never selected; a DN that names one is
 * reported as refused, so that the user learns why nothing happens to it.
 */
public final class ScpSelection {
  /** The codes whose errors make an SCP "failing": its URL or its certificate. */
  private static final Set<FindingCode> URL_OR_CERTIFICATE =
      EnumSet.of(FindingCode.URL_MALFORMED, FindingCode.URL_NOT_HTTPS, FindingCode.URL_BAD_PATH,
          FindingCode.URL_PORT_NONSTANDARD, FindingCode.CERT_UNAVAILABLE, FindingCode.CERT_NAME_MISMATCH,
          FindingCode.CERT_EXPIRED, FindingCode.CERT_NOT_YET_VALID, FindingCode.CERT_SELF_SIGNED,
          FindingCode.CERT_UNTRUSTED, FindingCode.CERT_WEAK_KEY);

  /** What was asked for. */
  public sealed interface Criteria permits Servers, Dn, MatchHost, Failing, All {}

  public record Servers(List<String> names) implements Criteria {}

  public record Dn(DistinguishedName dn) implements Criteria {}

  public record MatchHost(String host) implements Criteria {}

  public record Failing() implements Criteria {}

  public record All() implements Criteria {}

  /**
   * @param selected the URL SCPs to change, in the directory's order
   * @param refused SCPs named by DN that are never written (a pointer), with the reason
   * @param unmatched the servers, DN or host asked for that matched no URL SCP
   */
  public record Result(List<ServiceConnectionPoint> selected, List<ServiceConnectionPoint> refused, List<String> unmatched) {}

  private ScpSelection() {}

  public static Result select(ForestConfiguration forest, Criteria criteria, List<Finding> findings) {
    List<ServiceConnectionPoint> urlScps = forest.scps().stream().filter(s -> s.kind() == ScpKind.URL).toList();
    if (criteria instanceof Servers servers) {
      List<String> unmatched = new ArrayList<>();
      for (String name : servers.names()) {
        if (urlScps.stream().noneMatch(serverIs(name))) {
          unmatched.add(name);
        }
      }
      Predicate<ServiceConnectionPoint> any = s -> servers.names().stream().anyMatch(n -> serverIs(n).test(s));
      return new Result(urlScps.stream().filter(any).toList(), List.of(), unmatched);
    }
    if (criteria instanceof Dn dn) {
      Optional<ServiceConnectionPoint> found = forest.scps().stream().filter(s -> s.dn().equals(dn.dn())).findFirst();
      if (found.isEmpty()) {
        return new Result(List.of(), List.of(), List.of(dn.dn().text()));
      }
      return found.get().kind() == ScpKind.URL
          ? new Result(List.of(found.get()), List.of(), List.of())
          : new Result(List.of(), List.of(found.get()), List.of());
    }
    if (criteria instanceof MatchHost match) {
      String host = asciiHost(match.host());
      List<ServiceConnectionPoint> selected = urlScps.stream().filter(s -> usesHost(s, host)).toList();
      return new Result(selected, List.of(), selected.isEmpty() ? List.of(match.host()) : List.of());
    }
    if (criteria instanceof Failing) {
      Set<String> failing = new HashSet<>();
      findings.stream()
          .filter(f -> f.severity() == Severity.ERROR && URL_OR_CERTIFICATE.contains(f.code()))
          .forEach(f -> failing.add(f.dn()));
      return new Result(urlScps.stream().filter(s -> failing.contains(s.dn().text())).toList(), List.of(), List.of());
    }
    return new Result(urlScps, List.of(), List.of());
  }

  private static Predicate<ServiceConnectionPoint> serverIs(String name) {
    return s -> s.placement().map(p -> p.server().equalsIgnoreCase(name)).orElse(false);
  }

  private static boolean usesHost(ServiceConnectionPoint scp, String host) {
    return scp.bindings().stream()
        .map(v -> AutodiscoverUrl.parse(v.strip()))
        .flatMap(Optional::stream)
        .anyMatch(u -> u.hostName().equals(host));
  }

  private static String asciiHost(String host) {
    String h = host.strip();
    h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    try {
      return IDN.toASCII(h).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return h.toLowerCase(Locale.ROOT);
    }
  }
}
