package org.adscp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top of the command tree: global options, subcommands, the exit-code table of --help. */
@Command(
    name = "adscp",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    description = {
      "Inspects and repairs the Exchange Autodiscover service connection points (SCPs) in Active Directory.",
      "Read-only unless a command is given --apply."
    },
    subcommands = {ListCommand.class, AuditCommand.class, FixCommand.class, ApplyCommand.class,
      picocli.CommandLine.HelpCommand.class},
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:usage error (bad option, unreadable or malformed input file)",
      "3:the work could not be done (cannot connect, bind refused, LDAP error)",
      "4:apply met a conflict: the directory had changed and that record was not written"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  adscp list --ldif ldif-fixtures/multi-site.ldif",
      "  adscp list -H ldaps://dc01.contoso.com -D admin@contoso.com -w - --format json",
      "  adscp list --kerberos -H ldap://dc01.contoso.com"
    })
public final class AdscpCommand {
  private final Environment environment;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Say on stderr what is asked of the directory and the network (never secrets), and show stack traces.")
  boolean verbose;

  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description = "No colour in the table (also when NO_COLOR is set).")
  boolean noColor;

  public AdscpCommand(Environment environment) {
    this.environment = environment;
  }

  Environment environment() {
    return environment;
  }

  boolean verbose() {
    return verbose;
  }
}
