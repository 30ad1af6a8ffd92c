package org.adscp.tls;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.adscp.scp.Finding;
import org.adscp.scp.FindingCode;
import org.adscp.scp.Severity;

/**
 * The judgement of one host's certificate: its problems (each code at most once) and what was
 * looked at, for display.
 *
 * @param endpoint the host:port
 * @param source what was fetched or loaded
 * @param problems the problems, in the order of spec §5; empty when all is well
 * @param leaf the leaf's facts, or null when no certificate could be had
 * @param chain the facts of every presented certificate, leaf first
 * @param match the host name match, or null when no certificate could be had
 * @param trust the chain's trust, or null when no certificate could be had
 */
public record CertificateVerdict(
    Endpoint endpoint,
    FetchResult source,
    List<CertificateProblem> problems,
    CertificateFacts leaf,
    List<CertificateFacts> chain,
    HostnameMatch match,
    TrustResult trust) {

  public CertificateVerdict {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(source, "source");
    problems = List.copyOf(problems);
    chain = List.copyOf(chain);
  }

  /** True when a problem with {@code code} was found. */
  public boolean has(FindingCode code) {
    return problem(code).isPresent();
  }

  public Optional<CertificateProblem> problem(FindingCode code) {
    return problems.stream().filter(p -> p.code() == code).findFirst();
  }

  /** The codes found. */
  public Set<FindingCode> codes() {
    Set<FindingCode> s = EnumSet.noneOf(FindingCode.class);
    problems.forEach(p -> s.add(p.code()));
    return s;
  }

  /** True when any problem is an error (e.g. what {@code fix --uri} refuses a host for). */
  public boolean hasError() {
    return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
  }

  /** The problems as findings on the SCP {@code dn} whose URL {@code url} uses this host. */
  public List<Finding> findings(String dn, String url) {
    List<Finding> out = new ArrayList<>(problems.size());
    for (CertificateProblem p : problems) {
      out.add(p.toFinding(dn, url));
    }
    return out;
  }
}
