package org.adscp.cli;

import static org.adscp.testing.LiveDirectoryServer.BIND_DN;
import static org.adscp.testing.LiveDirectoryServer.CONFIG_NC;
import static org.adscp.testing.LiveDirectoryServer.PASSWORD;
import static org.adscp.testing.LiveDirectoryServer.SCP_DN;
import static org.adscp.testing.LiveDirectoryServer.SCP_URL;
import static org.adscp.testing.LiveDirectoryServer.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.json.JSONException;
import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONString;
import com.unboundid.util.json.JSONValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adscp.Messages;
import org.adscp.testing.DnsTestServer;
import org.adscp.testing.DnsTestServer.Srv;
import org.adscp.testing.LdapsTestCertificates;
import org.adscp.testing.LiveDirectoryServer;
import org.adscp.testing.SilentServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adscp list} end to end against live (in-memory, loopback) directories: LDAPS, StartTLS,
 * simple binds and their refusals, TLS trust and host names, timeouts, DC location through DNS
 * SRV, and the option conflicts that must fail before anything touches the network.
 *
 * <p>Every test goes through {@link Main#run(String[], PrintWriter, PrintWriter, Environment)}
 * and asserts the exit code and the exact stderr line of {@link Messages} (or the JSON on
 * stdout). Tests connect to {@code localhost}, never to {@code 127.0.0.1}: UnboundID's host-name
 * verifier passes any certificate for a loopback IP literal.
 */
class LiveListTest {
  private static final String TRY_HELP = "Try 'adscp list --help' for the options.";

  @TempDir static Path dir;

  private static LdapsTestCertificates pki;
  /** The DC: certificate for localhost, RootDSE naming the configuration partition. */
  private static LiveDirectoryServer dc;
  /** An LDAP server that is not AD: no configurationNamingContext in its RootDSE. */
  private static LiveDirectoryServer notAd;
  /** A DC whose certificate names dc99.example.net only. */
  private static LiveDirectoryServer wrongName;
  private static DnsTestServer dns;
  private static Path caPem;
  private static Path passwordFile;
  private static Path wrongPasswordFile;
  private static Path missingKrb5;

  @BeforeAll
  static void startServers() throws Exception {
    pki = LdapsTestCertificates.shared();
    dc = LiveDirectoryServer.start(pki.localhost());
    notAd = LiveDirectoryServer.start(pki.localhost(), false);
    wrongName = LiveDirectoryServer.start(pki.wrongName());
    dns = DnsTestServer.start();
    caPem = pki.writeCaPem(dir);
    passwordFile = Files.writeString(dir.resolve("pw.txt"), PASSWORD + "\n");
    wrongPasswordFile = Files.writeString(dir.resolve("wrong-pw.txt"), "not-the-password\n");
    missingKrb5 = dir.resolve("no-such-krb5.conf");
  }

  @AfterAll
  static void stopServers() {
    for (AutoCloseable c : new AutoCloseable[] {dc, notAd, wrongName, dns}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // best effort
      }
    }
  }

  // ---- the harness -----------------------------------------------------------------------------

  /** What one run of adscp gave. */
  record Result(int code, String out, String err, Duration elapsed) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }

    String describe() {
      return "exit " + code + " after " + elapsed.toMillis() + " ms\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }

    JSONObject json() {
      try {
        return new JSONObject(out);
      } catch (JSONException e) {
        throw new AssertionError("stdout is not one JSON object: " + e.getMessage() + "\n" + describe(), e);
      }
    }
  }

  /** No USERDNSDOMAIN, no usable Kerberos configuration, no colours. */
  private static Map<String, String> baseVariables() {
    Map<String, String> vars = new HashMap<>();
    vars.put("NO_COLOR", "1");
    vars.put("KRB5_CONFIG", missingKrb5.toString());
    return vars;
  }

  private static Result run(String... args) {
    return run(Environment.of(baseVariables(), InputStream.nullInputStream()), args);
  }

  private static Result run(Environment env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Result(code, out.toString(), err.toString(), elapsed);
  }

  private static String[] list(String... args) {
    List<String> all = new ArrayList<>(List.of("list", "--format", "json"));
    all.addAll(List.of(args));
    return all.toArray(new String[0]);
  }

  private static String ldapsUrl(int port) {
    return "ldaps://localhost:" + port;
  }

  private static String ldapUrl(int port) {
    return "ldap://localhost:" + port;
  }

  private static void assertNoStackTrace(Result r) {
    for (String line : r.errLines()) {
      assertFalse(line.startsWith("\tat "), () -> "a stack trace on stderr without -v\n" + r.describe());
      assertFalse(line.startsWith("Caused by:"), () -> "a stack trace on stderr without -v\n" + r.describe());
    }
  }

  /** Exit code, nothing on stdout, exactly this one line on stderr, no stack trace. */
  private static void assertFailsWith(Result r, ExitCode code, String message) {
    assertEquals(code.code(), r.code(), r::describe);
    assertEquals("", r.out(), r::describe);
    assertEquals(List.of("adscp: " + message), r.errLines(), r::describe);
    assertNoStackTrace(r);
  }

  /** A usage error found by picocli: the message, then the pointer to --help. */
  private static void assertParseErrorWith(Result r, String message) {
    assertEquals(ExitCode.USAGE.code(), r.code(), r::describe);
    assertEquals("", r.out(), r::describe);
    assertEquals(List.of("adscp: " + message, TRY_HELP), r.errLines(), r::describe);
    assertNoStackTrace(r);
  }

  /** Exit 0, and the JSON names the source and the one SCP of {@link LiveDirectoryServer}. */
  private static JSONObject assertListsTheScp(Result r, String where) {
    assertEquals(ExitCode.OK.code(), r.code(), r::describe);
    JSONObject json = r.json();
    JSONObject source = json.getFieldAsObject("source");
    assertNotNull(source, r::describe);
    assertEquals("ldap", source.getFieldAsString("kind"), r::describe);
    assertEquals(where, source.getFieldAsString("where"), r::describe);
    assertEquals(CONFIG_NC, source.getFieldAsString("configNC"), r::describe);
    List<JSONValue> scps = json.getFieldAsArray("scps");
    assertEquals(1, scps.size(), r::describe);
    JSONObject scp = (JSONObject) scps.get(0);
    assertEquals(SCP_DN, scp.getFieldAsString("dn"));
    assertEquals("url", scp.getFieldAsString("kind"));
    assertEquals(List.of(SCP_URL), strings(scp, "urls"));
    assertEquals(List.of(SITE), strings(scp, "sites"));
    assertEquals("EX01", scp.getFieldAsString("server"));
    return json;
  }

  private static List<String> strings(JSONObject object, String field) {
    return object.getFieldAsArray(field).stream().map(v -> ((JSONString) v).stringValue()).toList();
  }

  /** A port nothing listens on (just now). */
  private static int deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  // ---- 1-3: the ways to bind that work ---------------------------------------------------------

  @Test
  void ldapsWithTrustStoreAndPasswordFileListsTheScp() {
    int before = dc.bindRequests();
    Result r =
        run(list("-H", dc.ldapsUrl(), "--trust-store", caPem.toString(), "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertListsTheScp(r, dc.ldapsUrl());
    assertEquals("", r.err(), r::describe);
    assertEquals(before + 1, dc.bindRequests());
  }

  @Test
  void passwordFromAdscpPasswordVariableBinds() {
    Map<String, String> vars = baseVariables();
    vars.put("ADSCP_PASSWORD", PASSWORD);
    int before = dc.bindRequests();
    Result r =
        run(Environment.of(vars, InputStream.nullInputStream()),
            list("-H", dc.ldapsUrl(), "--trust-store", caPem.toString(), "-D", BIND_DN));
    assertListsTheScp(r, dc.ldapsUrl());
    assertEquals("", r.err(), r::describe);
    assertEquals(before + 1, dc.bindRequests());
  }

  @Test
  void promptedPasswordGoesToStderrAndStdoutStaysJson() {
    InputStream stdin = new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
    Result r =
        run(Environment.of(baseVariables(), stdin),
            list("-H", dc.ldapsUrl(), "--trust-store", caPem.toString(), "-D", BIND_DN, "-w", "-"));
    assertListsTheScp(r, dc.ldapsUrl());
    assertEquals(Messages.passwordPrompt(BIND_DN) + System.lineSeparator(), r.err(), r::describe);
    assertFalse(r.out().contains(Messages.passwordPrompt(BIND_DN).trim()), r::describe);
    assertFalse(r.out().contains(PASSWORD) || r.err().contains(PASSWORD), r::describe);
  }

  @Test
  void promptWithNothingOnStdinExits2() {
    Result r =
        run(list("-H", dc.ldapsUrl(), "--trust-store", caPem.toString(), "-D", BIND_DN, "-w", "-"));
    assertEquals(ExitCode.USAGE.code(), r.code(), r::describe);
    assertEquals("", r.out(), r::describe);
    // The prompt, ended by a newline, then the one error line on its own.
    assertEquals(
        List.of(Messages.passwordPrompt(BIND_DN), "adscp: " + Messages.noPasswordSource(BIND_DN)), r.errLines(), r::describe);
    assertNoStackTrace(r);
  }

  @Test
  void startTlsWithTrustStoreAndSimpleBindListsTheScp() {
    int before = dc.bindRequests();
    Result r =
        run(list("-H", dc.ldapUrl(), "--starttls", "--trust-store", caPem.toString(), "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertListsTheScp(r, dc.ldapUrl());
    assertEquals(before + 1, dc.bindRequests());
  }

  // ---- 4: a refused bind -----------------------------------------------------------------------

  @Test
  void wrongPasswordExits3WithOneLine() {
    Result r =
        run(list("-H", dc.ldapsUrl(), "--trust-store", caPem.toString(), "-D", BIND_DN, "--password-file", wrongPasswordFile.toString()));
    assertFailsWith(r, ExitCode.UNAVAILABLE, Messages.bindInvalidCredentials(BIND_DN, ""));
    assertTrue(r.err().startsWith("adscp: bind refused for " + BIND_DN + ": invalid credentials"), r::describe);
    assertFalse(r.err().contains("not-the-password"), r::describe);
  }

  // ---- 5: no password in clear ------------------------------------------------------------------

  @Test
  void cleartextSimpleBindIsRefusedBeforeAnyConnection() throws Exception {
    try (SilentServer tripwire = SilentServer.start()) {
      Path absent = dir.resolve("no-such-password-file");
      Result r = run(list("-H", ldapUrl(tripwire.port()), "-D", BIND_DN, "--password-file", absent.toString()));
      assertFailsWith(r, ExitCode.USAGE, Messages.cleartextBindRefused());
      assertEquals(0, tripwire.acceptedConnections(150), "adscp connected before refusing");
      assertEquals(0, tripwire.bytesReceived());
    }
  }

  @Test
  void cleartextSimpleBindIsRefusedBeforeTheDcSeesABind() {
    int before = dc.bindRequests();
    Result r = run(list("-H", dc.ldapUrl(), "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertFailsWith(r, ExitCode.USAGE, Messages.cleartextBindRefused());
    assertEquals(before, dc.bindRequests(), "a bind in clear reached the DC");
  }

  @Test
  void cleartextSimpleBindIsRefusedWithoutAskingForThePassword() throws Exception {
    try (SilentServer tripwire = SilentServer.start()) {
      InputStream stdin = new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
      Result r =
          run(Environment.of(baseVariables(), stdin), list("-H", ldapUrl(tripwire.port()), "-D", BIND_DN, "-w", "-"));
      assertFailsWith(r, ExitCode.USAGE, Messages.cleartextBindRefused());
      assertFalse(r.err().contains(Messages.passwordPrompt(BIND_DN)), r::describe);
      assertEquals(0, tripwire.acceptedConnections(150));
    }
  }

  @Test
  void usageErrorWithDomainFailsBeforeDnsIsAsked() {
    int asked = dns.questions().size();
    Result r =
        run(list("--domain", "contoso.com", "--dns-server", dns.address(), "-D", BIND_DN, "-w", "s3cretPassw0rd"));
    assertFailsWith(r, ExitCode.USAGE, Messages.passwordAsArgument());
    assertEquals(asked, dns.questions().size(), "DNS was asked before the usage error");
  }

  @Test
  void allowCleartextBindsOverPlainLdap() {
    int before = dc.bindRequests();
    Result r =
        run(list("-H", dc.ldapUrl(), "--allow-cleartext", "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertListsTheScp(r, dc.ldapUrl());
    assertEquals(before + 1, dc.bindRequests());
  }

  @Test
  void anonymousOverPlainLdapNeedsNoTls() {
    int before = dc.bindRequests();
    Result r = run(list("-H", dc.ldapUrl()));
    assertListsTheScp(r, dc.ldapUrl());
    assertEquals(before, dc.bindRequests(), "an anonymous list sent a bind");
  }

  // ---- 6: never a password as an argument ------------------------------------------------------

  @Test
  void passwordAsArgumentIsRefusedAndNotEchoed() {
    Result r =
        run(list("-H", dc.ldapsUrl(), "--trust-store", caPem.toString(), "-D", BIND_DN, "-w", "s3cretPassw0rd"));
    assertFailsWith(r, ExitCode.USAGE, Messages.passwordAsArgument());
    assertFalse(r.out().contains("s3cretPassw0rd") || r.err().contains("s3cretPassw0rd"), r::describe);
  }

  @Test
  void passwordAsArgumentInAnyFormIsRefused() {
    for (String[] form :
        List.of(
            new String[] {"--bind-password", "s3cretPassw0rd"},
            new String[] {"--bind-password=s3cretPassw0rd"},
            new String[] {"-ws3cretPassw0rd"})) {
      List<String> args = new ArrayList<>(List.of("-H", dc.ldapsUrl(), "-D", BIND_DN));
      args.addAll(List.of(form));
      Result r = run(list(args.toArray(new String[0])));
      assertFailsWith(r, ExitCode.USAGE, Messages.passwordAsArgument());
      assertFalse(r.err().contains("s3cretPassw0rd"), r::describe);
    }
  }

  @Test
  void parseErrorsAfterAPasswordArgumentDoNotRepeatIt() {
    for (String[] tail :
        List.of(
            new String[] {"-w", "s3cretPassw0rd", "--no-such-option"},
            new String[] {"-w", "s3cretPassw0rd", "unexpected-argument"},
            new String[] {"--bind-password=s3cretPassw0rd", "unexpected-argument"},
            new String[] {"-ws3cretPassw0rd", "unexpected-argument"},
            new String[] {"-w", "s3cretPassw0rd", "-w", "s3cretPassw0rd"},
            new String[] {"-w", "s3cretPassw0rd", "--timeout"},
            new String[] {"-w", "--s3cretPassw0rd"})) {
      List<String> args = new ArrayList<>(List.of("-H", dc.ldapsUrl(), "-D", BIND_DN));
      args.addAll(List.of(tail));
      Result r = run(list(args.toArray(new String[0])));
      assertEquals(ExitCode.USAGE.code(), r.code(), r::describe);
      assertEquals("", r.out(), r::describe);
      assertFalse(r.err().contains("s3cretPassw0rd"), () -> String.join(" ", tail) + "\n" + r.describe());
      assertTrue(r.err().startsWith("adscp: "), r::describe);
      assertNoStackTrace(r);
    }
  }

  @Test
  void mistypedPasswordOptionDoesNotRepeatThePassword() {
    for (String[] tail :
        List.of(
            new String[] {"--bind-pass", "s3cretPassw0rd"},
            new String[] {"--bind-pass=s3cretPassw0rd"},
            new String[] {"--passwd", "s3cretPassw0rd", "extra"})) {
      List<String> args = new ArrayList<>(List.of("-H", dc.ldapsUrl(), "-D", BIND_DN));
      args.addAll(List.of(tail));
      Result r = run(list(args.toArray(new String[0])));
      assertEquals(ExitCode.USAGE.code(), r.code(), r::describe);
      assertEquals("", r.out(), r::describe);
      assertFalse(r.err().contains("s3cretPassw0rd"), () -> String.join(" ", tail) + "\n" + r.describe());
      assertEquals(TRY_HELP, r.errLines().get(r.errLines().size() - 1), r::describe);
      assertNoStackTrace(r);
    }
  }

  // ---- 7-8: nothing there, or something that never answers ---------------------------------------

  @Test
  void nothingListeningExits3WithConnectionRefused() throws Exception {
    int port = deadPort();
    Result r = run(list("-H", ldapsUrl(port), "--trust-store", caPem.toString()));
    assertFailsWith(r, ExitCode.UNAVAILABLE, Messages.cannotConnect(ldapsUrl(port), Messages.connectionRefused()));
  }

  @Test
  void silentLdapsServerTimesOutWithinTheTimeout() throws Exception {
    try (SilentServer silent = SilentServer.start()) {
      Result r = run(list("-H", ldapsUrl(silent.port()), "--trust-store", caPem.toString(), "--timeout", "1"));
      assertFailsWith(
          r, ExitCode.UNAVAILABLE, Messages.cannotConnect(ldapsUrl(silent.port()), Messages.noAnswerWithin(Duration.ofSeconds(1))));
      assertTrue(r.elapsed().compareTo(Duration.ofSeconds(8)) < 0, r::describe);
      assertTrue(silent.bytesReceived() > 0, "the client never sent its hello");
    }
  }

  @Test
  void silentLdapServerTimesOutWithinTheTimeout() throws Exception {
    try (SilentServer silent = SilentServer.start()) {
      Result r = run(list("-H", ldapUrl(silent.port()), "--timeout", "1"));
      assertEquals(ExitCode.UNAVAILABLE.code(), r.code(), r::describe);
      assertEquals("", r.out(), r::describe);
      assertEquals(1, r.errLines().size(), r::describe);
      assertTrue(r.err().startsWith("adscp: "), r::describe);
      assertTrue(r.err().contains("--timeout"), r::describe);
      // Anonymous: no bind was sent, so the message must not blame one.
      assertFalse(r.err().contains("bind"), r::describe);
      assertFailsWith(r, ExitCode.UNAVAILABLE, Messages.operationTimedOut(Messages.rootDseRead()));
      assertTrue(r.elapsed().compareTo(Duration.ofSeconds(8)) < 0, r::describe);
    }
  }

  @Test
  void silentStartTlsServerTimesOutWithinTheTimeout() throws Exception {
    try (SilentServer silent = SilentServer.start()) {
      Result r =
          run(list("-H", ldapUrl(silent.port()), "--starttls", "--trust-store", caPem.toString(), "--timeout", "1"));
      assertFailsWith(
          r, ExitCode.UNAVAILABLE, Messages.cannotConnect(ldapUrl(silent.port()), Messages.noAnswerWithin(Duration.ofSeconds(1))));
      assertTrue(r.elapsed().compareTo(Duration.ofSeconds(8)) < 0, r::describe);
    }
  }

  @Test
  void silentServerWithVerboseShowsTheTraceAndMayShowAStackTrace() throws Exception {
    try (SilentServer silent = SilentServer.start()) {
      String url = ldapsUrl(silent.port());
      Result r = run(list("-v", "-H", url, "--trust-store", caPem.toString(), "--timeout", "1"));
      assertEquals(ExitCode.UNAVAILABLE.code(), r.code(), r::describe);
      assertEquals("", r.out(), r::describe);
      String why = Messages.noAnswerWithin(Duration.ofSeconds(1));
      assertTrue(r.errLines().contains("adscp: " + Messages.traceConnect(url, "LDAPS")), r::describe);
      assertTrue(r.errLines().contains("adscp: " + Messages.traceConnectFailed(url, why)), r::describe);
      assertTrue(r.errLines().contains("adscp: " + Messages.cannotConnect(url, why)), r::describe);
      assertTrue(r.elapsed().compareTo(Duration.ofSeconds(8)) < 0, r::describe);
    }
  }

  // ---- 9-10: TLS trust and host names ------------------------------------------------------------

  @Test
  void certificateFromAnUnknownCaIsUntrusted() {
    Result r = run(list("-H", dc.ldapsUrl()));
    assertFailsWith(r, ExitCode.UNAVAILABLE, Messages.cannotConnect(dc.ldapsUrl(), Messages.tlsCertificateUntrusted()));
  }

  @Test
  void certificateFromAnUnknownCaIsUntrustedOverStartTls() {
    Result r = run(list("-H", dc.ldapUrl(), "--starttls"));
    assertFailsWith(r, ExitCode.UNAVAILABLE, Messages.cannotConnect(dc.ldapUrl(), Messages.tlsCertificateUntrusted()));
  }

  @Test
  void untrustedCertificateIsRefusedBeforeThePasswordIsSent() {
    int before = dc.bindRequests();
    Result r = run(list("-H", dc.ldapsUrl(), "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertFailsWith(r, ExitCode.UNAVAILABLE, Messages.cannotConnect(dc.ldapsUrl(), Messages.tlsCertificateUntrusted()));
    assertEquals(before, dc.bindRequests());
  }

  @Test
  void onlyTheTrustStoreWithNoDefaultTrustIsEnough() {
    Result r = run(list("-H", dc.ldapsUrl(), "--no-default-trust", "--trust-store", caPem.toString()));
    assertListsTheScp(r, dc.ldapsUrl());
  }

  @Test
  void noDefaultTrustWithoutATrustStoreIsAUsageError() {
    assertFailsWith(run(list("-H", dc.ldapsUrl(), "--no-default-trust")), ExitCode.USAGE, Messages.noTrustLeft());
  }

  @Test
  void certificateForAnotherNameIsRefused() {
    Result r = run(list("-H", wrongName.ldapsUrl(), "--trust-store", caPem.toString()));
    assertFailsWith(
        r, ExitCode.UNAVAILABLE, Messages.cannotConnect(wrongName.ldapsUrl(), Messages.tlsHostNotOnCertificate("localhost")));
  }

  @Test
  void certificateForAnotherNameIsRefusedOverStartTlsBeforeTheBind() {
    int before = wrongName.bindRequests();
    Result r =
        run(list("-H", wrongName.ldapUrl(), "--starttls", "--trust-store", caPem.toString(), "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertFailsWith(
        r, ExitCode.UNAVAILABLE, Messages.cannotConnect(wrongName.ldapUrl(), Messages.tlsHostNotOnCertificate("localhost")));
    assertEquals(before, wrongName.bindRequests(), "the password was sent to the wrong server");
  }

  // ---- 11: not an AD RootDSE -------------------------------------------------------------------

  @Test
  void rootDseWithoutConfigurationNamingContextExits3() {
    Result r = run(list("-H", notAd.ldapsUrl(), "--trust-store", caPem.toString()));
    assertFailsWith(r, ExitCode.UNAVAILABLE, Messages.noConfigurationNamingContext(notAd.ldapsUrl()));
  }

  @Test
  void configNcOptionReplacesTheRootDse() {
    Result r = run(list("-H", notAd.ldapsUrl(), "--trust-store", caPem.toString(), "--config-nc", CONFIG_NC));
    assertListsTheScp(r, notAd.ldapsUrl());
  }

  // ---- 12-13: finding the DCs through DNS ------------------------------------------------------

  @Test
  void domainFailsOverFromAnUnresolvableDcToTheNextSrvRecord() {
    dns.answer(
        "_ldap._tcp.dc._msdcs.contoso.com",
        new Srv(10, 100, 389, "localhost."),
        new Srv(0, 100, 389, "dead.invalid."));
    Result r =
        run(list("--domain", "contoso.com", "--dns-server", dns.address(), "--ldaps-port", Integer.toString(dc.ldapsPort()),
            "--trust-store", caPem.toString(), "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertListsTheScp(r, dc.ldapsUrl());
    assertEquals("", r.err(), r::describe);
  }

  @Test
  void verboseDomainShowsTheFailedDcFirst() {
    dns.answer(
        "_ldap._tcp.dc._msdcs.contoso.com",
        new Srv(10, 100, 389, "localhost."),
        new Srv(0, 100, 389, "dead.invalid."));
    Result r =
        run(list("-v", "--domain", "contoso.com", "--dns-server", dns.address(), "--ldaps-port", Integer.toString(dc.ldapsPort()),
            "--trust-store", caPem.toString(), "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertListsTheScp(r, dc.ldapsUrl());
    List<String> lines = r.errLines();
    String dead = ldapsUrl(dc.ldapsPort()).replace("localhost", "dead.invalid");
    int failed = lines.indexOf("adscp: " + Messages.traceConnectFailed(dead, Messages.unknownHost("dead.invalid")));
    int good = lines.indexOf("adscp: " + Messages.traceConnect(dc.ldapsUrl(), "LDAPS"));
    assertTrue(lines.contains("adscp: " + Messages.traceSrvLookup("_ldap._tcp.dc._msdcs.contoso.com", dns.address())), r::describe);
    assertTrue(failed >= 0, r::describe);
    assertTrue(good > failed, r::describe);
    assertNoStackTrace(r);
  }

  @Test
  void domainWithStartTlsUsesTheSrvPort() {
    dns.answer("_ldap._tcp.dc._msdcs.starttls.test", new Srv(0, 100, dc.ldapPort(), "localhost."));
    Result r =
        run(list("--domain", "starttls.test", "--dns-server", dns.address(), "--starttls",
            "--trust-store", caPem.toString(), "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertListsTheScp(r, dc.ldapUrl());
  }

  @Test
  void domainWhereNoDcAnswersNamesEveryOne() throws Exception {
    int port = deadPort();
    dns.answer(
        "_ldap._tcp.dc._msdcs.down.test",
        new Srv(0, 100, 389, "dead.invalid."),
        new Srv(5, 100, 389, "localhost."));
    Result r =
        run(list("--domain", "down.test", "--dns-server", dns.address(), "--ldaps-port", Integer.toString(port),
            "--trust-store", caPem.toString()));
    assertFailsWith(
        r,
        ExitCode.UNAVAILABLE,
        Messages.noDomainControllerAnswered(
            List.of(
                "dead.invalid:" + port + " (" + Messages.unknownHost("dead.invalid") + ")",
                "localhost:" + port + " (" + Messages.connectionRefused() + ")")));
  }

  @Test
  void unknownDomainExits3WithSrvNotFound() {
    Result r = run(list("--domain", "nowhere.test", "--dns-server", dns.address(), "--trust-store", caPem.toString()));
    assertFailsWith(r, ExitCode.UNAVAILABLE, Messages.srvNotFound("_ldap._tcp.dc._msdcs.nowhere.test"));
  }

  @Test
  void noSourceAndNoJoinedDomainExits2() {
    Result r = run(list());
    assertFailsWith(r, ExitCode.USAGE, Messages.noSource());
  }

  @Test
  void domainComesFromTheKerberosDefaultRealm() throws Exception {
    Path krb5 =
        Files.writeString(
            dir.resolve("krb5.conf"),
            "[libdefaults]\n    default_realm = CONTOSO.COM\n    dns_lookup_kdc = false\n\n[realms]\n    CONTOSO.COM = {\n    }\n");
    dns.answer(
        "_ldap._tcp.dc._msdcs.contoso.com",
        new Srv(10, 100, 389, "localhost."),
        new Srv(0, 100, 389, "dead.invalid."));
    Map<String, String> vars = baseVariables();
    vars.put("KRB5_CONFIG", krb5.toString());
    Result r =
        run(Environment.of(vars, InputStream.nullInputStream()),
            list("--dns-server", dns.address(), "--ldaps-port", Integer.toString(dc.ldapsPort()),
                "--trust-store", caPem.toString(), "-D", BIND_DN, "--password-file", passwordFile.toString()));
    assertListsTheScp(r, dc.ldapsUrl());
  }

  @Test
  void domainComesFromUserDnsDomain() {
    dns.answer("_ldap._tcp.dc._msdcs.contoso.com", new Srv(0, 100, 389, "localhost."));
    Map<String, String> vars = baseVariables();
    vars.put("USERDNSDOMAIN", "CONTOSO.COM");
    Result r =
        run(Environment.of(vars, InputStream.nullInputStream()),
            list("--dns-server", dns.address(), "--ldaps-port", Integer.toString(dc.ldapsPort()), "--trust-store", caPem.toString()));
    assertListsTheScp(r, dc.ldapsUrl());
  }

  // ---- 14: options that do not go together -------------------------------------------------------

  @Test
  void twoSourcesConflict() {
    assertFailsWith(run(list("--ldif", "x.ldif", "--url", "ldaps://y")), ExitCode.USAGE, Messages.sourcesConflict());
    assertFailsWith(
        run(list("--url", "ldaps://y", "--domain", "contoso.com")), ExitCode.USAGE, Messages.sourcesConflict());
  }

  @Test
  void liveOptionsWithLdifAreRefused() {
    assertFailsWith(run(list("--ldif", "f.ldif", "-D", BIND_DN)), ExitCode.USAGE, Messages.liveOptionWithLdif("-D/--bind-dn"));
    assertFailsWith(run(list("--ldif", "f.ldif", "--starttls")), ExitCode.USAGE, Messages.liveOptionWithLdif("--starttls"));
    assertFailsWith(
        run(list("--ldif", "f.ldif", "--dns-server", dns.address())), ExitCode.USAGE, Messages.liveOptionWithLdif("--dns-server"));
  }

  @Test
  void kerberosTakesNoBindDn() {
    assertFailsWith(
        run(list("-H", "ldap://dc01.contoso.test", "--kerberos", "-D", BIND_DN)), ExitCode.USAGE, Messages.bindDnWithKerberos());
  }

  @Test
  void startTlsWithLdapsUrlIsRefused() {
    assertFailsWith(run(list("-H", "ldaps://h", "--starttls")), ExitCode.USAGE, Messages.startTlsWithLdaps());
  }

  @Test
  void urlThatIsNotLdapIsRefused() {
    assertFailsWith(run(list("-H", "http://x")), ExitCode.USAGE, Messages.badLdapUrl("http://x"));
  }

  @Test
  void timeoutMustBeAPositiveNumber() {
    for (String bad : List.of("0", "abc", "-1")) {
      assertFailsWith(run(list("-H", dc.ldapsUrl(), "--timeout", bad)), ExitCode.USAGE, Messages.badTimeout(bad));
    }
  }

  @Test
  void unknownOptionPointsToListHelp() {
    assertParseErrorWith(run(list("-H", dc.ldapsUrl(), "--no-such-option")), "Unknown option: '--no-such-option'");
    assertParseErrorWith(run(list("-H", dc.ldapsUrl(), "--timeout")), "Missing required parameter for option '--timeout' (SECONDS)");
  }

  @Test
  void passwordWithoutBindDnIsRefused() {
    assertFailsWith(
        run(list("-H", dc.ldapsUrl(), "--password-file", passwordFile.toString())),
        ExitCode.USAGE,
        Messages.passwordWithoutBindDn());
  }

  @Test
  void missingPasswordFileIsAUsageErrorAfterTheTlsCheck() {
    Path absent = dir.resolve("absent-pw.txt");
    assertFailsWith(
        run(list("-H", dc.ldapsUrl(), "--trust-store", caPem.toString(), "-D", BIND_DN, "--password-file", absent.toString())),
        ExitCode.USAGE,
        Messages.passwordFileNotReadable(absent, "no such file"));
  }

  @Test
  void bindDnWithNoPasswordSourceSaysWhereToPutIt() {
    assertFailsWith(
        run(list("-H", dc.ldapsUrl(), "--trust-store", caPem.toString(), "-D", BIND_DN)),
        ExitCode.USAGE,
        Messages.noPasswordSource(BIND_DN));
  }
}
