package org.adscp.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Decides whether a presented chain leads to one of the given trust anchors, as of a given
 * instant, and says why not.
 *
 * <p>The path is built by the JDK ({@code CertPathBuilder.getInstance("PKIX")}) from the leaf,
 * with the presented certificates in a {@code CertStore}, revocation off, and
 * {@code PKIXBuilderParameters.setDate(at)}, so that an expired intermediate makes the chain
 * untrusted even while the leaf's own dates are fine. Two deliberate additions to plain PKIX:
 *
 * <ul>
 *   <li>Anchors not valid at that instant are left out. RFC 5280 and the JDK treat an anchor as a
 *       bare name and key, but Windows and browsers reject a chain to an expired root (think of
 *       the DST Root CA X3 expiry), and spec §5 asks for "expired anchor" to be untrusted.
 *   <li>When the leaf itself is outside its validity at {@code at} ({@code CERT_EXPIRED} /
 *       {@code CERT_NOT_YET_VALID} already say so), the chain is judged as of the leaf's last (or
 *       first) valid instant instead, so that the trust verdict names only what is wrong beyond
 *       the leaf's own dates rather than repeating them.
 * </ul>
 *
 * <p>When the builder fails, the reason is found by walking the presented chain by name and
 * signature: an unknown issuer, an expired intermediate or anchor, a signature that does not
 * verify, an issuer that is not a CA, a chain ending in a self-signed certificate that is not an
 * anchor; else the builder's own message. Immutable and thread-safe.
 */
public final class ChainValidator {

  private static final int MAX_WALK = 16;

  private final List<X509Certificate> anchors;
  private final Set<X509Certificate> anchorSet;

  public ChainValidator(Collection<X509Certificate> anchors) {
    this.anchors = List.copyOf(new LinkedHashSet<>(anchors));
    this.anchorSet = Set.copyOf(this.anchors);
  }

  /** The trusted certificates of a key store (certificate entries and the chains' tops). */
  public static ChainValidator fromKeyStore(KeyStore keyStore) throws KeyStoreException {
    List<X509Certificate> list = new ArrayList<>();
    for (String alias : Collections.list(keyStore.aliases())) {
      if (keyStore.isCertificateEntry(alias)) {
        Certificate c = keyStore.getCertificate(alias);
        if (c instanceof X509Certificate) {
          list.add((X509Certificate) c);
        }
      }
    }
    return new ChainValidator(list);
  }

  public List<X509Certificate> anchors() {
    return anchors;
  }

  /**
   * True when {@code cert} is itself a trust anchor: the same certificate, or a self-signed one
   * with an anchor's name and key (a re-issued root).
   */
  public boolean isAnchor(X509Certificate cert) {
    if (anchorSet.contains(cert)) {
      return true;
    }
    if (!CertificateFacts.isSelfSigned(cert)) {
      return false;
    }
    for (X509Certificate a : anchors) {
      if (a.getSubjectX500Principal().equals(cert.getSubjectX500Principal())
          && a.getPublicKey().equals(cert.getPublicKey())) {
        return true;
      }
    }
    return false;
  }

  /** Validates {@code chain} (leaf first, as presented) as of {@code at}. */
  public TrustResult validate(List<X509Certificate> chain, Instant at) {
    Objects.requireNonNull(at, "at");
    if (chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("empty chain");
    }
    X509Certificate leaf = chain.get(0);
    if (isAnchor(leaf)) {
      return TrustResult.trustedBy(leaf);
    }
    Instant date = at;
    Instant leafStart = leaf.getNotBefore().toInstant();
    Instant leafEnd = leaf.getNotAfter().toInstant();
    if (date.isAfter(leafEnd)) {
      date = leafEnd;
    } else if (date.isBefore(leafStart)) {
      date = leafStart;
    }
    if (anchors.isEmpty()) {
      return TrustResult.untrusted(TrustResult.Reason.NO_ANCHORS, null, null, null, null);
    }
    Set<TrustAnchor> valid = new HashSet<>();
    for (X509Certificate a : anchors) {
      if (validAt(a, date)) {
        valid.add(new TrustAnchor(a, null));
      }
    }
    String builderMessage = null;
    if (!valid.isEmpty()) {
      try {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters p = new PKIXBuilderParameters(valid, target);
        p.setRevocationEnabled(false);
        p.setDate(Date.from(date));
        p.addCertStore(CertStore.getInstance("Collection",
            new CollectionCertStoreParameters(new ArrayList<>(chain))));
        PKIXCertPathBuilderResult r =
            (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(p);
        return TrustResult.trustedBy(r.getTrustAnchor().getTrustedCert());
      } catch (GeneralSecurityException e) {
        builderMessage = deepestMessage(e);
      }
    }
    return diagnose(chain, date, builderMessage);
  }

  private TrustResult diagnose(List<X509Certificate> chain, Instant date, String builderMessage) {
    X509Certificate leaf = chain.get(0);
    if (CertificateFacts.isSelfSigned(leaf)) {
      return TrustResult.untrusted(TrustResult.Reason.SELF_SIGNED, name(leaf), null, null, null);
    }
    Set<X509Certificate> seen = new LinkedHashSet<>(); // leaf first, in walk order
    X509Certificate cur = leaf;
    for (int i = 0; i < MAX_WALK && seen.add(cur); i++) {
      if (i > 0 && CertificateFacts.isSelfSigned(cur)) {
        if (isAnchor(cur)) {
          break; // reached an anchor; the failure lies elsewhere
        }
        return TrustResult.untrusted(TrustResult.Reason.UNTRUSTED_ROOT, name(cur), null, null,
            null);
      }
      X500Principal issuerName = cur.getIssuerX500Principal();
      X509Certificate anchorIssuer = findIssuer(cur, anchors);
      if (anchorIssuer != null) {
        if (date.isAfter(anchorIssuer.getNotAfter().toInstant())) {
          return TrustResult.untrusted(TrustResult.Reason.EXPIRED_ANCHOR, name(cur),
              name(anchorIssuer), anchorIssuer.getNotAfter().toInstant(), null);
        }
        if (date.isBefore(anchorIssuer.getNotBefore().toInstant())) {
          return TrustResult.untrusted(TrustResult.Reason.ANCHOR_NOT_YET_VALID, name(cur),
              name(anchorIssuer), anchorIssuer.getNotBefore().toInstant(), null);
        }
        break; // a valid anchor signed it; the failure lies elsewhere
      }
      X509Certificate issuer = findIssuer(cur, chain);
      if (issuer == null || issuer.equals(cur)) {
        X509Certificate sameName = findByName(issuerName, chain, cur);
        if (sameName == null) {
          sameName = findByName(issuerName, anchors, cur);
        }
        if (sameName != null) {
          return TrustResult.untrusted(TrustResult.Reason.BAD_SIGNATURE, name(cur),
              name(sameName), null, null);
        }
        return TrustResult.untrusted(TrustResult.Reason.UNKNOWN_ISSUER, name(cur),
            name(issuerName), null, null);
      }
      if (issuer.getBasicConstraints() < 0) {
        return TrustResult.untrusted(TrustResult.Reason.NOT_A_CA, name(cur), name(issuer), null,
            null);
      }
      if (date.isAfter(issuer.getNotAfter().toInstant())) {
        return TrustResult.untrusted(TrustResult.Reason.EXPIRED_INTERMEDIATE, name(issuer),
            null, issuer.getNotAfter().toInstant(), null);
      }
      if (date.isBefore(issuer.getNotBefore().toInstant())) {
        return TrustResult.untrusted(TrustResult.Reason.INTERMEDIATE_NOT_YET_VALID,
            name(issuer), null, issuer.getNotBefore().toInstant(), null);
      }
      cur = issuer;
    }
    // The walk found a sound path, yet the builder refused it: most likely an algorithm the
    // JDK's path validation refuses (jdk.certpath.disabledAlgorithms: MD2, MD5, RSA/DSA keys
    // under 1024 bits, EC keys under 224 bits by default). Name it if we see one.
    for (X509Certificate c : seen) {
      String sig = c.getSigAlgName().toUpperCase(Locale.ROOT);
      if (sig.startsWith("MD2") || sig.startsWith("MD5")) {
        return TrustResult.untrusted(TrustResult.Reason.DISABLED_ALGORITHM, name(c), null, null,
            c.getSigAlgName() + " signature");
      }
      CertificateFacts f = CertificateFacts.of(c);
      boolean tiny = ("RSA".equals(f.keyAlgorithm()) || "DSA".equals(f.keyAlgorithm()))
          && f.keySize() >= 0 && f.keySize() < 1024
          || "EC".equals(f.keyAlgorithm()) && f.keySize() >= 0 && f.keySize() < 224;
      if (tiny) {
        return TrustResult.untrusted(TrustResult.Reason.DISABLED_ALGORITHM, name(c), null, null,
            f.keyAlgorithm() + " " + f.keySize() + "-bit key");
      }
    }
    return TrustResult.untrusted(TrustResult.Reason.OTHER, name(leaf), null, null,
        builderMessage == null ? "no path found" : builderMessage);
  }

  /** A certificate among {@code candidates} whose name and key issued {@code cert}. */
  private static X509Certificate findIssuer(X509Certificate cert,
      Collection<X509Certificate> candidates) {
    for (X509Certificate c : candidates) {
      if (c.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
          && CertificateFacts.verifiesWith(cert, c.getPublicKey())) {
        return c;
      }
    }
    return null;
  }

  private static X509Certificate findByName(X500Principal name,
      Collection<X509Certificate> candidates, X509Certificate except) {
    for (X509Certificate c : candidates) {
      if (!c.equals(except) && c.getSubjectX500Principal().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static boolean validAt(X509Certificate c, Instant at) {
    return !at.isBefore(c.getNotBefore().toInstant()) && !at.isAfter(c.getNotAfter().toInstant());
  }

  static String name(X509Certificate c) {
    return name(c.getSubjectX500Principal());
  }

  static String name(X500Principal p) {
    String cn = CertificateFacts.commonName(p);
    return cn != null ? cn : p.getName(X500Principal.RFC2253);
  }

  private static String deepestMessage(Throwable e) {
    String m = e.getMessage();
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        m = t.getMessage();
      }
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
