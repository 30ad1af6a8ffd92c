package org.adscp.scp;

import java.util.Objects;

/**
 * One thing wrong (or worth knowing) about one SCP: what, how bad, where, and what to do.
 *
 * @param dn the SCP's distinguished name
 * @param url the URL the finding is about, or null when it is about the SCP as a whole
 * @param message one line a person understands
 * @param hint what to do about it
 */
public record Finding(
    FindingCode code, Severity severity, String dn, String url, String message, String hint) {

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(dn, "dn");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /** A finding with its code's usual severity. */
  public static Finding of(FindingCode code, String dn, String url, String message, String hint) {
    return new Finding(code, code.defaultSeverity(), dn, url, message, hint);
  }
}
