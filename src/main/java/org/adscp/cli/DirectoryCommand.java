package org.adscp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.adscp.Trace;
import org.adscp.directory.ConnectionSpec;
import org.adscp.report.Style;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command that reads the directory shares: the source options (spec §2), --format,
 * the streams and the --verbose trace. {@link #call()} is final so that every command runs the
 * same way; each says what it does in {@link #execute}, checking its own options before it
 * connects.
 */
abstract class DirectoryCommand implements Callable<Integer> {
  @ParentCommand AdscpCommand root;

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(names = "--format", paramLabel = "table|json", description = "Output: table (default) or json.")
  OutputFormat format = OutputFormat.table;

  PrintWriter out;
  PrintWriter err;
  Trace trace;

  @Override
  public final Integer call() {
    out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    trace = root.verbose() ? line -> err.println("adscp: " + line) : Trace.SILENT;
    try {
      return execute().code();
    } finally {
      out.flush();
    }
  }

  abstract ExitCode execute();

  /** The options of spec §2, checked against each other; nothing has touched the network yet. */
  ConnectionSpec connection() {
    return source.toSpec(root.environment(), err);
  }

  boolean json() {
    return format == OutputFormat.json;
  }

  Style style() {
    return Styles.of(root);
  }
}
