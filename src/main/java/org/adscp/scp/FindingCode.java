package org.adscp.scp;

/**
 * The finding codes of the contract (spec §5), each with its usual severity. A few codes take
 * another severity case by case (SITE_UNCOVERED is info when every URL its clients could get is
 * the same), so a {@link Finding} carries its own severity.
 */
public enum FindingCode {
  // URL of a URL SCP
  SCP_NO_URL(Severity.INFO),
  URL_MULTI_VALUE(Severity.WARNING),
  URL_WHITESPACE(Severity.WARNING),
  URL_MALFORMED(Severity.ERROR),
  URL_NOT_HTTPS(Severity.ERROR),
  URL_BAD_PATH(Severity.ERROR),
  URL_PORT_REDUNDANT(Severity.INFO),
  URL_PORT_NONSTANDARD(Severity.ERROR),
  HOST_SINGLE_LABEL(Severity.WARNING),
  HOST_IP_LITERAL(Severity.WARNING),
  HOST_INTERNAL_NAME(Severity.INFO),
  HOST_SERVER_SPECIFIC(Severity.WARNING),
  // certificate of each distinct host:port
  CERT_UNAVAILABLE(Severity.ERROR),
  CERT_NAME_MISMATCH(Severity.ERROR),
  CERT_CN_ONLY(Severity.WARNING),
  CERT_EXPIRED(Severity.ERROR),
  CERT_NOT_YET_VALID(Severity.ERROR),
  CERT_EXPIRING_SOON(Severity.WARNING),
  CERT_SELF_SIGNED(Severity.ERROR),
  CERT_UNTRUSTED(Severity.ERROR),
  CERT_WEAK_KEY(Severity.ERROR),
  CERT_WEAK_SIGNATURE(Severity.WARNING),
  TLS_LEGACY_ONLY(Severity.WARNING),
  // topology
  SOURCE_PARTIAL(Severity.INFO),
  SITE_UNKNOWN(Severity.WARNING),
  SITE_MISMATCH(Severity.WARNING),
  SITE_NONE(Severity.INFO),
  SITE_UNCOVERED(Severity.WARNING),
  SERVER_MISSING(Severity.WARNING),
  SERVER_LEGACY(Severity.WARNING),
  POINTER_NO_TARGET(Severity.WARNING),
  POINTER_BAD_TARGET(Severity.ERROR),
  POINTER_NO_DOMAIN(Severity.WARNING),
  POINTER_UNREACHABLE(Severity.WARNING),
  POINTER_LOOP(Severity.ERROR);

  private final Severity defaultSeverity;

  FindingCode(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }
}
