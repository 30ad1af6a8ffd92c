package org.adscp.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What adscp takes from the machine rather than from its arguments: environment variables, the
 * terminal and standard input, the Kerberos configuration. Tests pass their own.
 */
public final class Environment {
  private static final Pattern DEFAULT_REALM =
      Pattern.compile("^\\s*default_realm\\s*=\\s*(\\S+)", Pattern.MULTILINE);

  private final Function<String, String> variables;
  private final Console console;
  private final InputStream stdin;

  public Environment(Function<String, String> variables, Console console, InputStream stdin) {
    this.variables = variables;
    this.console = console;
    this.stdin = stdin;
  }

  public static Environment system() {
    return new Environment(System::getenv, System.console(), System.in);
  }

  /** For tests: these variables only, no terminal, the given standard input. */
  public static Environment of(Map<String, String> variables, InputStream stdin) {
    return new Environment(variables::get, null, stdin);
  }

  /** A person at a terminal (colour, prompts), not a pipe or a file. */
  public boolean interactive() {
    return console != null && !"dumb".equals(variables.apply("TERM"));
  }

  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.apply(name)).filter(v -> !v.isEmpty());
  }

  /**
   * Asks for a password without echo on the terminal; with no terminal, reads one line of
   * standard input after writing the prompt to stderr (never stdout, which may carry JSON).
   */
  public Optional<char[]> askPassword(String prompt, PrintWriter err) {
    if (console != null) {
      return Optional.ofNullable(console.readPassword("%s", prompt));
    }
    err.print(prompt);
    err.flush();
    try {
      String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
      // The typed line's own newline was not echoed to stderr; end the prompt's line for what follows.
      err.println();
      err.flush();
      return Optional.ofNullable(line).map(String::toCharArray);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The DNS domain of a domain-joined machine: USERDNSDOMAIN on Windows; elsewhere the
   * default_realm of the Kerberos configuration (KRB5_CONFIG, else /etc/krb5.conf).
   */
  public Optional<String> joinedDomain() {
    Optional<String> windows = variable("USERDNSDOMAIN");
    if (windows.isPresent()) {
      return windows.map(d -> d.toLowerCase(Locale.ROOT));
    }
    // KRB5_CONFIG may list several files; the first one holds the defaults.
    Path krb5 = Path.of(variable("KRB5_CONFIG").orElse("/etc/krb5.conf").split(":")[0]);
    try {
      Matcher m = DEFAULT_REALM.matcher(Files.readString(krb5, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
