package org.adscp.testing;

import com.unboundid.asn1.ASN1Boolean;
import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.util.OID;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.cert.SignatureAlgorithmIdentifier;
import com.unboundid.util.ssl.cert.X509Certificate;
import com.unboundid.util.ssl.cert.X509CertificateExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * A test PKI made in memory with UnboundID's certificate API (no BouncyCastle, no files but
 * the CA's PEM): one CA, a server certificate for {@code localhost}, and one for a name that is
 * not the one the tests connect to ({@code dc99.example.net}).
 *
 * <p>Generated once per JVM ({@link #shared()}): RSA key generation is the slow part.
 */
public final class LdapsTestCertificates {
  private static final long DAY = 24L * 60 * 60 * 1000;
  private static final char[] KEY_STORE_PASSWORD = "test-only".toCharArray();
  private static LdapsTestCertificates shared;

  private final X509Certificate ca;
  private final KeyPair caKeys;
  private final ServerIdentity localhost;
  private final ServerIdentity wrongName;

  /** A server's key and certificate chain (leaf, then the CA), ready for TLS listeners. */
  public static final class ServerIdentity {
    private final String name;
    private final X509Certificate certificate;
    private final KeyManagerFactory keyManagers;

    private ServerIdentity(String name, X509Certificate certificate, KeyManagerFactory keyManagers) {
      this.name = name;
      this.certificate = certificate;
      this.keyManagers = keyManagers;
    }

    /** The host name the certificate carries (CN and the only dNSName SAN). */
    public String name() {
      return name;
    }

    public X509Certificate certificate() {
      return certificate;
    }

    /** For an LDAPS listener. */
    public SSLServerSocketFactory serverSocketFactory() {
      try {
        return new SSLUtil(keyManagers.getKeyManagers(), null).createSSLServerSocketFactory();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** For the StartTLS of an LDAP listener (the server side of the upgraded socket). */
    public SSLSocketFactory startTlsSocketFactory() {
      try {
        return new SSLUtil(keyManagers.getKeyManagers(), null).createSSLSocketFactory();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private LdapsTestCertificates() throws Exception {
    long now = System.currentTimeMillis();
    caKeys = rsa();
    ca =
        X509Certificate.generateSelfSignedCertificate(
            SignatureAlgorithmIdentifier.SHA_256_WITH_RSA,
            caKeys,
            new DN("CN=adscp Test CA,O=adscp tests"),
            now - DAY,
            now + 30 * DAY,
            caConstraints());
    localhost = server("localhost", now);
    wrongName = server("dc99.example.net", now);
  }

  /** The PKI of this JVM, generated on first use. */
  public static synchronized LdapsTestCertificates shared() {
    if (shared == null) {
      try {
        shared = new LdapsTestCertificates();
      } catch (Exception e) {
        throw new IllegalStateException("cannot generate the test certificates", e);
      }
    }
    return shared;
  }

  public X509Certificate ca() {
    return ca;
  }

  /** Certificate for {@code localhost} (CN and dNSName), issued by {@link #ca()}. */
  public ServerIdentity localhost() {
    return localhost;
  }

  /** Certificate for {@code dc99.example.net} only, issued by {@link #ca()}. */
  public ServerIdentity wrongName() {
    return wrongName;
  }

  /** Writes the CA as {@code ca.pem} in the folder, for {@code --trust-store}. */
  public Path writeCaPem(Path folder) throws IOException {
    Path file = folder.resolve("ca.pem");
    Files.writeString(file, ca.toPEMString(), StandardCharsets.US_ASCII);
    return file;
  }

  private ServerIdentity server(String name, long now) throws Exception {
    KeyPair keys = rsa();
    ASN1Element[] spki = ASN1Sequence.decodeAsSequence(keys.getPublic().getEncoded()).elements();
    ASN1Element[] algorithm = ASN1Sequence.decodeAsSequence(spki[0]).elements();
    X509Certificate leaf =
        X509Certificate.generateIssuerSignedCertificate(
            SignatureAlgorithmIdentifier.SHA_256_WITH_RSA,
            ca,
            caKeys.getPrivate(),
            algorithm[0].decodeAsObjectIdentifier().getOID(),
            algorithm.length > 1 ? algorithm[1] : null,
            spki[1].decodeAsBitString(),
            null,
            new DN("CN=" + name),
            now - DAY,
            now + 30 * DAY,
            subjectAlternativeNames(name));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", keys.getPrivate(), KEY_STORE_PASSWORD, new Certificate[] {leaf.toCertificate(), ca.toCertificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, KEY_STORE_PASSWORD);
    return new ServerIdentity(name, leaf, kmf);
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** subjectAltName with dNSName ([2] IA5String) entries. */
  private static X509CertificateExtension subjectAlternativeNames(String... dnsNames) {
    List<ASN1Element> names = new ArrayList<>();
    for (String name : dnsNames) {
      names.add(new ASN1OctetString((byte) 0x82, name));
    }
    return new X509CertificateExtension(new OID("2.5.29.17"), false, new ASN1Sequence(names).encode());
  }

  /** basicConstraints cA=TRUE, critical. */
  private static X509CertificateExtension caConstraints() {
    return new X509CertificateExtension(
        new OID("2.5.29.19"), true, new ASN1Sequence(new ASN1Boolean(true)).encode());
  }
}
