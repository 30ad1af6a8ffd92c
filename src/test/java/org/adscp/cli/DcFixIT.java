package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONValue;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adscp.testing.Cli;
import org.adscp.testing.Fixtures;
import org.adscp.testing.SambaDc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fix and apply against the real Samba AD DC holding {@code broken.ldif}: a bulk rewrite, its
 * review, its application and its exact rollback (values with a trailing space, not ASCII,
 * several of them); a concurrent change reported as a conflict and not overwritten; and
 * OpenLDAP's ldapmodify taking the plan as it is, to the same directory.
 */
class DcFixIT {
  private static final String NEW = "https://mail.contoso.com/Autodiscover/Autodiscover.xml";
  private static final Path CERTS = Fixtures.root().resolve("ldif-fixtures/certs");
  private static final List<String> TRICKY = List.of("LON-EX02", "LON-EX03", "LON-EX12");

  @TempDir Path dir;

  private static String suffix;

  /** Loads broken.ldif when there is a DC; without one, each test is reported skipped by SambaDc. */
  @BeforeAll
  static void loadBroken() {
    if (SambaDc.configured()) {
      SambaDc.load("ldif-fixtures/broken.ldif");
      suffix = SambaDc.bindDn().substring(SambaDc.bindDn().indexOf("DC="));
    }
  }

  private static String scpDn(String server) {
    return "CN=" + server + ",CN=Autodiscover,CN=Protocols,CN=" + server + ",CN=Servers,"
        + "CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,"
        + "CN=Microsoft Exchange,CN=Services,CN=Configuration," + suffix;
  }

  private static LDAPConnection admin() throws Exception {
    LDAPURL url = new LDAPURL(SambaDc.url());
    SSLUtil ssl = new SSLUtil(new PEMFileTrustManager(new File(SambaDc.trustStore())));
    LDAPConnection c = new LDAPConnection(ssl.createSSLSocketFactory(), url.getHost(), url.getPort());
    c.bind(SambaDc.bindDn(), Files.readString(Path.of(SambaDc.passwordFile())).strip());
    return c;
  }

  /** serviceBindingInformation and keywords of each SCP, values sorted, exactly as the DC holds them. */
  private static Map<String, List<String>> snapshot(List<String> servers) throws Exception {
    Map<String, List<String>> values = new TreeMap<>();
    try (LDAPConnection c = admin()) {
      for (String s : servers) {
        SearchResultEntry e = c.getEntry(scpDn(s), "serviceBindingInformation", "keywords");
        for (String attribute : List.of("serviceBindingInformation", "keywords")) {
          String[] v = e.getAttributeValues(attribute);
          values.put(s + " " + attribute, v == null ? List.of() : Arrays.stream(v).sorted().toList());
        }
      }
    }
    return values;
  }

  private static List<String> dcOptions() {
    return List.of("-H", SambaDc.url(), "--trust-store", SambaDc.trustStore(),
        "--trust-store", CERTS.resolve("contoso-test-root-ca.pem").toString(),
        "-D", SambaDc.bindDn(), "--password-file", SambaDc.passwordFile());
  }

  private static Cli.Result adscp(String command, List<String> before, String... after) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(before);
    args.addAll(dcOptions());
    args.addAll(List.of(after));
    return Cli.run(args.toArray(new String[0]));
  }

  private Cli.Result fixTricky(String... more) {
    List<String> args = new ArrayList<>(List.of("--uri", NEW,
        "--cert", "mail.contoso.com=" + CERTS.resolve("autodiscover.contoso.com.pem")));
    for (String s : TRICKY) {
      args.addAll(List.of("--server", s));
    }
    args.addAll(List.of(more));
    return adscp("fix", List.of(), args.toArray(new String[0]));
  }

  private static List<String> statuses(Cli.Result r) throws Exception {
    List<String> statuses = new ArrayList<>();
    for (JSONValue v : new JSONObject(r.out()).getFieldAsArray("changes")) {
      statuses.add(((JSONObject) v).getFieldAsString("status"));
    }
    return statuses;
  }

  @Test
  void planApplyAuditAndRollbackLeaveEveryByteAsItWas() throws Exception {
    Map<String, List<String>> before = snapshot(TRICKY);
    assertTrue(before.get("LON-EX03 serviceBindingInformation").get(0).endsWith(".xml "), before::toString);
    Path plan = dir.resolve("plan.ldif");
    Path rollback = dir.resolve("rollback.ldif");
    Cli.Result applied = fixTricky("--plan", plan.toString(), "--rollback", rollback.toString(), "--apply", "--format", "json");
    assertEquals(0, applied.exitCode(), applied::toString);
    assertEquals(List.of("applied", "applied", "applied"), statuses(applied));
    for (String s : TRICKY) {
      assertEquals(List.of(NEW), snapshot(List.of(s)).get(s + " serviceBindingInformation"), s);
    }
    Cli.Result audit = adscp("audit", List.of(), "--offline", "--format", "json");
    for (JSONValue v : new JSONObject(audit.out()).getFieldAsArray("findings")) {
      JSONObject f = (JSONObject) v;
      boolean ours = TRICKY.stream().anyMatch(s -> f.getFieldAsString("dn").equalsIgnoreCase(scpDn(s)));
      assertFalse(ours && f.getFieldAsString("code").startsWith("URL_"), f::toString);
    }
    Cli.Result undone = adscp("apply", List.of(rollback.toString()), "--apply", "--format", "json");
    assertEquals(0, undone.exitCode(), undone::toString);
    assertEquals(before, snapshot(TRICKY));
  }

  @Test
  void aChangeMadeOnTheDcAfterThePlanIsAConflictAndStays() throws Exception {
    Map<String, List<String>> before = snapshot(TRICKY);
    Path plan = dir.resolve("plan.ldif");
    Path rollback = dir.resolve("rollback.ldif");
    assertEquals(0, fixTricky("--plan", plan.toString(), "--rollback", rollback.toString()).exitCode());
    String theirs = "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml";
    List<String> original = before.get("LON-EX02 serviceBindingInformation");
    try (LDAPConnection c = admin()) {
      c.modify(scpDn("LON-EX02"), new Modification(ModificationType.REPLACE, "serviceBindingInformation", theirs));
    }
    try {
      Cli.Result r = adscp("apply", List.of(plan.toString()), "--apply", "--format", "json");
      assertEquals(4, r.exitCode(), r::toString);
      List<String> statuses = statuses(r);
      assertEquals(List.of("applied", "applied", "conflict"), statuses.stream().sorted().toList());
      assertEquals(List.of(theirs), snapshot(List.of("LON-EX02")).get("LON-EX02 serviceBindingInformation"));
      // the rollback undoes what was applied, and refuses nothing but the conflict
      Cli.Result undone = adscp("apply", List.of(rollback.toString()), "--apply", "--format", "json");
      assertEquals(4, undone.exitCode(), undone::toString);
    } finally {
      try (LDAPConnection c = admin()) {
        c.modify(scpDn("LON-EX02"), new Modification(ModificationType.REPLACE, "serviceBindingInformation",
            original.toArray(new String[0])));
      }
    }
    assertEquals(before, snapshot(TRICKY));
  }

  @Test
  void ldapmodifyTakesThePlanAsItIsAndGivesWhatAdscpApplyGives() throws Exception {
    Map<String, List<String>> before = snapshot(TRICKY);
    Path plan = dir.resolve("plan.ldif");
    Path rollback = dir.resolve("rollback.ldif");
    assertEquals(0, fixTricky("--plan", plan.toString(), "--rollback", rollback.toString()).exitCode());
    ProcessBuilder ldapmodify = new ProcessBuilder("ldapmodify", "-x", "-H", SambaDc.url(),
        "-D", SambaDc.bindDn(), "-y", SambaDc.passwordFile(), "-f", plan.toString()).redirectErrorStream(true);
    ldapmodify.environment().put("LDAPTLS_CACERT", SambaDc.trustStore());
    Process p = ldapmodify.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    Map<String, List<String>> byLdapmodify = snapshot(TRICKY);
    assertEquals(0, adscp("apply", List.of(rollback.toString()), "--apply").exitCode());
    assertEquals(before, snapshot(TRICKY));
    assertEquals(0, adscp("apply", List.of(plan.toString()), "--apply").exitCode());
    assertEquals(byLdapmodify, snapshot(TRICKY));
    assertEquals(0, adscp("apply", List.of(rollback.toString()), "--apply").exitCode());
    assertEquals(before, snapshot(TRICKY));
  }

  @Test
  void bulkRewriteFromAnOldHostToANewNamespaceAndBackExactly() throws Exception {
    List<String> all = new ArrayList<>();
    Cli.Result list = adscp("list", List.of(), "--format", "json");
    for (JSONValue v : new JSONObject(list.out()).getFieldAsArray("scps")) {
      JSONObject scp = (JSONObject) v;
      if (scp.getFieldAsString("kind").equals("url") && scp.getFields().get("urls").toString().contains("autodiscover.contoso.com/")) {
        all.add(scp.getFieldAsString("name"));
      }
    }
    assertTrue(all.size() >= 5, all::toString);
    Map<String, List<String>> before = snapshot(all);
    Path plan = dir.resolve("plan.ldif");
    Path rollback = dir.resolve("rollback.ldif");
    Cli.Result applied = adscp("fix", List.of(), "--uri", NEW, "--match-host", "autodiscover.contoso.com",
        "--cert", "mail.contoso.com=" + CERTS.resolve("autodiscover.contoso.com.pem"),
        "--plan", plan.toString(), "--rollback", rollback.toString(), "--apply", "--format", "json");
    assertEquals(0, applied.exitCode(), applied::toString);
    assertTrue(statuses(applied).stream().allMatch("applied"::equals), applied::toString);
    assertFalse(Files.readString(plan).contains("CN=Microsoft Exchange Autodiscover"), "pointers are never planned");
    assertEquals(0, adscp("apply", List.of(rollback.toString()), "--apply").exitCode());
    assertEquals(before, snapshot(all));
  }
}
