package org.adscp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.ssl.cert.SignatureAlgorithmIdentifier;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.adscp.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateFactsTest {

  private static TestPki pki;

  @BeforeAll
  static void pki() {
    pki = TestPki.create();
  }

  @Test
  void readsNamesDatesAndIssuer() {
    TestPki.Cert leaf = pki.leaf("mail.contoso.com").subject("CN=mail.contoso.com,O=Contoso")
        .dns("mail.contoso.com", "*.contoso.com").ip("10.0.0.5", "2001:db8::5")
        .validity(pki.now().minus(TestPki.DAY), pki.now().plus(TestPki.DAY.multipliedBy(90)))
        .build();
    CertificateFacts f = CertificateFacts.of(leaf.certificate());

    assertEquals("CN=mail.contoso.com,O=Contoso", f.subject());
    assertEquals("CN=Test Issuing CA", f.issuer());
    assertEquals("mail.contoso.com", f.commonName());
    assertEquals(List.of("mail.contoso.com", "*.contoso.com"), f.dnsNames());
    assertEquals(List.of("10.0.0.5", "2001:db8:0:0:0:0:0:5"), f.ipAddresses());
    assertEquals(pki.now().minus(TestPki.DAY), f.notBefore());
    assertEquals(pki.now().plus(TestPki.DAY.multipliedBy(90)), f.notAfter());
    assertTrue(f.validAt(pki.now()));
    assertFalse(f.validAt(pki.now().plus(TestPki.DAY.multipliedBy(91))));
    assertFalse(f.selfSigned());
    assertFalse(f.ca());
    assertEquals("mail.contoso.com", f.displayName());
  }

  @Test
  void rsaKeySizeIsTheModulusBits() {
    CertificateFacts weak = CertificateFacts.of(pki.leaf("a").rsa(1024).build().certificate());
    assertEquals("RSA", weak.keyAlgorithm());
    assertEquals(1024, weak.keySize());
    assertTrue(weak.weakKey());
    CertificateFacts ok = CertificateFacts.of(pki.leaf("b").rsa(2048).build().certificate());
    assertEquals(2048, ok.keySize());
    assertFalse(ok.weakKey());
  }

  @Test
  void ecKeySizeIsTheFieldSize() {
    CertificateFacts f = CertificateFacts.of(pki.leaf("ec").ec(256).build().certificate());
    assertEquals("EC", f.keyAlgorithm());
    assertEquals(256, f.keySize());
    assertFalse(f.weakKey());
  }

  @Test
  void signatureAlgorithmIsTheJdkName() {
    CertificateFacts sha256 = CertificateFacts.of(pki.leaf("a").build().certificate());
    assertEquals("SHA256withRSA", sha256.signatureAlgorithm());
    assertEquals("1.2.840.113549.1.1.11", sha256.signatureAlgorithmOid());
    assertFalse(sha256.weakSignature());
    CertificateFacts sha1 = CertificateFacts.of(pki.leaf("b").sha1().build().certificate());
    assertEquals("SHA1withRSA", sha1.signatureAlgorithm());
    assertTrue(sha1.weakSignature());
    CertificateFacts md5 = CertificateFacts.of(pki.leaf("c")
        .signature(SignatureAlgorithmIdentifier.MD5_WITH_RSA).build().certificate());
    assertEquals("MD5withRSA", md5.signatureAlgorithm());
    assertTrue(md5.weakSignature());
    TestPki.Cert ecCa = pki.ca("EC CA").ec(256).build();
    CertificateFacts ecdsa = CertificateFacts.of(pki.leaf("d").issuer(ecCa).build()
        .certificate());
    assertEquals("SHA256withECDSA", ecdsa.signatureAlgorithm());
    assertFalse(ecdsa.weakSignature());
  }

  @Test
  void selfSignedNeedsSameNameAndOwnKey() {
    assertTrue(CertificateFacts.of(pki.root().certificate()).selfSigned());
    assertTrue(CertificateFacts.of(pki.root().certificate()).ca());
    assertTrue(CertificateFacts.of(pki.leaf("s").selfSigned().build().certificate())
        .selfSigned());
    // same name as its issuer, but signed by the issuer's key: not self-signed
    TestPki.Cert sameName = pki.leaf("Test Issuing CA").build();
    assertFalse(CertificateFacts.of(sameName.certificate()).selfSigned());
  }

  @Test
  void fingerprintIsSha256OfTheDer() throws Exception {
    TestPki.Cert c = pki.leaf("f").build();
    String expected = HexFormat.ofDelimiter(":").withUpperCase().formatHex(
        MessageDigest.getInstance("SHA-256").digest(c.certificate().getEncoded()));
    String fp = CertificateFacts.of(c.certificate()).sha256Fingerprint();
    assertEquals(expected, fp);
    assertEquals(32 * 3 - 1, fp.length());
  }

  @Test
  void certificateWithoutCnDisplaysItsDn() {
    CertificateFacts f = CertificateFacts.of(pki.leaf("x").subject("O=Contoso,C=US")
        .dns("mail.contoso.com").build().certificate());
    assertEquals(null, f.commonName());
    assertEquals("O=Contoso,C=US", f.displayName());
  }
}
