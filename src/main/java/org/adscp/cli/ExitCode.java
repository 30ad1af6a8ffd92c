package org.adscp.cli;

/** The exit codes of the contract (spec §7). */
public enum ExitCode {
  /** Nothing at or above {@code --fail-on}. */
  OK(0),
  /** Findings at or above {@code --fail-on}. */
  FINDINGS(1),
  /** A bad option, or an unreadable or malformed input file. */
  USAGE(2),
  /** The work could not be done: cannot connect, bind refused, LDAP error. */
  UNAVAILABLE(3),
  /** {@code apply} met a conflict: the directory had changed, and that record was not written. */
  CONFLICT(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
