package org.adscp.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.adscp.Trace;
import org.adscp.directory.ConfigurationReader;
import org.adscp.directory.ConnectionSpec;
import org.adscp.directory.DirectoryConnector;
import org.adscp.directory.DirectorySession;
import org.adscp.report.JsonReport;
import org.adscp.report.ListTable;
import org.adscp.report.SourceDescription;
import org.adscp.scp.ForestConfiguration;
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
    ConnectionSpec connection = source.toSpec(root.environment(), err);
    Trace trace = root.verbose() ? line -> err.println("adscp: " + line) : Trace.SILENT;
    try (DirectorySession session = DirectoryConnector.open(connection, trace)) {
      ForestConfiguration forest =
          new ConfigurationReader(session.connection(), ConfigurationReader.DEFAULT_PAGE_SIZE, trace)
              .read(session.configurationNamingContext());
      SourceDescription described =
          new SourceDescription(session.kind(), session.where(), session.configurationNamingContext());
      out.print(
          format == OutputFormat.json
              ? JsonReport.render(described, forest, List.of())
              : ListTable.render(described, forest));
      out.flush();
    }
    return ExitCode.OK.code();
  }
}
