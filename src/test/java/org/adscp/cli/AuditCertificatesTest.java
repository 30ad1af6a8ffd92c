package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONString;
import com.unboundid.util.json.JSONValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.adscp.Messages;
import org.adscp.testing.Cli;
import org.adscp.testing.GeneratedForest;
import org.adscp.testing.TestPki;
import org.adscp.testing.TlsTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit} against real TLS servers on loopback: the URL host's certificate is fetched in a
 * real handshake (SNI = the URL's host, the connection sent to the test server by --resolve),
 * then judged against the test CA given with --trust-store.
 */
class AuditCertificatesTest {
  private static final String HOST = "autodiscover.contoso.com";

  @TempDir static Path dir;
  static TestPki pki;
  static Path forest;
  static Path rootPem;

  @BeforeAll
  static void setUp() throws Exception {
    pki = TestPki.create();
    forest = GeneratedForest.write(dir.resolve("forest.ldif"), 2, 1);
    rootPem = dir.resolve("root.pem");
    Files.writeString(rootPem, TestPki.pem(List.of(pki.root().certificate())), StandardCharsets.US_ASCII);
  }

  private static Cli.Result audit(TlsTestServer server, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "audit", "--ldif", forest.toString(), "--trust-store", rootPem.toString(),
        "--resolve", HOST + "=" + server.address() + ":" + server.port(), "--format", "json"));
    args.addAll(Arrays.asList(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  /** The certificate findings of the run: code per SCP, in order. */
  private static List<String> certificateCodes(Cli.Result r) throws Exception {
    List<String> codes = new ArrayList<>();
    for (JSONValue v : new JSONObject(r.out()).getFieldAsArray("findings")) {
      JSONObject f = (JSONObject) v;
      codes.add(f.getFieldAsString("code"));
    }
    return codes;
  }

  private static JSONObject firstFinding(Cli.Result r) throws Exception {
    return (JSONObject) new JSONObject(r.out()).getFieldAsArray("findings").get(0);
  }

  @Test
  void goodCertificateFromTrustedCaHasNoFindingAndExits0() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf(HOST).dns(HOST).build())) {
      Cli.Result r = audit(server);
      assertEquals(0, r.exitCode(), r::toString);
      assertEquals(List.of(), certificateCodes(r));
      // two SCPs use the host; it is fetched once
      assertEquals(1, server.accepted());
      assertEquals(List.of(HOST), server.requestedServerNames());
    }
  }

  @Test
  void wildcardCoversTheAutodiscoverName() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf("*.contoso.com").dns("*.contoso.com").build())) {
      Cli.Result r = audit(server);
      assertEquals(List.of(), certificateCodes(r), r::toString);
    }
  }

  @Test
  void nameMismatchIsAnErrorOnEveryScpAndNamesWhatTheCertificateCarries() throws Exception {
    try (TlsTestServer server =
        TlsTestServer.serving(pki.leaf("mail.contoso.com").dns("mail.contoso.com", "*.fabrikam.com").build())) {
      Cli.Result r = audit(server);
      assertEquals(1, r.exitCode(), r::toString);
      assertEquals(List.of("CERT_NAME_MISMATCH", "CERT_NAME_MISMATCH"), certificateCodes(r));
      JSONObject f = firstFinding(r);
      assertEquals("error", f.getFieldAsString("severity"));
      assertEquals("https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml", f.getFieldAsString("url"));
      assertTrue(f.getFieldAsString("message").contains("mail.contoso.com"), f::toString);
      assertTrue(f.getFieldAsString("message").contains("*.fabrikam.com"), f::toString);
      assertTrue(f.getFieldAsString("hint").contains("mail.contoso.com"), f::toString);
    }
  }

  @Test
  void tableShowsTheCertificatesNamesBesideTheMismatch() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf("mail.contoso.com").dns("mail.contoso.com").build())) {
      Cli.Result r = Cli.run("audit", "--ldif", forest.toString(), "--trust-store", rootPem.toString(),
          "--resolve", HOST + "=" + server.address() + ":" + server.port());
      assertEquals(1, r.exitCode(), r::toString);
      String table = r.out();
      int mismatch = table.indexOf("CERT_NAME_MISMATCH");
      assertTrue(mismatch > 0, table);
      assertTrue(table.substring(mismatch, table.indexOf('\n', mismatch)).contains("mail.contoso.com"), table);
      assertFalse(table.contains("\u001b["), "no colour without a terminal");
    }
  }

  @Test
  void selfSignedCertificateOnACorrectUrlGivesCertificateFindingsNotUrlFindings() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf(HOST).dns(HOST).selfSigned().build())) {
      Cli.Result r = audit(server);
      assertEquals(List.of("CERT_SELF_SIGNED", "CERT_SELF_SIGNED"), certificateCodes(r));
      assertEquals(1, r.exitCode());
    }
  }

  @Test
  void certificateFromAnUnknownCaIsUntrusted() throws Exception {
    TestPki.Cert unknownRoot = pki.leaf("Unknown Root CA").subject("CN=Unknown Root CA").selfSigned().ca().build();
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf(HOST).dns(HOST).issuer(unknownRoot).build())) {
      Cli.Result r = audit(server);
      assertEquals(List.of("CERT_UNTRUSTED", "CERT_UNTRUSTED"), certificateCodes(r));
    }
  }

  @Test
  void atMovesTheVerdictPastExpiry() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf(HOST).dns(HOST).build())) {
      String later = pki.now().plus(Duration.ofDays(200)).toString();
      assertEquals(List.of("CERT_EXPIRED", "CERT_EXPIRED"), certificateCodes(audit(server, "--at", later)));
      String before = pki.now().minus(Duration.ofDays(10)).toString();
      assertEquals(List.of("CERT_NOT_YET_VALID", "CERT_NOT_YET_VALID"), certificateCodes(audit(server, "--at", before)));
    }
  }

  @Test
  void expiringSoonWarnsAndFailOnDecidesTheExitCode() throws Exception {
    TestPki.Cert leaf = pki.leaf(HOST).dns(HOST).expiresIn(Duration.ofDays(10)).build();
    try (TlsTestServer server = TlsTestServer.serving(leaf)) {
      Cli.Result r = audit(server);
      assertEquals(List.of("CERT_EXPIRING_SOON", "CERT_EXPIRING_SOON"), certificateCodes(r));
      assertEquals(0, r.exitCode(), "a warning does not fail --fail-on error");
      assertEquals(1, audit(server, "--fail-on", "warning").exitCode());
      assertEquals(List.of(), certificateCodes(audit(server, "--expiry-warn-days", "5")));
    }
  }

  @Test
  void failOnNeverExits0EvenWithErrors() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf("x.example").dns("x.example").build())) {
      assertEquals(0, audit(server, "--fail-on", "never").exitCode());
    }
  }

  @Test
  void silentServerIsUnavailableWithinTheTimeout() throws Exception {
    try (TlsTestServer server = TlsTestServer.silent()) {
      long start = System.nanoTime();
      Cli.Result r = audit(server, "--timeout", "1");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(List.of("CERT_UNAVAILABLE", "CERT_UNAVAILABLE"), certificateCodes(r));
      assertTrue(firstFinding(r).getFieldAsString("message").contains("timed out"), r::toString);
      assertTrue(millis < 8000, "took " + millis + " ms");
    }
  }

  @Test
  void certFileIsUsedInsteadOfTheNetwork() throws Exception {
    TestPki.Cert leaf = pki.leaf(HOST).dns(HOST).build();
    Path pem = dir.resolve("leaf.pem");
    Files.writeString(pem, TestPki.pem(leaf.chain()), StandardCharsets.US_ASCII);
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf("wrong.example").dns("wrong.example").build())) {
      Cli.Result r = audit(server, "--cert", HOST + "=" + pem);
      assertEquals(List.of(), certificateCodes(r), r::toString);
      assertEquals(0, server.accepted(), "nothing fetched for a host with --cert");
    }
  }

  @Test
  void offlineFetchesNothing() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf(HOST).dns(HOST).build())) {
      Cli.Result r = audit(server, "--offline");
      assertEquals(List.of("CERT_UNAVAILABLE", "CERT_UNAVAILABLE"), certificateCodes(r));
      assertEquals(0, server.accepted());
    }
  }

  @Test
  void badOptionsAreUsageErrorsBeforeAnythingIsRead() {
    Path missing = dir.resolve("missing-ldif.ldif");
    Cli.Result at = Cli.run("audit", "--ldif", missing.toString(), "--at", "next tuesday");
    assertEquals(2, at.exitCode(), at::toString);
    assertEquals(List.of("adscp: " + Messages.badInstant("next tuesday")), List.of(at.errLines()));
    Cli.Result cert = Cli.run("audit", "--ldif", missing.toString(), "--cert", dir.resolve("nope.pem").toString());
    assertEquals(2, cert.exitCode(), cert::toString);
    assertEquals(1, cert.errLines().length, cert::toString);
    assertTrue(cert.err().contains("nope.pem"), cert::toString);
    Cli.Result resolve = Cli.run("audit", "--ldif", missing.toString(), "--resolve", "no-equals-sign");
    assertEquals(2, resolve.exitCode(), resolve::toString);
    assertEquals(1, resolve.errLines().length, resolve::toString);
    Cli.Result days = Cli.run("audit", "--ldif", missing.toString(), "--expiry-warn-days", "-1");
    assertEquals(List.of("adscp: " + Messages.badExpiryWarnDays(-1)), List.of(days.errLines()));
  }

  @Test
  void atAcceptsADate() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf(HOST).dns(HOST).build())) {
      String day = pki.now().plus(Duration.ofDays(300)).toString().substring(0, 10);
      assertEquals(List.of("CERT_EXPIRED", "CERT_EXPIRED"), certificateCodes(audit(server, "--at", day)));
    }
  }

  @Test
  void jsonListsEveryScpAsListDoes() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(pki.leaf(HOST).dns(HOST).build())) {
      JSONObject report = new JSONObject(audit(server).out());
      assertEquals(2, report.getFieldAsArray("scps").size());
      JSONObject scp = (JSONObject) report.getFieldAsArray("scps").get(0);
      assertEquals(List.of("https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml"),
          scp.getFieldAsArray("urls").stream().map(u -> ((JSONString) u).stringValue()).toList());
      assertEquals(0, report.getFieldAsObject("summary").getFieldAsInteger("error"));
    }
  }
}
