package org.adscp.cli;

/** {@code --format}: a table for people, JSON (spec §6) for scripts. */
public enum OutputFormat {
  table,
  json
}
