package org.adscp.tls;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * What one X.509 certificate says, read from the JDK's {@link X509Certificate} (the type that
 * TLS sessions and trust managers use). Pure data: no trust decision is made here.
 *
 * @param subject the subject DN (RFC 2253)
 * @param issuer the issuer DN (RFC 2253)
 * @param commonName the most specific subject CN, or null when the subject has none
 * @param dnsNames dNSName SANs, as written in the certificate, in certificate order
 * @param ipAddresses iPAddress SANs in canonical text (dotted quad, or full IPv6)
 * @param notBefore start of validity
 * @param notAfter end of validity (inclusive)
 * @param keyAlgorithm "RSA", "EC", "DSA", "EdDSA", …
 * @param keySize RSA/DSA modulus bits, EC field size, 255/448 for Ed25519/Ed448; -1 when unknown
 * @param signatureAlgorithm the JDK's name of the signature algorithm, e.g. "SHA256withRSA"
 * @param signatureAlgorithmOid its OID
 * @param selfSigned subject equals issuer and the signature verifies with the certificate's own key
 * @param ca true when basicConstraints says cA
 * @param sha256Fingerprint SHA-256 of the DER, upper-case hex pairs separated by colons
 */
public record CertificateFacts(
    String subject,
    String issuer,
    String commonName,
    List<String> dnsNames,
    List<String> ipAddresses,
    Instant notBefore,
    Instant notAfter,
    String keyAlgorithm,
    int keySize,
    String signatureAlgorithm,
    String signatureAlgorithmOid,
    boolean selfSigned,
    boolean ca,
    String sha256Fingerprint) {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  /** Signature algorithm OIDs whose hash is SHA-1, MD5, MD2 or MD4, with readable names. */
  private static final Map<String, String> WEAK_SIGNATURE_OIDS = Map.of(
      "1.2.840.113549.1.1.5", "SHA1withRSA",
      "1.3.14.3.2.29", "SHA1withRSA",
      "1.2.840.10045.4.1", "SHA1withECDSA",
      "1.2.840.10040.4.3", "SHA1withDSA",
      "1.2.840.113549.1.1.4", "MD5withRSA",
      "1.2.840.113549.1.1.2", "MD2withRSA",
      "1.2.840.113549.1.1.3", "MD4withRSA");

  public CertificateFacts {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }

  /** Reads the facts of {@code cert}. */
  public static CertificateFacts of(X509Certificate cert) {
    Objects.requireNonNull(cert, "cert");
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    Collection<List<?>> sans;
    try {
      sans = cert.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      sans = null; // an unparsable SAN extension names nothing we can match
    }
    if (sans != null) {
      for (List<?> san : sans) {
        if (san.size() < 2 || !(san.get(0) instanceof Integer) || !(san.get(1) instanceof String)) {
          continue;
        }
        int type = (Integer) san.get(0);
        String value = (String) san.get(1);
        if (type == SAN_DNS) {
          dns.add(value);
        } else if (type == SAN_IP) {
          ips.add(HostNames.ipLiteral(value).map(HostNames::addressText).orElse(value));
        }
      }
    }
    PublicKey key = cert.getPublicKey();
    return new CertificateFacts(
        cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
        cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
        commonName(cert.getSubjectX500Principal()),
        dns,
        ips,
        cert.getNotBefore().toInstant(),
        cert.getNotAfter().toInstant(),
        keyAlgorithm(key),
        keySize(key),
        cert.getSigAlgName(),
        cert.getSigAlgOID(),
        isSelfSigned(cert),
        cert.getBasicConstraints() >= 0,
        fingerprint(cert));
  }

  /** True when this certificate's validity includes {@code at}. */
  public boolean validAt(Instant at) {
    return !at.isBefore(notBefore) && !at.isAfter(notAfter);
  }

  /** True when the key is RSA or DSA under 2048 bits, or EC under 256 bits. */
  public boolean weakKey() {
    switch (keyAlgorithm) {
      case "RSA":
      case "RSASSA-PSS":
      case "DSA":
        return keySize >= 0 && keySize < 2048;
      case "EC":
        return keySize >= 0 && keySize < 256;
      default:
        return false;
    }
  }

  /** True when the signature uses SHA-1, MD5, MD4 or MD2. */
  public boolean weakSignature() {
    if (WEAK_SIGNATURE_OIDS.containsKey(signatureAlgorithmOid)) {
      return true;
    }
    String n = signatureAlgorithm == null ? "" : signatureAlgorithm.toUpperCase(Locale.ROOT);
    return n.startsWith("SHA1WITH") || n.startsWith("MD5") || n.startsWith("MD2")
        || n.startsWith("MD4");
  }

  /** A short human name: the CN when there is one, else the whole subject DN. */
  public String displayName() {
    return commonName != null ? commonName : subject;
  }

  /**
   * True when subject and issuer are the same name and the signature verifies with the
   * certificate's own public key.
   */
  public static boolean isSelfSigned(X509Certificate cert) {
    if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      return false;
    }
    return verifiesWith(cert, cert.getPublicKey());
  }

  /** True when {@code cert}'s signature verifies with {@code key}. */
  static boolean verifiesWith(X509Certificate cert, PublicKey key) {
    try {
      cert.verify(key);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  static String keyAlgorithm(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return "RSA".equals(key.getAlgorithm()) ? "RSA" : key.getAlgorithm();
    }
    if (key instanceof ECPublicKey) {
      return "EC";
    }
    if (key instanceof DSAPublicKey) {
      return "DSA";
    }
    if (key instanceof EdECPublicKey) {
      return "EdDSA";
    }
    return key.getAlgorithm();
  }

  static int keySize(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return ((RSAPublicKey) key).getModulus().bitLength();
    }
    if (key instanceof ECPublicKey) {
      return ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
    }
    if (key instanceof DSAPublicKey) {
      DSAPublicKey dsa = (DSAPublicKey) key;
      return dsa.getParams() == null ? -1 : dsa.getParams().getP().bitLength();
    }
    if (key instanceof EdECPublicKey) {
      String curve = ((EdECPublicKey) key).getParams().getName();
      return "Ed448".equalsIgnoreCase(curve) ? 448 : 255;
    }
    return -1;
  }

  /** The most specific CN of a subject (RFC 6125 §6.4.4), or null. */
  static String commonName(X500Principal subject) {
    try {
      DN dn = new DN(subject.getName(X500Principal.RFC2253));
      for (RDN rdn : dn.getRDNs()) { // RFC 2253 order: most specific first
        String[] names = rdn.getAttributeNames();
        String[] values = rdn.getAttributeValues();
        for (int i = 0; i < names.length; i++) {
          if (names[i].equalsIgnoreCase("CN") || names[i].equals("2.5.4.3")) {
            return values[i];
          }
        }
      }
      return null;
    } catch (LDAPException e) {
      return null;
    }
  }

  static String fingerprint(X509Certificate cert) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint certificate", e);
    }
  }

  /** The IP SANs as addresses, skipping any that do not parse. */
  List<InetAddress> ipAddressValues() {
    List<InetAddress> out = new ArrayList<>();
    for (String ip : ipAddresses) {
      HostNames.ipLiteral(ip).ifPresent(out::add);
    }
    return out;
  }
}
