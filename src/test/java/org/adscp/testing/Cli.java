package org.adscp.testing;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.adscp.cli.Environment;
import org.adscp.cli.Main;

/** Runs adscp in-process, as the end-to-end tests do, and keeps what it printed. */
public final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    /** stderr's lines. */
    public String[] errLines() {
      return err.isEmpty() ? new String[0] : err.split("\\R");
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  public static Result run(String... args) {
    return run(Map.of(), "", args);
  }

  public static Result run(Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Environment.of(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    return new Result(code, out.toString(), err.toString());
  }
}
