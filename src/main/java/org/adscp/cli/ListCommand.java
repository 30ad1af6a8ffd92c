package org.adscp.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.adscp.report.JsonReport;
import org.adscp.report.ListTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
final class ListCommand implements Callable<Integer> {
  @ParentCommand AdscpCommand root;

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(names = "--format", paramLabel = "table|json", description = "Output: table (default) or json.")
  OutputFormat format = OutputFormat.table;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ForestRead read = ForestRead.of(source, root, err, ForestRead.traceFor(root, err));
    out.print(
        format == OutputFormat.json
            ? JsonReport.render(read.source(), read.forest(), List.of())
            : ListTable.render(read.source(), read.forest()));
    out.flush();
    return ExitCode.OK.code();
  }
}
