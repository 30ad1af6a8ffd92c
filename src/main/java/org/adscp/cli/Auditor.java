package org.adscp.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adscp.Trace;
import org.adscp.directory.ConnectionSpec;
import org.adscp.scp.Finding;
import org.adscp.scp.ForestConfiguration;
import org.adscp.scp.TopologyChecks;
import org.adscp.scp.UrlChecks;
import org.adscp.tls.CertificateCollector;
import org.adscp.tls.CertificateJudge;
import org.adscp.tls.ChainFetcher;
import org.adscp.tls.CollectorOptions;
import org.adscp.tls.ScpCertificateChecks;

/** Every check of spec §5 that {@code audit} runs, for {@code audit} and for {@code fix}. */
final class Auditor {
  /** Findings about a URL that is not in the directory yet (a {@code fix --uri}) carry this DN. */
  static final String NEW_URL_DN = "";

  private final CollectorOptions collectorOptions;
  private final Instant at;
  private final int warnDays;
  private final Trace trace;

  /** Checks the options now, so that a bad --cert or --at fails before the directory is asked anything. */
  Auditor(CheckOptions options, Trace trace) {
    this.collectorOptions = options.collectorOptions();
    this.at = options.instant();
    this.warnDays = options.warnDays();
    this.trace = trace;
  }

  /** The findings of every SCP, grouped by SCP in the directory's order, errors first within each. */
  List<Finding> audit(ForestConfiguration forest, ConnectionSpec spec) {
    List<Finding> findings = new ArrayList<>(UrlChecks.check(forest));
    findings.addAll(TopologyChecks.check(forest));
    findings.addAll(ScpCertificateChecks.check(forest, collector(spec), judge(spec), trace).findings());
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < forest.scps().size(); i++) {
      position.put(forest.scps().get(i).dn().text(), i);
    }
    findings.sort(
        Comparator.comparing((Finding f) -> position.getOrDefault(f.dn(), Integer.MAX_VALUE))
            .thenComparing(Finding::severity));
    return findings;
  }

  /** What a URL would get, were it written: its own findings and those of its host's certificate. */
  List<Finding> judgeNewUrl(String uri, ConnectionSpec spec) {
    List<Finding> findings = new ArrayList<>(UrlChecks.valueFindings(NEW_URL_DN, uri));
    ScpCertificateChecks.endpointOf(uri).ifPresent(endpoint -> {
      var fetched = collector(spec).collect(List.of(endpoint));
      judge(spec).judgeAll(fetched).values().forEach(v -> findings.addAll(v.findings(NEW_URL_DN, uri)));
    });
    findings.sort(Comparator.comparing(Finding::severity));
    return findings;
  }

  private CertificateCollector collector(ConnectionSpec spec) {
    return new CertificateCollector(new ChainFetcher(spec.timeout()), collectorOptions);
  }

  private CertificateJudge judge(ConnectionSpec spec) {
    return new CertificateJudge(spec.trust().get().certificates(), at, warnDays);
  }
}
