package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adscp.Messages;
import org.adscp.testing.Cli;
import org.adscp.testing.Fixtures;
import org.adscp.testing.SambaDc;
import org.junit.jupiter.api.Test;

/**
 * {@code adscp list} against a real Samba AD domain controller holding a fixture: over LDAPS and
 * StartTLS with the DC's certificate verified, with Kerberos, and the same SCPs as the embedded
 * directory serves from the same file.
 */
class SambaListIT {
  /** What the DC sets itself on load, and so cannot match the export. */
  private static final List<String> DC_OWNED = List.of("whenCreated", "whenChanged");

  private static Cli.Result listLdaps(String... extra) {
    String[] base = {
      "list", "-H", SambaDc.url(), "--trust-store", SambaDc.trustStore(),
      "-D", SambaDc.bindDn(), "--password-file", SambaDc.passwordFile(), "--format", "json"
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  /** The SCPs of a list run keyed by DN, without the attributes the DC sets on load. */
  private static Map<String, String> scpsByDn(Cli.Result r) throws Exception {
    assertEquals(0, r.exitCode(), r::toString);
    Map<String, String> byDn = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (JSONValue v : new JSONObject(r.out()).getFieldAsArray("scps")) {
      JSONObject scp = (JSONObject) v;
      Map<String, JSONValue> fields = new TreeMap<>(scp.getFields());
      DC_OWNED.forEach(fields::remove);
      byDn.put(scp.getFieldAsString("dn"), new JSONObject(fields).toNormalizedString());
    }
    return byDn;
  }

  @Test
  void listOverLdapsGivesTheSameScpsAsTheEmbeddedRunOfTheSameFixture() throws Exception {
    Cli.Result live = listLdaps();
    Cli.Result embedded =
        Cli.run("list", "--ldif", Fixtures.root().resolve(SambaDc.fixture()).toString(), "--format", "json");
    Map<String, String> fromDc = scpsByDn(live);
    assertFalse(fromDc.isEmpty(), live::toString);
    assertEquals(scpsByDn(embedded), fromDc);
    JSONObject source = new JSONObject(live.out()).getFieldAsObject("source");
    assertEquals("ldap", source.getFieldAsString("kind"));
    assertTrue(source.getFieldAsString("configNC").startsWith("CN=Configuration,DC="), live::toString);
  }

  @Test
  void whenCreatedAndWhenChangedComeFromTheDc() throws Exception {
    for (JSONValue v : new JSONObject(listLdaps().out()).getFieldAsArray("scps")) {
      JSONObject scp = (JSONObject) v;
      assertTrue(scp.getFieldAsString("whenCreated").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), scp::toString);
    }
  }

  @Test
  void listOverStartTlsWithTheCertificateVerified() throws Exception {
    Cli.Result r =
        Cli.run(
            "list", "-H", SambaDc.startTlsUrl(), "--starttls", "--trust-store", SambaDc.trustStore(),
            "-D", SambaDc.bindDn(), "--password-file", SambaDc.passwordFile(), "--format", "json");
    assertEquals(scpsByDn(listLdaps()), scpsByDn(r));
  }

  @Test
  void listWithKerberosFromTheTicketCache() throws Exception {
    Cli.Result r =
        Cli.run(SambaDc.kerberosEnvironment(), "", "list", "-H", SambaDc.startTlsUrl(), "--kerberos", "--format", "json");
    assertEquals(scpsByDn(listLdaps()), scpsByDn(r));
  }

  @Test
  void untrustedDcCertificateIsRefused() {
    Cli.Result r =
        Cli.run("list", "-H", SambaDc.url(), "-D", SambaDc.bindDn(), "--password-file", SambaDc.passwordFile());
    assertEquals(3, r.exitCode(), r::toString);
    String url = SambaDc.url().replaceAll("/$", "");
    String withPort = url.matches(".*:\\d+$") ? url : url + ":636";
    assertEquals("adscp: " + Messages.cannotConnect(withPort, Messages.tlsCertificateUntrusted()), r.errLines()[0]);
  }

  @Test
  void wrongPasswordIsRefusedWithAdsReason() throws Exception {
    java.nio.file.Path wrong = java.nio.file.Files.createTempFile("adscp-wrong", ".pw");
    java.nio.file.Files.writeString(wrong, "not-the-password\n");
    Cli.Result r =
        Cli.run("list", "-H", SambaDc.url(), "--trust-store", SambaDc.trustStore(),
            "-D", SambaDc.bindDn(), "--password-file", wrong.toString());
    assertEquals(3, r.exitCode(), r::toString);
    assertEquals(
        "adscp: " + Messages.bindInvalidCredentials(SambaDc.bindDn(), "wrong password or user name (AD data 52e)"),
        r.errLines()[0]);
  }

  @Test
  void simpleBindOnPlainLdapIsRefusedByTheToolBeforeTheDcSeesIt() {
    Cli.Result r =
        Cli.run("list", "-H", SambaDc.startTlsUrl(), "-D", SambaDc.bindDn(), "--password-file", "/nonexistent");
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals("adscp: " + Messages.cleartextBindRefused(), r.errLines()[0]);
  }
}
