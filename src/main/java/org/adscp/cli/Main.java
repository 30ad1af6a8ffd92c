package org.adscp.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.adscp.Messages;
import org.adscp.UnavailableException;
import org.adscp.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The entry point: {@code main} only exits with what {@link #run} returns. */
public final class Main {
  /** Options whose next argument could be a password typed where it must not be. */
  private static final Set<String> PASSWORD_OPTIONS = Set.of("-w", "--bind-password", "--password");

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Environment.system());
  }

  /** What every end-to-end test calls. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Environment environment) {
    AdscpCommand root = new AdscpCommand(environment);
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(true);
    if (environment.variable("NO_COLOR").isPresent()) {
      cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    }
    cl.setParameterExceptionHandler(
        (ParameterException e, String[] arguments) -> {
          err.println("adscp: " + redact(parameterMessage(e), arguments));
          String name = e.getCommandLine().getCommandSpec().qualifiedName(" ");
          err.println(Messages.tryHelp(name));
          err.flush();
          return ExitCode.USAGE.code();
        });
    cl.setExecutionExceptionHandler(
        (Exception e, CommandLine failed, CommandLine.ParseResult parsed) -> {
          boolean verbose = root.verbose();
          err.println("adscp: " + messageOf(e));
          if (verbose) {
            e.printStackTrace(err);
          }
          err.flush();
          return exitCodeOf(e).code();
        });
    cl.setExitCodeExceptionMapper(e -> exitCodeOf(e).code());
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static ExitCode exitCodeOf(Throwable e) {
    if (e instanceof ParameterException || e instanceof UsageException) {
      return ExitCode.USAGE;
    }
    return ExitCode.UNAVAILABLE;
  }

  private static String messageOf(Throwable e) {
    if (e instanceof UsageException || e instanceof UnavailableException) {
      return e.getMessage();
    }
    return Messages.internalError(e.toString());
  }

  /**
   * picocli names every argument from the first one it did not expect: after a mistyped password
   * option ({@code --bind-pass SECRET}) that is the password, which {@link #redact} cannot know
   * to hide. Only the first unexpected argument is named, without an {@code =value}.
   */
  static String parameterMessage(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      if (unmatched.isUnknownOption()) {
        int equals = first.indexOf('=');
        return Messages.unknownOption(equals > 0 ? first.substring(0, equals) : first);
      }
      return Messages.unmatchedArgument(first);
    }
    return e.getMessage();
  }

  /** A password typed after -w must not come back in an error message. */
  static String redact(String message, String[] arguments) {
    String result = message;
    List<String> args = List.of(arguments);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String secret = null;
      if (PASSWORD_OPTIONS.contains(arg) && i + 1 < args.size()) {
        secret = args.get(i + 1);
      } else if (arg.startsWith("-w") && arg.length() > 2 && !arg.startsWith("-w=")) {
        secret = arg.substring(2);
      } else if (arg.contains("=") && PASSWORD_OPTIONS.contains(arg.substring(0, arg.indexOf('=')))) {
        secret = arg.substring(arg.indexOf('=') + 1);
      }
      if (secret != null && !secret.isEmpty() && !secret.equals("-")) {
        result = result.replace(secret, "****");
      }
    }
    return result;
  }
}
