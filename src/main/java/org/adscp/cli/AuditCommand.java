package org.adscp.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.adscp.Trace;
import org.adscp.report.AuditTable;
import org.adscp.report.JsonReport;
import org.adscp.report.Style;
import org.adscp.scp.Finding;
import org.adscp.scp.ForestConfiguration;
import org.adscp.scp.TopologyChecks;
import org.adscp.scp.UrlChecks;
import org.adscp.tls.CertificateCollector;
import org.adscp.tls.CertificateJudge;
import org.adscp.tls.ChainFetcher;
import org.adscp.tls.ScpCertificateChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code adscp audit}: everything {@code list} shows, plus every URL, certificate and topology
 * check: will Outlook on a domain-joined machine get a certificate warning, and why.
 */
@Command(
    name = "audit",
    description = {
      "Check every Autodiscover SCP: its URL, the certificate its host presents (chain, names, dates, key),",
      "its site scope, its server, and pointers. Read-only."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  adscp audit --ldif ldif-fixtures/migration.ldif --offline",
      "  adscp audit -H ldaps://dc01.contoso.com -D audit@contoso.com -w - --trust-store corp-ca.pem",
      "  adscp audit --kerberos --resolve autodiscover.contoso.com=10.1.2.3 --at 2027-03-01",
      "  adscp audit --domain contoso.com --kerberos --format json --fail-on warning"
    })
final class AuditCommand implements Callable<Integer> {
  @ParentCommand AdscpCommand root;

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin CheckOptions checks;

  @Option(names = "--format", paramLabel = "table|json", description = "Output: table (default) or json.")
  OutputFormat format = OutputFormat.table;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Trace trace = ForestRead.traceFor(root, err);
    // Options first: a bad --cert or --at must fail before the directory is asked anything.
    var collectorOptions = checks.collectorOptions();
    var at = checks.instant();
    int warnDays = checks.warnDays();
    ForestRead read = ForestRead.of(source, root, err, trace);
    ForestConfiguration forest = read.forest();
    List<Finding> findings = new ArrayList<>(UrlChecks.check(forest));
    findings.addAll(TopologyChecks.check(forest));
    ChainFetcher fetcher = new ChainFetcher(read.spec().timeout());
    CertificateJudge judge = new CertificateJudge(read.spec().trust().get().certificates(), at, warnDays);
    findings.addAll(
        ScpCertificateChecks.check(forest, new CertificateCollector(fetcher, collectorOptions), judge, trace)
            .findings());
    List<Finding> ordered = inScpOrder(forest, findings);
    out.print(
        format == OutputFormat.json
            ? JsonReport.render(read.source(), forest, ordered)
            : AuditTable.render(read.source(), forest, ordered, style()));
    out.flush();
    return checks.failOn.exitCodeFor(ordered).code();
  }

  /** Findings grouped by SCP in the directory's order, errors first within each. */
  private static List<Finding> inScpOrder(ForestConfiguration forest, List<Finding> findings) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < forest.scps().size(); i++) {
      position.put(forest.scps().get(i).dn().text(), i);
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(
        Comparator.comparing((Finding f) -> position.getOrDefault(f.dn(), Integer.MAX_VALUE))
            .thenComparing(Finding::severity));
    return sorted;
  }

  private Style style() {
    boolean color = root.environment().interactive() && !root.noColor && root.environment().variable("NO_COLOR").isEmpty();
    return color ? Style.colored() : Style.plain();
  }
}
