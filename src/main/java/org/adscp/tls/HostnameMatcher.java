package org.adscp.tls;

import com.google.common.net.InternetDomainName;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Does a certificate cover a host? RFC 9525 rules, as HTTPS clients apply them (spec §5).
 *
 * <p>Why our own code: the JDK's internal {@code HostnameChecker} accepts partial wildcards
 * ({@code ex*.contoso.com}), and UnboundID's verifier follows LDAP habits (a bare {@code *}
 * matches any single-label host, the CN is checked even beside SANs, a trailing dot fails, any
 * loopback address passes). Outlook and other Autodiscover clients judge by HTTPS rules, so:
 *
 * <ul>
 *   <li>Only dNSName SANs are reference identifiers for a DNS host; the subject CN only when the
 *       certificate has no dNSName SAN at all (then the match is {@link HostnameMatch.Kind#CN}).
 *   <li>A wildcard only as the whole left-most label ({@code *.contoso.com}), matching exactly
 *       one non-empty label: not {@code contoso.com}, not {@code a.b.contoso.com}.
 *   <li>No partial wildcards ({@code ex*.contoso.com}, {@code *ex.contoso.com}, {@code
 *       mail.*.com}) ever match; neither does {@code *} alone nor {@code *.com} (a wildcard
 *       directly on a single label), nor a wildcard on any registered public suffix
 *       ({@code *.co.uk}, from the public suffix list bundled with Guava): no CA may issue those.
 *   <li>ASCII case-insensitive; one trailing dot on host or name ignored; a host with non-ASCII
 *       labels is compared in A-label form ({@link java.net.IDN#toASCII}).
 *   <li>An IP-literal host matches only iPAddress SANs, compared as addresses (so
 *       {@code ::1} equals {@code 0:0:0:0:0:0:0:1}); never a DNS SAN, never the CN.
 * </ul>
 *
 * Pure: no I/O, no DNS.
 */
public final class HostnameMatcher {

  private static final String AUTODISCOVER = "autodiscover.";

  private HostnameMatcher() {}

  /** Matches {@code host} against {@code cert}. */
  public static HostnameMatch match(String host, X509Certificate cert) {
    return match(host, CertificateFacts.of(cert));
  }

  /** Matches {@code host} against the names in {@code facts}. */
  public static HostnameMatch match(String host, CertificateFacts facts) {
    List<String> dns = facts.dnsNames();
    List<String> ips = facts.ipAddresses();
    String cn = facts.commonName();
    List<String> serving = servingNames(dns.isEmpty() && cn != null ? List.of(cn) : dns);

    Optional<InetAddress> ip = HostNames.ipLiteral(host == null ? "" : host.trim());
    if (ip.isPresent()) {
      for (InetAddress san : facts.ipAddressValues()) {
        if (san.equals(ip.get())) {
          return new HostnameMatch(host, HostnameMatch.Kind.SAN, HostNames.addressText(san),
              dns, ips, cn, false, serving);
        }
      }
      return new HostnameMatch(host, HostnameMatch.Kind.NONE, null, dns, ips, cn, false, serving);
    }

    Optional<String> reference = host == null ? Optional.empty() : HostNames.dnsReference(host);
    if (reference.isEmpty()) {
      return new HostnameMatch(host, HostnameMatch.Kind.NONE, null, dns, ips, cn, false, serving);
    }
    String ref = reference.get();
    if (!dns.isEmpty()) {
      for (String name : dns) {
        if (matchesDnsId(ref, name)) {
          return new HostnameMatch(host, HostnameMatch.Kind.SAN, name, dns, ips, cn, false,
              serving);
        }
      }
      boolean cnWould = cn != null && matchesDnsId(ref, cn);
      return new HostnameMatch(host, HostnameMatch.Kind.NONE, null, dns, ips, cn, cnWould,
          serving);
    }
    if (cn != null && matchesDnsId(ref, cn)) {
      return new HostnameMatch(host, HostnameMatch.Kind.CN, cn, dns, ips, cn, false, serving);
    }
    return new HostnameMatch(host, HostnameMatch.Kind.NONE, null, dns, ips, cn, false, serving);
  }

  /**
   * True when the reference identifier {@code ref} (already normalised: A-labels, lower case, no
   * trailing dot) is matched by the presented identifier {@code presented}.
   */
  static boolean matchesDnsId(String ref, String presented) {
    Optional<String> p = presentedName(presented);
    if (p.isEmpty()) {
      return false;
    }
    String name = p.get();
    if (name.indexOf('*') < 0) {
      return name.equals(ref);
    }
    if (!isValidWildcard(name)) {
      return false;
    }
    String suffix = name.substring(1); // ".contoso.com"
    if (!ref.endsWith(suffix)) {
      return false;
    }
    String first = ref.substring(0, ref.length() - suffix.length());
    return !first.isEmpty() && first.indexOf('.') < 0;
  }

  /** A presented DNS name: one trailing dot removed, ASCII lower case; empty when unusable. */
  private static Optional<String> presentedName(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    String n = HostNames.asciiLower(HostNames.stripOneTrailingDot(presented.trim()));
    if (n.isEmpty() || n.startsWith(".") || n.endsWith(".") || n.contains("..")) {
      return Optional.empty();
    }
    return Optional.of(n);
  }

  /**
   * {@code *.x.y}: the star is the whole left-most label, no other star, at least two labels
   * follow it ({@code *.com} and {@code *} are refused), and they are not a registered public
   * suffix ({@code *.co.uk} is refused; a private-section suffix such as {@code github.io} is
   * someone's domain and may carry a wildcard).
   */
  private static boolean isValidWildcard(String name) {
    if (!name.startsWith("*.")) {
      return false;
    }
    String rest = name.substring(2);
    return rest.indexOf('*') < 0 && rest.indexOf('.') > 0 && !isRegistrySuffix(rest);
  }

  private static boolean isRegistrySuffix(String name) {
    return InternetDomainName.isValid(name) && InternetDomainName.from(name).isRegistrySuffix();
  }

  /** Names an SCP could use that this certificate covers, best first. */
  private static List<String> servingNames(List<String> names) {
    Set<String> autodiscover = new LinkedHashSet<>();
    Set<String> multiLabel = new LinkedHashSet<>();
    Set<String> singleLabel = new LinkedHashSet<>();
    for (String raw : names) {
      Optional<String> p = presentedName(raw);
      if (p.isEmpty() || HostNames.ipLiteral(p.get()).isPresent()) {
        continue;
      }
      String name = p.get();
      if (name.indexOf('*') >= 0) {
        if (isValidWildcard(name)) {
          autodiscover.add(AUTODISCOVER + name.substring(2));
        }
        continue;
      }
      if (name.startsWith(AUTODISCOVER)) {
        autodiscover.add(name);
      } else if (name.indexOf('.') > 0) {
        multiLabel.add(name);
      } else {
        singleLabel.add(name);
      }
    }
    List<String> out = new ArrayList<>(autodiscover);
    multiLabel.stream().filter(n -> !out.contains(n)).forEach(out::add);
    singleLabel.stream().filter(n -> !out.contains(n)).forEach(out::add);
    return out;
  }
}
