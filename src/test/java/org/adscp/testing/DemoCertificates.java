package org.adscp.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the certificates bundled in {@code ldif-fixtures/certs/} for the README's audit of
 * {@code multi-site.ldif}. Run once; the PEM files are committed (no private key is written).
 * They are valid until 2035 so that the demonstration gives the same answer for years; real
 * public certificates live at most 398 days (200 from March 2026).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.adscp.testing.DemoCertificates ldif-fixtures/certs</pre>
 */
public final class DemoCertificates {
  private DemoCertificates() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    TestPki pki = TestPki.at(Instant.parse("2025-06-01T00:00:00Z"));
    Instant from = Instant.parse("2025-06-01T00:00:00Z");
    TestPki.Cert root = pki.leaf("Contoso Test Root CA").subject("CN=Contoso Test Root CA,O=Contoso")
        .selfSigned().ca().validity(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2045-01-01T00:00:00Z")).build();
    TestPki.Cert issuing = pki.leaf("Contoso Test Issuing CA").subject("CN=Contoso Test Issuing CA,O=Contoso")
        .issuer(root).ca().validity(Instant.parse("2025-01-02T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z")).build();
    TestPki.Cert shared = pki.leaf("autodiscover.contoso.com").issuer(issuing)
        .dns("autodiscover.contoso.com", "mail.contoso.com").validity(from, Instant.parse("2035-06-01T00:00:00Z")).build();
    TestPki.Cert emea = pki.leaf("autodiscover.emea.contoso.com").issuer(issuing).sha1()
        .dns("autodiscover.emea.contoso.com", "mail.emea.contoso.com")
        .validity(from, Instant.parse("2035-06-01T00:00:00Z")).build();
    // What Exchange setup makes: "Microsoft Exchange", self-signed, the server's names.
    TestPki.Cert setup = pki.leaf("NYC-EX02").subject("CN=NYC-EX02").selfSigned()
        .dns("NYC-EX02", "NYC-EX02.contoso.com")
        .validity(Instant.parse("2025-09-16T13:30:00Z"), Instant.parse("2035-09-16T13:30:00Z")).build();
    write(dir.resolve("contoso-test-root-ca.pem"), List.of(root.certificate()));
    write(dir.resolve("autodiscover.contoso.com.pem"), shared.chain());
    write(dir.resolve("autodiscover.emea.contoso.com.pem"), emea.chain());
    write(dir.resolve("nyc-ex02.contoso.com.pem"), List.of(setup.certificate()));
  }

  private static void write(Path file, List<java.security.cert.X509Certificate> chain) throws Exception {
    Files.writeString(file, TestPki.pem(chain), StandardCharsets.US_ASCII);
  }
}
