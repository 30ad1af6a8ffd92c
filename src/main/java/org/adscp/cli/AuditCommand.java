package org.adscp.cli;

import java.util.List;
import org.adscp.report.AuditTable;
import org.adscp.report.JsonReport;
import org.adscp.scp.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code adscp audit}: everything {@code list} shows, plus every URL, certificate and topology
 * check: will Outlook on a domain-joined machine get a certificate warning, and why.
 */
@Command(
    name = "audit",
    description = {
      "Check every Autodiscover SCP: will a client get a certificate warning, and why.",
      "Its URL, the certificate its host presents (chain, names, dates, key), its site scope, its server, pointers.",
      "Read-only."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  adscp audit --ldif ldif-fixtures/migration.ldif --offline",
      "  adscp audit -H ldaps://dc01.contoso.com -D audit@contoso.com -w - --trust-store corp-ca.pem",
      "  adscp audit --kerberos --resolve autodiscover.contoso.com=10.1.2.3 --at 2027-03-01",
      "  adscp audit --domain contoso.com --kerberos --format json --fail-on warning"
    })
final class AuditCommand extends DirectoryCommand {
  @Mixin CheckOptions checks;

  @Option(names = "--fail-on", paramLabel = "error|warning|info|never",
      description = "Which severity makes the exit code 1 (default: ${DEFAULT-VALUE}).")
  FailOn failOn = FailOn.error;

  @Override
  ExitCode execute() {
    Auditor auditor = new Auditor(checks, trace);
    try (ForestRead read = ForestRead.open(connection(), trace)) {
      List<Finding> findings = auditor.audit(read.forest(), read.spec());
      out.print(json()
          ? JsonReport.render(read.source(), read.forest(), findings)
          : AuditTable.render(read.source(), read.forest(), findings, style()));
      return failOn.exitCodeFor(findings);
    }
  }
}
