package org.adscp.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adscp.Trace;
import org.adscp.scp.AutodiscoverUrl;
import org.adscp.scp.Finding;
import org.adscp.scp.ForestConfiguration;
import org.adscp.scp.ScpKind;
import org.adscp.scp.ServiceConnectionPoint;

/**
 * The certificate checks of a run: each distinct https host:port of the URL SCPs is fetched once
 * (in parallel, each bounded by the timeout) and judged once, and its problems are reported on
 * every SCP whose URL uses it.
 */
public final class ScpCertificateChecks {
  /** The findings, and the verdict of each host for whoever shows more (resolve, fix). */
  public record Result(List<Finding> findings, Map<Endpoint, CertificateVerdict> verdicts) {}

  private ScpCertificateChecks() {}

  public static Result check(
      ForestConfiguration forest, CertificateCollector collector, CertificateJudge judge, Trace trace) {
    Set<Endpoint> endpoints = new LinkedHashSet<>();
    for (ServiceConnectionPoint scp : urlScps(forest)) {
      for (String value : scp.bindings()) {
        endpointOf(value).ifPresent(endpoints::add);
      }
    }
    trace.say(TlsMessages.traceFetching(endpoints.size()));
    Map<Endpoint, CertificateVerdict> verdicts = judge.judgeAll(collector.collect(endpoints));
    List<Finding> findings = new ArrayList<>();
    for (ServiceConnectionPoint scp : urlScps(forest)) {
      for (String value : scp.bindings()) {
        endpointOf(value)
            .map(verdicts::get)
            .ifPresent(v -> findings.addAll(v.findings(scp.dn().text(), value)));
      }
    }
    return new Result(findings, verdicts);
  }

  private static List<ServiceConnectionPoint> urlScps(ForestConfiguration forest) {
    return forest.scps().stream().filter(s -> s.kind() == ScpKind.URL).toList();
  }

  /** The host:port a client would open for this value: https URLs only (http presents no certificate). */
  public static Optional<Endpoint> endpointOf(String value) {
    return AutodiscoverUrl.parse(value.strip())
        .filter(AutodiscoverUrl::isHttps)
        .map(u -> Endpoint.of(u.host(), u.effectivePort()));
  }
}
