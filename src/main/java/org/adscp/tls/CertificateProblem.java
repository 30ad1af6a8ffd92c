package org.adscp.tls;

import java.util.Objects;
import org.adscp.scp.Finding;
import org.adscp.scp.FindingCode;
import org.adscp.scp.Severity;

/**
 * One thing wrong with the certificate of one host: a finding without the SCP it will be reported
 * on (every SCP whose URL uses that host gets it).
 *
 * @param code the finding code (spec §5)
 * @param severity its severity (the code's default)
 * @param message one line a person understands
 * @param hint what to do
 */
public record CertificateProblem(FindingCode code, Severity severity, String message,
    String hint) {

  public CertificateProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  static CertificateProblem of(FindingCode code, String message, String hint) {
    return new CertificateProblem(code, code.defaultSeverity(), message, hint);
  }

  /** This problem as a finding on the SCP {@code dn}, about {@code url}. */
  public Finding toFinding(String dn, String url) {
    return new Finding(code, severity, dn, url, message, hint);
  }
}
