package org.adscp.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.adscp.Messages;
import org.adscp.UsageException;
import org.adscp.change.AttributeChange;
import org.adscp.change.ChangeOutcome;
import org.adscp.change.DurableFile;
import org.adscp.change.FixAction;
import org.adscp.change.PlanLdif;
import org.adscp.directory.ConnectionSpec;
import org.adscp.directory.Dns;
import org.adscp.directory.ScpWriter;
import org.adscp.report.ChangesTable;
import org.adscp.report.JsonReport;
import org.adscp.scp.AdSite;
import org.adscp.scp.Finding;
import org.adscp.scp.FindingCode;
import org.adscp.scp.ScpSelection;
import org.adscp.scp.ServiceConnectionPoint;
import org.adscp.scp.Severity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code adscp fix}: plans a change of the selected URL SCPs and, with {@code --apply} only,
 * writes it: plan and rollback on disk first, then one conditional modify per SCP, then each SCP
 * read back.
 */
@Command(
    name = "fix",
    description = {
      "Plan a corrected Autodiscover URL (or a cleared one, or a new site scope) for the selected URL SCPs.",
      "Writes nothing unless --apply; then the plan and the rollback are on disk before the first write."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  adscp fix --ldif forest.ldif --uri https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml \\",
      "      --match-host ex2019-01.contoso.local --plan plan.ldif --rollback rollback.ldif",
      "  adscp fix -H ldaps://dc01.contoso.com --kerberos --uri https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml \\",
      "      --server EX2019-01 --server EX2019-02 --apply",
      "  adscp fix -H ldaps://dc01.contoso.com --kerberos --site-scope HQ,DR --server EX2016-02 --apply"
    })
final class FixCommand extends DirectoryCommand {
  @Mixin CheckOptions checks;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "What to write (one of):%n")
  Action action;

  static final class Action {
    @Option(names = "--uri", paramLabel = "URL", description = "Set serviceBindingInformation to this one URL.")
    String uri;

    @Option(names = "--clear", description = "Remove serviceBindingInformation (-AutoDiscoverServiceInternalUri $null).")
    boolean clear;

    @Option(names = "--site-scope", paramLabel = "SITE", split = ",",
        description = "Set keywords to the URL GUID plus these Site= values (-AutoDiscoverSiteScope).")
    List<String> siteScope;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Which URL SCPs (one of):%n")
  Selection selection;

  static final class Selection {
    @Option(names = "--server", paramLabel = "NAME", description = "The SCP of this server. Repeatable.")
    List<String> servers;

    @Option(names = "--dn", paramLabel = "DN", description = "The SCP with this DN.")
    String dn;

    @Option(names = "--match-host", paramLabel = "HOST", description = "URL SCPs whose URL host is HOST (no case).")
    String matchHost;

    @Option(names = "--failing", description = "URL SCPs with an error finding on their URL or certificate.")
    boolean failing;

    @Option(names = "--all", description = "Every URL SCP.")
    boolean all;
  }

  @Option(names = "--plan", paramLabel = "FILE", description = "Write the plan (LDIF for adscp apply or ldapmodify) here.")
  Path planFile;

  @Option(names = "--rollback", paramLabel = "FILE", description = "Write the rollback (LDIF that undoes the plan exactly) here.")
  Path rollbackFile;

  @Option(names = "--apply", description = "Write to the directory. Without it, nothing is written.")
  boolean apply;

  @Option(names = "--force", description = "Write a URL that would itself get an error finding.")
  boolean force;

  @Override
  ExitCode execute() {
    Auditor auditor = new Auditor(checks, trace);
    ConnectionSpec connection = connection();
    if (apply && connection.source() instanceof ConnectionSpec.LdifFiles) {
      throw new UsageException(Messages.applyToAnExport());
    }
    Path plan = planFile != null ? planFile : apply ? defaultName("plan") : null;
    Path rollback = rollbackFile != null ? rollbackFile : apply ? defaultName("rollback") : null;
    for (Path file : new Path[] {plan, rollback}) {
      if (file != null) {
        DurableFile.refuseExisting(file);
      }
    }
    try (ForestRead read = ForestRead.open(connection, trace)) {
      List<Finding> findings = new ArrayList<>();
      FixAction fixAction = fixAction(read, auditor, findings);
      if (selection.failing) {
        findings.addAll(auditor.audit(read.forest(), read.spec()));
      }
      ScpSelection.Result selected = ScpSelection.select(read.forest(), criteria(), findings);
      if (!selected.unmatched().isEmpty()) {
        throw new UsageException(Messages.selectionMatchedNothing(String.join(", ", selected.unmatched())));
      }
      List<AttributeChange> changes = new ArrayList<>();
      for (ServiceConnectionPoint scp : selected.selected()) {
        fixAction.changeFor(scp).ifPresent(changes::add);
      }
      String header = Messages.planHeader(read.source().where(), String.join(" ", commandLine()));
      if (plan != null) {
        DurableFile.writeNew(plan, PlanLdif.write(changes, header));
      }
      if (rollback != null) {
        List<AttributeChange> undo = changes.stream().map(c -> c.reversed(Messages.reasonUndo(c.reason()))).toList();
        DurableFile.writeNew(rollback, PlanLdif.write(undo, Messages.rollbackHeader(header)));
      }
      ScpWriter writer = new ScpWriter(read.session().connection(), trace);
      List<ChangeOutcome> outcomes = new ArrayList<>();
      for (ServiceConnectionPoint refused : selected.refused()) {
        outcomes.add(new ChangeOutcome(
            new AttributeChange(refused.dn().text(), refused.name(), AttributeChange.URL_ATTRIBUTE,
                refused.bindings(), refused.bindings(), ""),
            ChangeOutcome.Status.REFUSED, Messages.changePointerNeverWritten(), null));
      }
      for (AttributeChange change : changes) {
        outcomes.add(apply ? writer.write(change) : writer.check(change));
      }
      print(read, findings, outcomes, changes, header, plan, rollback);
      return ApplyCommand.exitCodeFor(outcomes);
    }
  }

  private FixAction fixAction(ForestRead read, Auditor auditor, List<Finding> findings) {
    if (action.uri != null) {
      List<Finding> judged = auditor.judgeNewUrl(action.uri, read.spec());
      findings.addAll(judged);
      List<Finding> errors = judged.stream().filter(f -> f.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty() && !force) {
        throw new UsageException(Messages.newUrlRefused(action.uri,
            errors.stream().map(f -> f.code() + ": " + f.message()).collect(Collectors.joining("; "))));
      }
      return new FixAction.SetUri(action.uri);
    }
    if (action.clear) {
      return new FixAction.Clear();
    }
    List<String> sites = action.siteScope.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    Set<String> known = read.forest().sites().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    for (String site : sites) {
      if (!read.forest().sites().isEmpty() && !known.contains(site.toLowerCase(Locale.ROOT))) {
        findings.add(Finding.of(FindingCode.SITE_UNKNOWN, Auditor.NEW_URL_DN, null, Messages.siteUnknown(site),
            Messages.siteUnknownHint(read.forest().sites().stream().map(AdSite::name).sorted().toList())));
      }
    }
    return new FixAction.SiteScope(sites);
  }

  private ScpSelection.Criteria criteria() {
    if (selection.servers != null) {
      return new ScpSelection.Servers(selection.servers);
    }
    if (selection.dn != null) {
      return new ScpSelection.Dn(Dns.parse(selection.dn));
    }
    if (selection.matchHost != null) {
      return new ScpSelection.MatchHost(selection.matchHost);
    }
    return selection.failing ? new ScpSelection.Failing() : new ScpSelection.All();
  }

  private void print(ForestRead read, List<Finding> findings, List<ChangeOutcome> outcomes,
      List<AttributeChange> changes, String header, Path plan, Path rollback) {
    if (json()) {
      out.print(JsonReport.render(read.source(), read.forest(), findings, outcomes,
          plan == null ? null : plan.toString(), rollback == null ? null : rollback.toString()));
    } else {
      findings.stream().filter(f -> f.dn().equals(Auditor.NEW_URL_DN))
          .forEach(f -> out.println(f.severity().label() + " " + f.code() + ": " + f.message()));
      out.print(ChangesTable.render(outcomes, apply, style()));
      if (plan != null || rollback != null) {
        out.println();
        Optional.ofNullable(plan).ifPresent(p -> out.println(Messages.planWritten(p)));
        Optional.ofNullable(rollback).ifPresent(r -> out.println(Messages.rollbackWritten(r)));
      }
      if (!apply && !changes.isEmpty()) {
        out.println();
        out.print(new String(PlanLdif.write(changes, header), StandardCharsets.UTF_8));
      }
    }
  }

  /** What was asked, for the plan's header: the action and the selection, never a secret. */
  private List<String> commandLine() {
    String what = action.uri != null ? "--uri " + action.uri
        : action.clear ? "--clear" : "--site-scope " + String.join(",", action.siteScope);
    String which = selection.servers != null ? "--server " + String.join(" --server ", selection.servers)
        : selection.dn != null ? "--dn '" + selection.dn + "'"
        : selection.matchHost != null ? "--match-host " + selection.matchHost
        : selection.failing ? "--failing" : "--all";
    return List.of("adscp", "fix", what, which);
  }

  private static Path defaultName(String kind) {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
    return Path.of("adscp-" + kind + "-" + stamp + ".ldif");
  }
}
