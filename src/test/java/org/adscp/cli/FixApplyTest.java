package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONString;
import com.unboundid.util.json.JSONValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import org.adscp.Messages;
import org.adscp.Trace;
import org.adscp.directory.EmbeddedDirectory;
import org.adscp.testing.Cli;
import org.adscp.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fix} and {@code apply} against a directory over real LDAP (a fixture served on loopback),
 * checked by reading the directory itself, not adscp's report of it.
 */
class FixApplyTest {
  private static final String NEW = "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml";
  private static final String SERVERS =
      "CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,"
          + "CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com";
  private static final Path CERTS = Fixtures.root().resolve("ldif-fixtures/certs");

  @TempDir Path dir;
  private EmbeddedDirectory directory;

  @AfterEach
  void stop() {
    if (directory != null) {
      directory.close();
    }
  }

  private String serve(String fixture) {
    directory = EmbeddedDirectory.serve(List.of(Fixtures.ldif(fixture)), Trace.SILENT);
    return "ldap://" + directory.host() + ":" + directory.port();
  }

  private static String scpDn(String server) {
    return "CN=" + server + ",CN=Autodiscover,CN=Protocols,CN=" + server + "," + SERVERS;
  }

  /** Every attribute of the entry, values as bytes-exact strings, sorted: what "exactly as before" means. */
  private Map<String, List<String>> entry(String dn) throws Exception {
    try (LDAPConnection c = new LDAPConnection(directory.host(), directory.port())) {
      SearchResultEntry e = c.getEntry(dn, "*");
      Map<String, List<String>> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Attribute a : e.getAttributes()) {
        attributes.put(a.getName(), Arrays.stream(a.getValues()).sorted().toList());
      }
      return attributes;
    }
  }

  private List<String> urls(String dn) throws Exception {
    return entry(dn).getOrDefault("serviceBindingInformation", List.of());
  }

  /** The certificate of autodiscover.contoso.com, bundled, so that --uri is judged without the network. */
  private static List<String> goodCertificate() {
    return List.of("--trust-store", CERTS.resolve("contoso-test-root-ca.pem").toString(),
        "--cert", "autodiscover.contoso.com=" + CERTS.resolve("autodiscover.contoso.com.pem"));
  }

  private Cli.Result fix(String url, String... args) {
    List<String> all = new ArrayList<>(List.of("fix", "-H", url));
    all.addAll(goodCertificate());
    all.addAll(List.of(args));
    return Cli.run(all.toArray(new String[0]));
  }

  private static List<String> statuses(Cli.Result r) throws Exception {
    List<String> statuses = new ArrayList<>();
    for (JSONValue v : new JSONObject(r.out()).getFieldAsArray("changes")) {
      statuses.add(((JSONObject) v).getFieldAsString("status"));
    }
    return statuses;
  }

  @Test
  void dryRunWritesNothingAndShowsThePlan() throws Exception {
    String url = serve("migration");
    Map<String, List<String>> before = entry(scpDn("EX2019-01"));
    Cli.Result r = fix(url, "--uri", NEW, "--server", "EX2019-01");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Plan (dry run: nothing was written; add --apply to write)"), r.out());
    assertTrue(r.out().contains("changetype: modify\ndelete: serviceBindingInformation\n"
        + "serviceBindingInformation: https://ex2019-01.contoso.local/Autodiscover/Autodiscover.xml\n-\n"
        + "add: serviceBindingInformation\nserviceBindingInformation: " + NEW + "\n-\n"), r.out());
    assertEquals(before, entry(scpDn("EX2019-01")));
    try (var files = Files.list(Path.of(""))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("adscp-")), "no file without --apply");
    }
  }

  @Test
  void applyThenRollbackRestoresEveryByteOfEveryValue() throws Exception {
    String url = serve("broken");
    // two values; a trailing space; a value that is not ASCII
    List<String> servers = List.of("LON-EX02", "LON-EX03", "LON-EX12");
    Map<String, Map<String, List<String>>> before = new TreeMap<>();
    for (String s : servers) {
      before.put(s, entry(scpDn(s)));
    }
    Path plan = dir.resolve("plan.ldif");
    Path rollback = dir.resolve("rollback.ldif");
    Cli.Result applied = fix(url, "--uri", NEW, "--server", "LON-EX02", "--server", "LON-EX03", "--server", "LON-EX12",
        "--plan", plan.toString(), "--rollback", rollback.toString(), "--apply", "--format", "json");
    assertEquals(0, applied.exitCode(), applied::toString);
    assertEquals(List.of("applied", "applied", "applied"), statuses(applied));
    for (String s : servers) {
      assertEquals(List.of(NEW), urls(scpDn(s)), s);
    }
    // the audit of those SCPs is clean now, as far as their URL goes
    Cli.Result audit = Cli.run("audit", "-H", url, "--offline", "--format", "json");
    for (JSONValue v : new JSONObject(audit.out()).getFieldAsArray("findings")) {
      JSONObject f = (JSONObject) v;
      boolean ours = servers.stream().anyMatch(s -> f.getFieldAsString("dn").equals(scpDn(s)));
      assertFalse(ours && f.getFieldAsString("code").startsWith("URL_"), f::toString);
    }
    String rollbackText = Files.readString(rollback, StandardCharsets.UTF_8);
    assertTrue(rollbackText.contains("serviceBindingInformation:: "), "values with spaces or non-ASCII are base64");
    Cli.Result undone = Cli.run("apply", rollback.toString(), "-H", url, "--apply", "--format", "json");
    assertEquals(0, undone.exitCode(), undone::toString);
    assertEquals(List.of("applied", "applied", "applied"), statuses(undone));
    for (String s : servers) {
      assertEquals(before.get(s), entry(scpDn(s)), s);
    }
    assertTrue(urls(scpDn("LON-EX03")).contains("https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml "));
    assertTrue(urls(scpDn("LON-EX12")).contains("https://autodiscover.bücher.contoso.com/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void aChangeMadeBySomeoneElseIsAConflictAndIsNotOverwritten() throws Exception {
    String url = serve("migration");
    Path plan = dir.resolve("plan.ldif");
    assertEquals(0, fix(url, "--uri", NEW, "--server", "EX2019-01", "--server", "EX2019-02", "--plan", plan.toString())
        .exitCode());
    String theirs = "https://mail.contoso.com/Autodiscover/Autodiscover.xml";
    try (LDAPConnection c = new LDAPConnection(directory.host(), directory.port())) {
      c.modify(scpDn("EX2019-01"), new Modification(ModificationType.REPLACE, "serviceBindingInformation", theirs));
    }
    Cli.Result r = Cli.run("apply", plan.toString(), "-H", url, "--apply", "--format", "json");
    assertEquals(4, r.exitCode(), r::toString);
    assertEquals(List.of("conflict", "applied"), statuses(r));
    assertEquals(List.of(theirs), urls(scpDn("EX2019-01")));
    assertEquals(List.of(NEW), urls(scpDn("EX2019-02")));
    JSONObject conflict = (JSONObject) new JSONObject(r.out()).getFieldAsArray("changes").get(0);
    assertEquals(Messages.changeConflict(), conflict.getFieldAsString("reason"));
    assertEquals(List.of(theirs), strings(conflict, "now"));
  }

  @Test
  void anScpWithoutAValueIsReadAgainSoAValueAddedMeanwhileIsAConflict() throws Exception {
    String url = serve("broken");
    Path plan = dir.resolve("plan.ldif");
    assertEquals(0, fix(url, "--uri", NEW, "--server", "LON-EX01", "--plan", plan.toString()).exitCode());
    assertTrue(Files.readString(plan).contains("changetype: modify\nadd: serviceBindingInformation\n"),
        "nothing to delete: the record only adds");
    String theirs = "https://mail.contoso.com/Autodiscover/Autodiscover.xml";
    try (LDAPConnection c = new LDAPConnection(directory.host(), directory.port())) {
      c.modify(scpDn("LON-EX01"), new Modification(ModificationType.ADD, "serviceBindingInformation", theirs));
    }
    Cli.Result r = Cli.run("apply", plan.toString(), "-H", url, "--apply", "--format", "json");
    assertEquals(4, r.exitCode(), r::toString);
    assertEquals(List.of("conflict"), statuses(r));
    assertEquals(List.of(theirs), urls(scpDn("LON-EX01")));
  }

  @Test
  void applyingTwiceFindsItAlreadyApplied() throws Exception {
    String url = serve("migration");
    Path plan = dir.resolve("plan.ldif");
    fix(url, "--uri", NEW, "--server", "EX2019-01", "--plan", plan.toString());
    assertEquals(List.of("planned"), statuses(Cli.run("apply", plan.toString(), "-H", url, "--format", "json")));
    assertEquals(List.of("applied"), statuses(Cli.run("apply", plan.toString(), "-H", url, "--apply", "--format", "json")));
    Cli.Result again = Cli.run("apply", plan.toString(), "-H", url, "--apply", "--format", "json");
    assertEquals(0, again.exitCode());
    assertEquals(List.of("already-applied"), statuses(again));
  }

  @Test
  void anScpThatAlreadyHoldsTheTargetGetsNoRecord() throws Exception {
    String url = serve("migration");
    Cli.Result r = fix(url, "--uri", NEW, "--server", "EX2016-01", "--format", "json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(List.of(), statuses(r));
  }

  @Test
  void applyWithoutRollbackNameWritesOneAnyway() throws Exception {
    String url = serve("migration");
    Path plan = dir.resolve("p.ldif");
    Cli.Result r = fix(url, "--uri", NEW, "--server", "EX2019-02", "--plan", plan.toString(), "--apply", "--format", "json");
    assertEquals(0, r.exitCode(), r::toString);
    Path rollback = Path.of(new JSONObject(r.out()).getFieldAsString("rollbackFile"));
    try {
      assertTrue(Files.readString(rollback).contains("add: serviceBindingInformation\n"
          + "serviceBindingInformation: https://ex2019-02.contoso.local/Autodiscover/Autodiscover.xml"));
    } finally {
      Files.deleteIfExists(rollback);
    }
  }

  @Test
  void anExistingPlanOrRollbackFileIsNeverOverwritten() throws Exception {
    String url = serve("migration");
    Path rollback = dir.resolve("rollback.ldif");
    Files.writeString(rollback, "the way back from last week\n");
    Cli.Result r = fix(url, "--uri", NEW, "--server", "EX2019-01", "--rollback", rollback.toString(), "--apply");
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals(List.of("adscp: " + Messages.fileExists(rollback)), List.of(r.errLines()));
    assertEquals("the way back from last week\n", Files.readString(rollback));
    assertEquals(List.of("https://ex2019-01.contoso.local/Autodiscover/Autodiscover.xml"), urls(scpDn("EX2019-01")));
  }

  @Test
  void aUrlWhoseHostTheCertificateDoesNotCoverIsRefused() throws Exception {
    String url = serve("migration");
    String other = "https://autodiscover.fabrikam.com/Autodiscover/Autodiscover.xml";
    Cli.Result r = Cli.run("fix", "-H", url, "--uri", other, "--server", "EX2019-01",
        "--trust-store", CERTS.resolve("contoso-test-root-ca.pem").toString(),
        "--cert", "autodiscover.fabrikam.com=" + CERTS.resolve("autodiscover.contoso.com.pem"), "--apply");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("adscp: refusing to write " + other + ", which would itself be an error: CERT_NAME_MISMATCH"),
        r::toString);
    assertEquals(List.of("https://ex2019-01.contoso.local/Autodiscover/Autodiscover.xml"), urls(scpDn("EX2019-01")));
  }

  @Test
  void aSelfSignedHostIsRefusedAndForceOverridesTheRefusal() throws Exception {
    String url = serve("multi-site");
    String own = "https://nyc-ex02.contoso.com/Autodiscover/Autodiscover.xml";
    List<String> args = List.of("fix", "-H", url, "--uri", own, "--server", "NYC-EX01",
        "--trust-store", CERTS.resolve("contoso-test-root-ca.pem").toString(),
        "--cert", "nyc-ex02.contoso.com=" + CERTS.resolve("nyc-ex02.contoso.com.pem"), "--format", "json");
    Cli.Result refused = Cli.run(args.toArray(new String[0]));
    assertEquals(2, refused.exitCode(), refused::toString);
    assertTrue(refused.err().contains("CERT_SELF_SIGNED"), refused::toString);
    List<String> forced = new ArrayList<>(args);
    forced.add("--force");
    Cli.Result r = Cli.run(forced.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(List.of("planned"), statuses(r));
  }

  @Test
  void notHttpsOrBadPathIsRefused() throws Exception {
    String url = serve("migration");
    Cli.Result http = fix(url, "--uri", "http://autodiscover.contoso.com/Autodiscover/Autodiscover.xml", "--all", "--offline");
    assertEquals(2, http.exitCode(), http::toString);
    assertTrue(http.err().contains("URL_NOT_HTTPS"), http::toString);
    Cli.Result path = fix(url, "--uri", "https://autodiscover.contoso.com/EWS/Exchange.asmx", "--all");
    assertTrue(path.err().contains("URL_BAD_PATH"), path::toString);
  }

  @Test
  void fixAllNeverTouchesTheExchangeOnlineOrAnyOtherScp() throws Exception {
    String url = serve("hybrid");
    String online = "CN=Microsoft Exchange Online,CN=Microsoft Exchange Autodiscover,CN=Services,CN=Configuration,DC=contoso,DC=com";
    Map<String, List<String>> before = entry(online);
    // the bundled certificate names mail.contoso.com too; a bare --cert serves every other host
    Cli.Result r = fix(url, "--cert", CERTS.resolve("autodiscover.contoso.com.pem").toString(),
        "--uri", "https://mail.contoso.com/Autodiscover/Autodiscover.xml", "--all", "--apply",
        "--plan", dir.resolve("p").toString(), "--rollback", dir.resolve("r").toString(), "--format", "json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(List.of("applied", "applied"), statuses(r));
    assertEquals(before, entry(online));
    assertFalse(Files.readString(dir.resolve("p")).contains("Microsoft Exchange Online"));
  }

  @Test
  void aPointerNamedByDnIsRefusedAndNotWritten() throws Exception {
    String url = serve("broken");
    String pointer = "CN=contoso.com,CN=Microsoft Exchange Autodiscover,CN=Services,CN=Configuration,DC=contoso,DC=com";
    Map<String, List<String>> before = entry(pointer);
    Cli.Result r = fix(url, "--uri", NEW, "--dn", pointer, "--apply", "--plan", dir.resolve("p").toString(),
        "--rollback", dir.resolve("r").toString(), "--format", "json");
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals(List.of("refused"), statuses(r));
    assertEquals(before, entry(pointer));
  }

  @Test
  void applyRefusesRecordsThatAreNotConditionalOrTouchOtherAttributes() throws Exception {
    String url = serve("migration");
    Path file = dir.resolve("hand-made.ldif");
    Files.writeString(file, "dn: " + scpDn("EX2019-01") + "\nchangetype: modify\nreplace: serviceBindingInformation\n"
        + "serviceBindingInformation: " + NEW + "\n-\n\n"
        + "dn: " + scpDn("EX2019-02") + "\nchangetype: modify\ndelete: description\ndescription: x\n-\n\n"
        + "dn: " + scpDn("EX2019-02") + "\nchangetype: delete\n\n");
    Cli.Result r = Cli.run("apply", file.toString(), "-H", url, "--apply", "--format", "json");
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals(List.of("refused", "refused", "refused"), statuses(r));
    assertEquals(List.of("https://ex2019-01.contoso.local/Autodiscover/Autodiscover.xml"), urls(scpDn("EX2019-01")));
    assertTrue(entry(scpDn("EX2019-02")).containsKey("cn"));
  }

  @Test
  void applyNeverWritesAnScpThatIsNotAnAutodiscoverUrlScp() throws Exception {
    String url = serve("hybrid");
    String online = "CN=Microsoft Exchange Online,CN=Microsoft Exchange Autodiscover,CN=Services,CN=Configuration,DC=contoso,DC=com";
    Map<String, List<String>> before = entry(online);
    List<String> values = before.getOrDefault("serviceBindingInformation", List.of());
    StringBuilder record = new StringBuilder("dn: " + online + "\nchangetype: modify\n");
    if (!values.isEmpty()) {
      record.append("delete: serviceBindingInformation\n");
      values.forEach(v -> record.append("serviceBindingInformation: ").append(v).append('\n'));
      record.append("-\n");
    }
    record.append("add: serviceBindingInformation\nserviceBindingInformation: ").append(NEW).append("\n-\n\n");
    Path file = dir.resolve("online.ldif");
    Files.writeString(file, record.toString());
    Cli.Result r = Cli.run("apply", file.toString(), "-H", url, "--apply", "--format", "json");
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals(List.of("refused"), statuses(r));
    assertEquals(Messages.changeNotAnAutodiscoverScp(),
        ((JSONObject) new JSONObject(r.out()).getFieldAsArray("changes").get(0)).getFieldAsString("reason"));
    assertEquals(before, entry(online));
  }

  @Test
  void clearRemovesTheUrlAndSiteScopeRewritesKeywords() throws Exception {
    String url = serve("migration");
    Cli.Result cleared = fix(url, "--clear", "--server", "EX2019-01", "--apply", "--plan", dir.resolve("p1").toString(),
        "--rollback", dir.resolve("r1").toString());
    assertEquals(0, cleared.exitCode(), cleared::toString);
    assertEquals(List.of(), urls(scpDn("EX2019-01")));
    Cli.Result scoped = fix(url, "--site-scope", "HQ,Nowhere", "--server", "EX2019-02", "--apply",
        "--plan", dir.resolve("p2").toString(), "--rollback", dir.resolve("r2").toString(), "--format", "json");
    assertEquals(0, scoped.exitCode(), scoped::toString);
    assertEquals(List.of("77378F46-2C66-4aa9-A6A6-3E7A48B19596", "Site=HQ", "Site=Nowhere"),
        entry(scpDn("EX2019-02")).get("keywords"));
    List<String> warnings = new ArrayList<>();
    for (JSONValue v : new JSONObject(scoped.out()).getFieldAsArray("findings")) {
      warnings.add(((JSONObject) v).getFieldAsString("code") + " " + ((JSONObject) v).getFieldAsString("message"));
    }
    assertEquals(List.of("SITE_UNKNOWN " + Messages.siteUnknown("Nowhere")), warnings);
  }

  @Test
  void applyToAnExportIsRefused() {
    Cli.Result r = Cli.run("fix", "--ldif", Fixtures.ldif("migration").toString(), "--uri", NEW, "--all", "--apply");
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals(List.of("adscp: " + Messages.applyToAnExport()), List.of(r.errLines()));
  }

  @Test
  void aServerThatMatchesNothingIsAUsageError() throws Exception {
    String url = serve("migration");
    Cli.Result r = fix(url, "--uri", NEW, "--server", "EX99");
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals(List.of("adscp: " + Messages.selectionMatchedNothing("EX99")), List.of(r.errLines()));
  }

  @Test
  void planIsAcceptedByOpenLdapsLdapmodifyAsItIs() throws Exception {
    Path ldapmodify = Path.of("/usr/bin/ldapmodify");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(ldapmodify) || "true".equals(System.getenv("CI")),
        "ldapmodify (ldap-utils) is not installed");
    String url = serve("broken");
    Path plan = dir.resolve("plan.ldif");
    assertEquals(0, fix(url, "--uri", NEW, "--server", "LON-EX02", "--server", "LON-EX03", "--server", "LON-EX12",
        "--plan", plan.toString()).exitCode());
    Process p = new ProcessBuilder(ldapmodify.toString(), "-x", "-H", url, "-f", plan.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    for (String s : List.of("LON-EX02", "LON-EX03", "LON-EX12")) {
      assertEquals(List.of(NEW), urls(scpDn(s)), s);
    }
    // and the records are what adscp itself would apply: read back, each deletes exactly the old values
    try (LDIFReader reader = new LDIFReader(plan.toFile())) {
      LDIFChangeRecord record;
      int n = 0;
      while ((record = reader.readChangeRecord()) != null) {
        n++;
        assertEquals(2, ((LDIFModifyChangeRecord) record).getModifications().length);
      }
      assertEquals(3, n);
    }
  }

  private static List<String> strings(JSONObject o, String field) {
    return o.getFieldAsArray(field).stream().map(v -> ((JSONString) v).stringValue()).toList();
  }
}
