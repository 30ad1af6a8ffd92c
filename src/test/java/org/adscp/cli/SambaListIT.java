package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adscp.Messages;
import org.adscp.testing.Cli;
import org.adscp.testing.DcReports;
import org.adscp.testing.FixtureCatalog;
import org.adscp.testing.Fixtures;
import org.adscp.testing.SambaDc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adscp list} against a real Samba AD domain controller holding a fixture: over LDAPS and
 * StartTLS with the DC's certificate verified, with Kerberos, and the same SCPs as the embedded
 * directory serves from the same file; the binds the tool or the DC must refuse.
 */
class SambaListIT {
  @TempDir static Path dir;

  @BeforeAll
  static void loadTheFixture() {
    if (SambaDc.configured()) {
      SambaDc.load(SambaDc.fixture());
    }
  }

  private static Cli.Result listLdaps(String... extra) {
    String[] base = {
      "list", "-H", SambaDc.url(), "--trust-store", SambaDc.trustStore(),
      "-D", SambaDc.bindDn(), "--password-file", SambaDc.passwordFile(), "--format", "json"
    };
    String[] args = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  /** The SCPs of a list run keyed by DN, every field. */
  private static Map<String, String> scpsByDn(Cli.Result r) {
    assertEquals(0, r.exitCode(), r::toString);
    return DcReports.scpsByDn(DcReports.parse(r));
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
    assertEquals(SambaDc.url(), source.getFieldAsString("where"));
    assertTrue(source.getFieldAsString("configNC").startsWith("CN=Configuration,DC="), live::toString);
  }

  @Test
  void whenCreatedAndWhenChangedAreTheExportsOwn() throws Exception {
    String fixture = Path.of(SambaDc.fixture()).getFileName().toString().replaceFirst("\\.ldif$", "");
    Map<String, List<String>> expected = new TreeMap<>();
    for (FixtureCatalog.ExpectedScp scp : FixtureCatalog.selectedScps(fixture)) {
      expected.put(scp.name(), List.of(scp.whenCreated(), scp.whenChanged()));
    }
    Map<String, List<String>> fromDc = new TreeMap<>();
    for (JSONValue v : new JSONObject(listLdaps().out()).getFieldAsArray("scps")) {
      JSONObject scp = (JSONObject) v;
      fromDc.put(scp.getFieldAsString("name"),
          List.of(scp.getFieldAsString("whenCreated"), scp.getFieldAsString("whenChanged")));
    }
    assertEquals(expected, fromDc);
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
    Path wrong = dir.resolve("wrong.pw");
    Files.writeString(wrong, "not-the-password\n");
    Cli.Result r =
        Cli.run("list", "-H", SambaDc.url(), "--trust-store", SambaDc.trustStore(),
            "-D", SambaDc.bindDn(), "--password-file", wrong.toString());
    assertEquals(3, r.exitCode(), r::toString);
    assertEquals(
        "adscp: " + Messages.bindInvalidCredentials(SambaDc.bindDn(), "wrong password or user name (AD data 52e)"),
        r.errLines()[0]);
  }

  /**
   * The proof is in two places. The tool's side: the password file it is given does not exist,
   * yet the refusal is the cleartext one (exit 2), so it refused before reading any password.
   * The DC's side: at debug level 3 Samba logs the end of every LDAP connection
   * ({@code stream_terminate_connection}), and every bind. A control run that does reach the DC
   * (--allow-cleartext, with a wrong password, which the DC refuses for want of TLS) shows that
   * the log is on; then, between the moment before the refused run and a second control run
   * after it, the DC logged exactly one LDAP connection (the control's) and no bind.
   */
  @Test
  void simpleBindOnPlainLdapIsRefusedByTheToolBeforeAnyConnectionReachesTheDc() throws Exception {
    Path missing = dir.resolve("no-such-password-file");
    Path wrong = dir.resolve("cleartext-control.pw");
    Files.writeString(wrong, "not-the-password\n");
    SambaDc.debugLevel(3);
    try {
      // a first control run: once the DC has logged it, level 3 is in force in its LDAP server
      long start = SambaDc.logLineCount();
      controlRun(wrong);
      assertEquals(1, awaitLdapConnections(start, 1).get("LDAP connections"),
          () -> "the DC does not log LDAP connections at level 3:\n" + String.join("\n", SambaDc.logLinesAfter(start)));
      long before = SambaDc.logLineCount();
      Cli.Result refused =
          Cli.run("list", "-H", SambaDc.startTlsUrl(), "-D", SambaDc.bindDn(), "--password-file", missing.toString());
      Cli.Result control = controlRun(wrong);

      assertEquals(2, refused.exitCode(), refused::toString);
      assertEquals(List.of("adscp: " + Messages.cleartextBindRefused()), List.of(refused.errLines()));
      assertFalse(Files.exists(missing));
      assertEquals(3, control.exitCode(), control::toString);
      assertEquals(List.of("adscp: " + Messages.strongAuthRequired()), List.of(control.errLines()));

      Map<String, Integer> logged = awaitLdapConnections(before, 1);
      assertEquals(Map.of("LDAP connections", 1, "binds", 0), logged,
          () -> "the DC's log since the refused run:\n" + String.join("\n", SambaDc.logLinesAfter(before)));
    } finally {
      SambaDc.debugLevel(1);
    }
  }

  /** A simple bind on plain LDAP that the tool lets through and the DC refuses for want of TLS. */
  private static Cli.Result controlRun(Path wrongPassword) {
    return Cli.run("list", "-H", SambaDc.startTlsUrl(), "-D", SambaDc.bindDn(), "--password-file",
        wrongPassword.toString(), "--allow-cleartext");
  }

  /** Counts, in the DC's log after line {@code skip}, LDAP connections ended and binds; waits for {@code want} connections (5 s at most). */
  private static Map<String, Integer> awaitLdapConnections(long skip, int want) throws InterruptedException {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      List<String> lines = SambaDc.logLinesAfter(skip);
      counts.put("LDAP connections",
          (int) lines.stream().filter(l -> l.contains("stream_terminate_connection") && l.contains("ldapsrv")).count());
      counts.put("binds", (int) lines.stream().filter(l -> l.startsWith("Auth: [LDAP")).count());
      if (counts.get("LDAP connections") >= want) {
        break;
      }
      Thread.sleep(100);
    }
    return counts;
  }
}
