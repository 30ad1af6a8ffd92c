package org.adscp.cli;

import org.adscp.Trace;
import org.adscp.directory.ConfigurationReader;
import org.adscp.directory.ConnectionSpec;
import org.adscp.directory.DirectoryConnector;
import org.adscp.directory.DirectorySession;
import org.adscp.report.SourceDescription;
import org.adscp.scp.ForestConfiguration;

/**
 * What every command starts with: connect, read the configuration partition. The session stays
 * open for the commands that write; closing this closes it.
 */
record ForestRead(DirectorySession session, SourceDescription source, ForestConfiguration forest, ConnectionSpec spec)
    implements AutoCloseable {

  static ForestRead open(ConnectionSpec spec, Trace trace) {
    DirectorySession session = DirectoryConnector.open(spec, trace);
    try {
      ForestConfiguration forest =
          new ConfigurationReader(session.connection(), ConfigurationReader.DEFAULT_PAGE_SIZE, trace)
              .read(session.configurationNamingContext());
      return new ForestRead(
          session, new SourceDescription(session.kind(), session.where(), session.configurationNamingContext()),
          forest, spec);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
