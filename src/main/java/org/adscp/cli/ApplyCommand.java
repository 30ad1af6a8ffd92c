package org.adscp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adscp.Messages;
import org.adscp.UsageException;
import org.adscp.change.AttributeChange;
import org.adscp.change.ChangeOutcome;
import org.adscp.change.PlanLdif;
import org.adscp.change.PlannedRecord;
import org.adscp.directory.ConnectionSpec;
import org.adscp.directory.ScpWriter;
import org.adscp.report.ChangesTable;
import org.adscp.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adscp apply FILE}: a plan or a rollback made by {@code fix}, record by record, each only
 * where its precondition still holds; going on after a failure; exit 4 when any record met a
 * conflict. Without {@code --apply} it says what would happen.
 */
@Command(
    name = "apply",
    description = {
      "Apply a plan or rollback made by fix, record by record, each only where the SCP still holds its old values.",
      "Without --apply it reports what would happen, and writes nothing."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  adscp apply plan.ldif -H ldaps://dc01.contoso.com --kerberos",
      "  adscp apply plan.ldif -H ldaps://dc01.contoso.com --kerberos --apply",
      "  adscp apply rollback.ldif -H ldaps://dc01.contoso.com --kerberos --apply"
    })
final class ApplyCommand extends DirectoryCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The plan or rollback (LDIF) to apply.")
  Path file;

  @Option(names = "--apply", description = "Write to the directory. Without it, nothing is written.")
  boolean apply;

  @Override
  ExitCode execute() {
    List<PlannedRecord> records = PlanLdif.read(file);
    ConnectionSpec connection = connection();
    if (apply && connection.source() instanceof ConnectionSpec.LdifFiles) {
      throw new UsageException(Messages.applyToAnExport());
    }
    try (ForestRead read = ForestRead.open(connection, trace)) {
      ScpWriter writer = new ScpWriter(read.session().connection(), trace);
      List<ChangeOutcome> outcomes = new ArrayList<>();
      for (PlannedRecord record : records) {
        if (record.change().isEmpty()) {
          AttributeChange none = new AttributeChange(record.dn(), null, "", List.of(), List.of(), "");
          outcomes.add(new ChangeOutcome(none, ChangeOutcome.Status.REFUSED,
              Messages.planRecordRefused(record.index(), record.refusal()), null));
          continue;
        }
        AttributeChange change = record.change().get();
        outcomes.add(apply ? writer.write(change) : writer.check(change));
      }
      out.print(json()
          ? JsonReport.render(read.source(), read.forest(), List.of(), outcomes, file.toString(), null)
          : ChangesTable.render(outcomes, apply, style()));
      return exitCodeFor(outcomes);
    }
  }

  /** A conflict is 4 (spec §7), a failed write 3, a refused record 2; otherwise 0. */
  static ExitCode exitCodeFor(List<ChangeOutcome> outcomes) {
    if (outcomes.stream().anyMatch(o -> o.status() == ChangeOutcome.Status.CONFLICT)) {
      return ExitCode.CONFLICT;
    }
    if (outcomes.stream().anyMatch(o -> o.status() == ChangeOutcome.Status.FAILED)) {
      return ExitCode.UNAVAILABLE;
    }
    if (outcomes.stream().anyMatch(o -> o.status() == ChangeOutcome.Status.REFUSED)) {
      return ExitCode.USAGE;
    }
    return ExitCode.OK;
  }
}
