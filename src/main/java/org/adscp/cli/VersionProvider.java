package org.adscp.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (Maven writes it there). */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"adscp " + (version == null ? "(development build)" : version)};
  }
}
