package org.adscp.cli;

import java.io.PrintWriter;
import org.adscp.Trace;
import org.adscp.directory.ConfigurationReader;
import org.adscp.directory.ConnectionSpec;
import org.adscp.directory.DirectoryConnector;
import org.adscp.directory.DirectorySession;
import org.adscp.report.SourceDescription;
import org.adscp.scp.ForestConfiguration;

/** What every reading command starts with: connect, read the configuration partition, close. */
record ForestRead(SourceDescription source, ForestConfiguration forest, ConnectionSpec spec) {

  static ForestRead of(SourceOptions options, AdscpCommand root, PrintWriter err, Trace trace) {
    ConnectionSpec spec = options.toSpec(root.environment(), err);
    try (DirectorySession session = DirectoryConnector.open(spec, trace)) {
      ForestConfiguration forest =
          new ConfigurationReader(session.connection(), ConfigurationReader.DEFAULT_PAGE_SIZE, trace)
              .read(session.configurationNamingContext());
      return new ForestRead(
          new SourceDescription(session.kind(), session.where(), session.configurationNamingContext()), forest, spec);
    }
  }

  static Trace traceFor(AdscpCommand root, PrintWriter err) {
    return root.verbose() ? line -> err.println("adscp: " + line) : Trace.SILENT;
  }
}
