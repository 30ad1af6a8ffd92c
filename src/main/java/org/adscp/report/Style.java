package org.adscp.report;

import org.adscp.scp.Severity;

/** ANSI colour for a terminal, or none: scripts and files get plain text. */
public final class Style {
  private static final String RESET = "\u001b[0m";
  private final boolean color;

  private Style(boolean color) {
    this.color = color;
  }

  public static Style plain() {
    return new Style(false);
  }

  public static Style colored() {
    return new Style(true);
  }

  String severity(Severity severity, String text) {
    return paint(switch (severity) {
      case ERROR -> "\u001b[31;1m";
      case WARNING -> "\u001b[33m";
      case INFO -> "\u001b[36m";
    }, text);
  }

  String ok(String text) {
    return paint("\u001b[32m", text);
  }

  String bold(String text) {
    return paint("\u001b[1m", text);
  }

  String dim(String text) {
    return paint("\u001b[2m", text);
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
