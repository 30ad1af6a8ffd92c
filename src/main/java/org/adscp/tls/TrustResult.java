package org.adscp.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Whether a presented chain leads to a trust anchor, and if not, why.
 *
 * @param trusted true when a valid PKIX path to an anchor was built
 * @param anchor the anchor the path ends at, or null
 * @param reason why not, {@link Reason#NONE} when trusted
 * @param subject the certificate the reason is about (display name), or null
 * @param related the other certificate involved (its issuer, the anchor), or null
 * @param when the date that matters (an expiry), or null
 * @param detail the PKIX builder's own words when the reason is {@link Reason#OTHER}, the
 *     algorithm for {@link Reason#DISABLED_ALGORITHM}, or null
 */
public record TrustResult(
    boolean trusted,
    X509Certificate anchor,
    Reason reason,
    String subject,
    String related,
    Instant when,
    String detail) {

  /** Why a chain is not trusted. */
  public enum Reason {
    NONE,
    /** The leaf itself is self-signed and is not an anchor ({@code CERT_SELF_SIGNED}). */
    SELF_SIGNED,
    /** The presented chain ends in a self-signed CA that is not an anchor. */
    UNTRUSTED_ROOT,
    /** The issuer of the last presented certificate is neither presented nor an anchor. */
    UNKNOWN_ISSUER,
    EXPIRED_INTERMEDIATE,
    INTERMEDIATE_NOT_YET_VALID,
    EXPIRED_ANCHOR,
    ANCHOR_NOT_YET_VALID,
    /** A certificate whose issuer's name is there but whose signature that key does not verify. */
    BAD_SIGNATURE,
    /** The certificate that signed another is not a CA (no basicConstraints cA). */
    NOT_A_CA,
    /**
     * An algorithm that certification path validation refuses outright (an MD5 or MD2
     * signature, a tiny key); detail names it.
     */
    DISABLED_ALGORITHM,
    /** No trust anchors at all. */
    NO_ANCHORS,
    /** Anything else the PKIX builder refused (see detail). */
    OTHER
  }

  static TrustResult trustedBy(X509Certificate anchor) {
    return new TrustResult(true, anchor, Reason.NONE, null, null, null, null);
  }

  static TrustResult untrusted(Reason reason, String subject, String related, Instant when,
      String detail) {
    return new TrustResult(false, null, reason, subject, related, when, detail);
  }
}
