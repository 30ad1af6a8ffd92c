package org.adscp.cli;

import org.adscp.report.Style;

/** Colour for a person at a terminal; never for a pipe, a file, --no-color or NO_COLOR. */
final class Styles {
  private Styles() {}

  static Style of(AdscpCommand root) {
    Environment env = root.environment();
    boolean color = env.interactive() && !root.noColor && env.variable("NO_COLOR").isEmpty();
    return color ? Style.colored() : Style.plain();
  }
}
