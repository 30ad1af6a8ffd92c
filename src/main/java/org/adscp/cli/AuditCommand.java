package org.adscp.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.adscp.Trace;
import org.adscp.report.AuditTable;
import org.adscp.report.JsonReport;
import org.adscp.scp.Finding;
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
    Auditor auditor = new Auditor(checks, trace);
    ForestRead read = ForestRead.of(source, root, err, trace);
    List<Finding> findings = auditor.audit(read.forest(), read.spec());
    out.print(
        format == OutputFormat.json
            ? JsonReport.render(read.source(), read.forest(), findings)
            : AuditTable.render(read.source(), read.forest(), findings, Styles.of(root)));
    out.flush();
    return checks.failOn.exitCodeFor(findings).code();
  }
}
