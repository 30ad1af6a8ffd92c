package org.adscp.cli;

import java.util.List;
import org.adscp.report.JsonReport;
import org.adscp.report.ListTable;
import picocli.CommandLine.Command;

/** {@code adscp list}: the Autodiscover SCPs of the forest, read-only. */
@Command(
    name = "list",
    description = "List the Autodiscover SCPs (URL and pointer): name, kind, server, version, sites, URLs, dates.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  adscp list --ldif ldif-fixtures/multi-site.ldif",
      "  adscp list -H ldaps://dc01.contoso.com -D 'CN=Audit,OU=Admins,DC=contoso,DC=com' --password-file pw.txt",
      "  adscp list --domain contoso.com --kerberos --format json | jq '.scps[].urls'"
    })
final class ListCommand extends DirectoryCommand {
  @Override
  ExitCode execute() {
    try (ForestRead read = ForestRead.open(connection(), trace)) {
      out.print(json()
          ? JsonReport.render(read.source(), read.forest(), List.of())
          : ListTable.render(read.source(), read.forest()));
    }
    return ExitCode.OK;
  }
}
