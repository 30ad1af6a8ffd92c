package org.adscp.testing;

import com.unboundid.asn1.ASN1BitString;
import com.unboundid.asn1.ASN1Boolean;
import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1ObjectIdentifier;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.util.OID;
import com.unboundid.util.ssl.cert.SignatureAlgorithmIdentifier;
import com.unboundid.util.ssl.cert.X509CertificateExtension;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test certificates without BouncyCastle, built with UnboundID's {@code X509Certificate}
 * generators (notes §3): a root CA, an intermediate, and leaves with a chosen subject CN, DNS and
 * IP SANs, key type and size, validity, signature algorithm; self-signed leaves; CAs of their
 * own (expired intermediates, impostors with a known name and another key).
 *
 * <p>Key pairs are generated once per JVM and handed out in rotation, because RSA key generation
 * dominates the cost; the root and the intermediate have keys of their own.
 *
 * <pre>
 *   TestPki pki = TestPki.create();
 *   TestPki.Cert leaf = pki.leaf("mail.contoso.com").dns("mail.contoso.com").build();
 *   leaf.chain();         // [leaf, intermediate]
 *   pki.root().certificate();   // the trust anchor
 * </pre>
 */
public final class TestPki {

  /** One day. */
  public static final Duration DAY = Duration.ofDays(1);

  private static final Map<String, List<KeyPair>> KEY_POOLS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> KEY_NEXT = new ConcurrentHashMap<>();
  private static final int POOL_SIZE = 6;

  private final Instant now;
  private final Cert root;
  private final Cert intermediate;

  private TestPki(Instant now) {
    this.now = now;
    this.root = new Builder("Test Root CA").selfSigned().ca().key(dedicated("root"))
        .validity(now.minus(DAY.multipliedBy(365)), now.plus(DAY.multipliedBy(3650))).build();
    this.intermediate = new Builder("Test Issuing CA").issuer(root).ca()
        .key(dedicated("intermediate"))
        .validity(now.minus(DAY.multipliedBy(300)), now.plus(DAY.multipliedBy(1800))).build();
  }

  /** A PKI whose dates are relative to now (whole seconds). */
  public static TestPki create() {
    return new TestPki(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** A PKI whose dates are relative to {@code now}. */
  public static TestPki at(Instant now) {
    return new TestPki(now.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The "now" the default validities are relative to. */
  public Instant now() {
    return now;
  }

  /** Self-signed root "Test Root CA", RSA 2048, SHA-256, valid from a year ago for ten years. */
  public Cert root() {
    return root;
  }

  /** "Test Issuing CA", signed by the root, valid from 300 days ago for five years. */
  public Cert intermediate() {
    return intermediate;
  }

  /**
   * A leaf with subject CN {@code cn}, issued by the intermediate, RSA 2048, SHA-256, valid from a
   * day ago for 90 days, with no SAN unless one is added.
   */
  public Builder leaf(String cn) {
    return new Builder(cn).issuer(intermediate)
        .validity(now.minus(DAY), now.plus(DAY.multipliedBy(90)));
  }

  /** A CA with subject CN {@code cn}, issued by the root, valid like the intermediate. */
  public Builder ca(String cn) {
    return new Builder(cn).issuer(root).ca()
        .validity(now.minus(DAY.multipliedBy(300)), now.plus(DAY.multipliedBy(1800)));
  }

  /** A key store holding {@code anchors} as trusted certificate entries. */
  public static KeyStore trustStore(Cert... anchors) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (int i = 0; i < anchors.length; i++) {
        ks.setCertificateEntry("anchor" + i, anchors[i].certificate());
      }
      return ks;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificates as a PEM text, in order. */
  public static String pem(List<X509Certificate> certs) {
    StringBuilder b = new StringBuilder();
    Base64.Encoder enc = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    for (X509Certificate c : certs) {
      try {
        b.append("-----BEGIN CERTIFICATE-----\n").append(enc.encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return b.toString();
  }

  // ---- the certificates -----------------------------------------------------------------------

  /** A generated certificate with its key pair and the certificate that issued it. */
  public static final class Cert {
    private final X509Certificate certificate;
    private final com.unboundid.util.ssl.cert.X509Certificate unboundid;
    private final KeyPair keys;
    private final Cert issuer;

    private Cert(com.unboundid.util.ssl.cert.X509Certificate unboundid, KeyPair keys,
        Cert issuer) {
      this.unboundid = unboundid;
      this.keys = keys;
      this.issuer = issuer;
      try {
        this.certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(unboundid.getX509CertificateBytes()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /** The JDK certificate. */
    public X509Certificate certificate() {
      return certificate;
    }

    public KeyPair keys() {
      return keys;
    }

    public PrivateKey privateKey() {
      return keys.getPrivate();
    }

    /** The issuer, or null when self-signed. */
    public Cert issuer() {
      return issuer;
    }

    /** What a server sends: this certificate and its issuers, without a self-signed root. */
    public List<X509Certificate> chain() {
      List<X509Certificate> out = new ArrayList<>();
      out.add(certificate);
      for (Cert c = issuer; c != null; c = c.issuer) {
        if (c.issuer == null) {
          break; // the self-signed root: servers do not send it
        }
        out.add(c.certificate);
      }
      return out;
    }

    /** {@link #chain()} plus the self-signed root at the end. */
    public List<X509Certificate> chainWithRoot() {
      List<X509Certificate> out = new ArrayList<>();
      out.add(certificate);
      for (Cert c = issuer; c != null; c = c.issuer) {
        out.add(c.certificate);
      }
      return out;
    }
  }

  /** Builds one certificate. */
  public final class Builder {
    private final String cn;
    private String subject;
    private final List<String> dns = new ArrayList<>();
    private final List<String> ips = new ArrayList<>();
    private String keyAlgorithm = "RSA";
    private int keyBits = 2048;
    private KeyPair key;
    private SignatureAlgorithmIdentifier signature;
    private Cert issuer;
    private boolean selfSigned;
    private boolean ca;
    private Instant notBefore;
    private Instant notAfter;
    private boolean sha1;

    private Builder(String cn) {
      this.cn = cn;
    }

    /** dNSName SANs. */
    public Builder dns(String... names) {
      dns.addAll(List.of(names));
      return this;
    }

    /** iPAddress SANs (IP literals). */
    public Builder ip(String... addresses) {
      ips.addAll(List.of(addresses));
      return this;
    }

    /** A whole subject DN instead of just {@code CN=cn}. */
    public Builder subject(String dn) {
      this.subject = dn;
      return this;
    }

    public Builder rsa(int bits) {
      keyAlgorithm = "RSA";
      keyBits = bits;
      return this;
    }

    public Builder ec(int bits) {
      keyAlgorithm = "EC";
      keyBits = bits;
      return this;
    }

    /** Use this key pair instead of one from the pool. */
    public Builder key(KeyPair keyPair) {
      this.key = keyPair;
      return this;
    }

    /** The signature algorithm; by default SHA-256 with the signer's key type. */
    public Builder signature(SignatureAlgorithmIdentifier algorithm) {
      this.signature = algorithm;
      return this;
    }

    /** SHA-1 with the signer's key type. */
    public Builder sha1() {
      this.signature = null;
      this.sha1 = true;
      return this;
    }

    public Builder issuer(Cert issuer) {
      this.issuer = issuer;
      this.selfSigned = false;
      return this;
    }

    public Builder selfSigned() {
      this.selfSigned = true;
      this.issuer = null;
      return this;
    }

    /** basicConstraints cA=TRUE. */
    public Builder ca() {
      this.ca = true;
      return this;
    }

    public Builder validity(Instant from, Instant until) {
      this.notBefore = from;
      this.notAfter = until;
      return this;
    }

    /** Valid from 400 days ago until 10 days ago. */
    public Builder expired() {
      return validity(now.minus(DAY.multipliedBy(400)), now.minus(DAY.multipliedBy(10)));
    }

    /** Valid from 10 days from now for a year. */
    public Builder notYetValid() {
      return validity(now.plus(DAY.multipliedBy(10)), now.plus(DAY.multipliedBy(375)));
    }

    /** Valid from a day ago until {@code left} from now. */
    public Builder expiresIn(Duration left) {
      return validity(now.minus(DAY), now.plus(left));
    }

    public Cert build() {
      try {
        KeyPair keys = key != null ? key : pooledKey(keyAlgorithm, keyBits);
        DN dn = subject != null ? new DN(subject) : new DN(new RDN("CN", cn));
        List<X509CertificateExtension> ext = new ArrayList<>();
        if (ca) {
          ext.add(new X509CertificateExtension(new OID("2.5.29.19"), true,
              new ASN1Sequence(new ASN1Boolean(true)).encode()));
        } else {
          ext.add(new X509CertificateExtension(new OID("2.5.29.37"), false,
              new ASN1Sequence(new ASN1ObjectIdentifier(new OID("1.3.6.1.5.5.7.3.1"))).encode()));
        }
        if (!dns.isEmpty() || !ips.isEmpty()) {
          ext.add(san(dns, ips));
        }
        X509CertificateExtension[] extensions = ext.toArray(new X509CertificateExtension[0]);
        long from = notBefore.toEpochMilli();
        long until = notAfter.toEpochMilli();
        if (selfSigned || issuer == null) {
          SignatureAlgorithmIdentifier sig = algorithm(keys);
          return new Cert(com.unboundid.util.ssl.cert.X509Certificate.generateSelfSignedCertificate(
              sig, keys, dn, from, until, extensions), keys, null);
        }
        SignatureAlgorithmIdentifier sig = algorithm(issuer.keys);
        ASN1Element[] spki = ASN1Sequence.decodeAsSequence(keys.getPublic().getEncoded())
            .elements();
        ASN1Element[] alg = ASN1Sequence.decodeAsSequence(spki[0]).elements();
        ASN1BitString publicKey = spki[1].decodeAsBitString();
        return new Cert(com.unboundid.util.ssl.cert.X509Certificate
            .generateIssuerSignedCertificate(sig, issuer.unboundid, issuer.keys.getPrivate(),
                alg[0].decodeAsObjectIdentifier().getOID(), alg.length > 1 ? alg[1] : null,
                publicKey, null, dn, from, until, extensions), keys, issuer);
      } catch (Exception e) {
        throw new IllegalStateException("cannot build test certificate " + cn, e);
      }
    }

    private SignatureAlgorithmIdentifier algorithm(KeyPair signer) {
      if (signature != null) {
        return signature;
      }
      boolean ecSigner = "EC".equals(signer.getPrivate().getAlgorithm());
      if (sha1) {
        return ecSigner ? SignatureAlgorithmIdentifier.SHA_1_WITH_ECDSA
            : SignatureAlgorithmIdentifier.SHA_1_WITH_RSA;
      }
      return ecSigner ? SignatureAlgorithmIdentifier.SHA_256_WITH_ECDSA
          : SignatureAlgorithmIdentifier.SHA_256_WITH_RSA;
    }
  }

  /** The SAN extension: [2] dNSName IA5String, [7] iPAddress OCTET STRING (notes §3). */
  static X509CertificateExtension san(List<String> dns, List<String> ips) throws Exception {
    List<ASN1Element> names = new ArrayList<>();
    for (String d : dns) {
      names.add(new ASN1OctetString((byte) 0x82, d));
    }
    for (String ip : ips) {
      names.add(new ASN1OctetString((byte) 0x87, literal(ip).getAddress()));
    }
    return new X509CertificateExtension(new OID("2.5.29.17"), false,
        new ASN1Sequence(names).encode());
  }

  private static InetAddress literal(String ip) throws Exception {
    if (!ip.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("not an IP literal: " + ip);
    }
    return InetAddress.getByName(ip);
  }

  // ---- keys -----------------------------------------------------------------------------------

  /** A key pair from the pool of {@code algorithm}/{@code bits}, in rotation. */
  public static KeyPair pooledKey(String algorithm, int bits) {
    String k = algorithm + "-" + bits;
    List<KeyPair> pool = KEY_POOLS.computeIfAbsent(k, x -> new ArrayList<>());
    int i = KEY_NEXT.computeIfAbsent(k, x -> new AtomicInteger()).getAndIncrement() % POOL_SIZE;
    synchronized (pool) {
      while (pool.size() <= i) {
        pool.add(generate(algorithm, bits));
      }
      return pool.get(i);
    }
  }

  private static KeyPair dedicated(String role) {
    List<KeyPair> pool = KEY_POOLS.computeIfAbsent("dedicated-" + role, x -> new ArrayList<>());
    synchronized (pool) {
      if (pool.isEmpty()) {
        pool.add(generate("RSA", 2048));
      }
      return pool.get(0);
    }
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      g.initialize(bits);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
