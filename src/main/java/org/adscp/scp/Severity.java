package org.adscp.scp;

import java.util.Locale;

/** How bad a finding is, most severe first; {@code --fail-on} compares against this order. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in JSON and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as bad as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) <= 0;
  }
}
