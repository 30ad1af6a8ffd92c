package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adscp.Messages;
import org.adscp.testing.Cli;
import org.adscp.testing.DcReports;
import org.adscp.testing.Fixtures;
import org.adscp.testing.SambaDc;
import org.adscp.testing.TestPki;
import org.adscp.testing.TlsTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adscp audit} of multi-site.ldif loaded into the Samba DC, over LDAPS, StartTLS and
 * Kerberos, with the certificates fetched in real handshakes: the three URL hosts of the forest
 * are TLS servers on loopback (reached through --resolve) presenting test certificates: a good
 * one for autodiscover.contoso.com, one signed with SHA-1 for autodiscover.emea.contoso.com, a
 * self-signed one for nyc-ex02.contoso.com. Each run must find what the embedded audit of the
 * same file with the same options finds.
 */
class SambaAuditIT {
  private static final String FIXTURE = "ldif-fixtures/multi-site.ldif";
  private static final String SHARED = "autodiscover.contoso.com";
  private static final String EMEA = "autodiscover.emea.contoso.com";
  private static final String NYC_EX02 = "nyc-ex02.contoso.com";

  /** The findings of multi-site.ldif with those certificates, per SCP, in the order adscp gives them. */
  private static final Map<String, List<String>> EXPECTED =
      Map.of(
          "LON-EX01", List.of("CERT_WEAK_SIGNATURE"),
          "LON-EX02", List.of("CERT_WEAK_SIGNATURE"),
          "AMS-EX01", List.of("CERT_WEAK_SIGNATURE"),
          "NYC-EX02", List.of("CERT_SELF_SIGNED", "HOST_SERVER_SPECIFIC"));

  @TempDir static Path dir;
  static Map<String, TestPki.Cert> certificates;
  static Path testRoot;

  @BeforeAll
  static void loadTheFixtureAndMakeTheCertificates() throws Exception {
    if (SambaDc.configured()) {
      SambaDc.load(FIXTURE);
    }
    TestPki pki = TestPki.create();
    certificates = new LinkedHashMap<>();
    certificates.put(SHARED, pki.leaf(SHARED).dns(SHARED, "mail.contoso.com").build());
    certificates.put(EMEA, pki.leaf(EMEA).dns(EMEA, "mail.emea.contoso.com").sha1().build());
    certificates.put(NYC_EX02, pki.leaf("NYC-EX02").dns("NYC-EX02", "NYC-EX02.contoso.com").selfSigned().build());
    testRoot = dir.resolve("test-root-ca.pem");
    Files.writeString(testRoot, TestPki.pem(List.of(pki.root().certificate())), StandardCharsets.US_ASCII);
  }

  private static List<String> ldaps() {
    return List.of("-H", SambaDc.url(), "-D", SambaDc.bindDn(), "--password-file", SambaDc.passwordFile());
  }

  private static List<String> embedded() {
    return List.of("--ldif", Fixtures.root().resolve(FIXTURE).toString());
  }

  /**
   * One audit (JSON) of {@code source} with the three hosts served by fresh TLS servers; each
   * server must have accepted exactly one connection and been asked for its own host by SNI.
   */
  private static Cli.Result audit(Map<String, String> env, List<String> source, String... extra) throws Exception {
    List<TlsTestServer> servers = new ArrayList<>();
    try {
      List<String> args = new ArrayList<>(List.of("audit"));
      args.addAll(source);
      args.addAll(List.of("--trust-store", SambaDc.trustStore(), "--trust-store", testRoot.toString(), "--format", "json"));
      for (Map.Entry<String, TestPki.Cert> c : certificates.entrySet()) {
        TlsTestServer server = TlsTestServer.serving(c.getValue());
        servers.add(server);
        args.addAll(List.of("--resolve", c.getKey() + "=" + server.address() + ":" + server.port()));
      }
      args.addAll(Arrays.asList(extra));
      Cli.Result r = Cli.run(env, "", args.toArray(new String[0]));
      List<String> hosts = new ArrayList<>(certificates.keySet());
      for (int i = 0; i < servers.size(); i++) {
        String host = hosts.get(i);
        TlsTestServer server = servers.get(i);
        assertAll(host,
            () -> assertEquals(1, server.accepted(), host + " accepted one handshake\n" + r),
            () -> assertEquals(List.of(host), server.requestedServerNames(), host + ": SNI"));
      }
      return r;
    } finally {
      servers.forEach(TlsTestServer::close);
    }
  }

  /** The finding codes per SCP name, in report order. */
  private static Map<String, List<String>> codesByScp(JSONObject report) {
    Map<String, String> names = new TreeMap<>();
    for (JSONValue v : report.getFieldAsArray("scps")) {
      JSONObject scp = (JSONObject) v;
      names.put(scp.getFieldAsString("dn"), scp.getFieldAsString("name"));
    }
    Map<String, List<String>> codes = new TreeMap<>();
    for (JSONValue v : report.getFieldAsArray("findings")) {
      JSONObject f = (JSONObject) v;
      codes.computeIfAbsent(names.getOrDefault(f.getFieldAsString("dn"), "(forest)"), k -> new ArrayList<>())
          .add(f.getFieldAsString("code"));
    }
    return codes;
  }

  /** The DC's run against the embedded run of the same file with the same options. */
  private static void assertSameAuditAsEmbedded(Cli.Result fromDc) throws Exception {
    Cli.Result fromLdif = audit(Map.of(), embedded());
    JSONObject dc = DcReports.parse(fromDc);
    JSONObject ldif = DcReports.parse(fromLdif);
    assertAll(
        () -> assertEquals(new TreeMap<>(EXPECTED), codesByScp(dc), fromDc::toString),
        () -> assertEquals(DcReports.findingsInScpOrder(ldif, DcReports.scpOrder(dc)), DcReports.findings(dc)),
        () -> assertEquals(List.of(1, 4, 0), List.of(
            dc.getFieldAsObject("summary").getFieldAsInteger("error"),
            dc.getFieldAsObject("summary").getFieldAsInteger("warning"),
            dc.getFieldAsObject("summary").getFieldAsInteger("info"))),
        () -> assertEquals(DcReports.summary(ldif), DcReports.summary(dc)),
        () -> assertEquals(1, fromDc.exitCode(), "an error (CERT_SELF_SIGNED) makes the exit code 1"),
        () -> assertEquals(fromLdif.exitCode(), fromDc.exitCode()),
        () -> assertEquals("ldap", dc.getFieldAsObject("source").getFieldAsString("kind")));
  }

  @Test
  void auditOverLdapsWithTheDcCertificateVerifiedFindsWhatTheEmbeddedAuditFinds() throws Exception {
    assertSameAuditAsEmbedded(audit(Map.of(), ldaps()));
  }

  @Test
  void auditOverStartTlsFindsWhatTheEmbeddedAuditFinds() throws Exception {
    assertSameAuditAsEmbedded(audit(Map.of(), List.of(
        "-H", SambaDc.startTlsUrl(), "--starttls",
        "-D", SambaDc.bindDn(), "--password-file", SambaDc.passwordFile())));
  }

  @Test
  void auditWithKerberosFromTheTicketCacheFindsWhatTheEmbeddedAuditFinds() throws Exception {
    assertSameAuditAsEmbedded(
        audit(SambaDc.kerberosEnvironment(), List.of("-H", SambaDc.startTlsUrl(), "--kerberos")));
  }

  @Test
  void theSchemaPartitionReferralIsNotFollowedAndTheRunExitsAsItsFindingsSay() throws Exception {
    Cli.Result r = audit(Map.of(), ldaps(), "-v");
    JSONObject report = DcReports.parse(r);
    String configNc = report.getFieldAsObject("source").getFieldAsString("configNC");
    String referral = "ldaps://" + SambaDc.realm().toLowerCase(java.util.Locale.ROOT) + "/CN=Schema," + configNc;
    List<String> references =
        Arrays.stream(r.errLines()).filter(l -> l.contains("continuation reference not followed:")).toList();
    assertEquals(List.of("adscp: " + Messages.traceReferenceIgnored(referral)), references, r::toString);
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(new TreeMap<>(EXPECTED), codesByScp(report));
  }
}
