package org.adscp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adscp.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChainFetcher#readChainFile}: what {@code --cert FILE} accepts. */
class CertificateFileTest {

  private static TestPki.Cert leaf;

  @TempDir Path dir;

  @BeforeAll
  static void pki() {
    leaf = TestPki.create().leaf("mail.contoso.com").dns("mail.contoso.com").build();
  }

  @Test
  void pemChainKeepsItsOrder() throws Exception {
    Path f = Files.writeString(dir.resolve("chain.pem"), TestPki.pem(leaf.chainWithRoot()));
    assertEquals(leaf.chainWithRoot(), ChainFetcher.readChainFile(f));
  }

  @Test
  void derHoldsOneCertificate() throws Exception {
    Path f = Files.write(dir.resolve("leaf.cer"), leaf.certificate().getEncoded());
    assertEquals(List.of(leaf.certificate()), ChainFetcher.readChainFile(f));
  }

  @Test
  void pemWithTextAndAKeyBlockReadsOnlyTheCertificates() throws Exception {
    String text = "subject=CN=mail.contoso.com\r\n"
        + TestPki.pem(leaf.chain()).replace("\n", "\r\n")
        + "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n"
        + "-----END PRIVATE KEY-----\n";
    Path f = Files.writeString(dir.resolve("combined.pem"), text);
    assertEquals(leaf.chain(), ChainFetcher.readChainFile(f));
  }

  @Test
  void garbageIsAUsageErrorNamingTheFile() throws Exception {
    Path f = Files.writeString(dir.resolve("notes.txt"), "this is not a certificate");
    CertificateFileException e = assertThrows(CertificateFileException.class,
        () -> ChainFetcher.readChainFile(f));
    assertTrue(e.getMessage().startsWith("certificate file " + f + " is not a PEM or DER"
        + " certificate ("), e.getMessage());
  }

  @Test
  void pemWithoutCertificatesHoldsNone() throws Exception {
    Path f = Files.writeString(dir.resolve("key.pem"),
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    CertificateFileException e = assertThrows(CertificateFileException.class,
        () -> ChainFetcher.readChainFile(f));
    assertEquals("certificate file " + f + " holds no certificate", e.getMessage());
  }
}
