package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.json.JSONNull;
import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONString;
import com.unboundid.util.json.JSONValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.adscp.testing.Cli;
import org.adscp.testing.FixtureCatalog;
import org.adscp.testing.FixtureCatalog.ExpectedScp;
import org.adscp.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code list --format json} of every fixture against what the fixture's README says it holds. */
class ListFixturesTest {
  private static final Set<String> SCP_KEYS =
      Set.of("dn", "name", "kind", "server", "serverDn", "organization", "version", "sites", "domains",
          "urls", "whenCreated", "whenChanged");

  static Stream<String> fixtures() {
    return FixtureCatalog.fixtureNames().stream();
  }

  private static JSONObject list(String fixture) throws Exception {
    Cli.Result r = Cli.run("list", "--ldif", Fixtures.ldif(fixture).toString(), "--format", "json");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.err());
    return new JSONObject(r.out());
  }

  @Test
  void everyFixtureIsDescribed() {
    assertEquals(
        List.of("single-site", "multi-site", "migration", "cross-forest-accounts", "cross-forest-exchange",
            "hybrid", "broken", "scps-only"),
        FixtureCatalog.fixtureNames());
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void listGivesExactlyTheScpsTheFixtureHolds(String fixture) throws Exception {
    JSONObject report = list(fixture);
    assertEquals(1, report.getFieldAsInteger("schemaVersion"));
    assertEquals(List.of(), report.getFieldAsArray("findings"));
    Map<String, JSONObject> byDn = new TreeMap<>();
    for (JSONValue v : report.getFieldAsArray("scps")) {
      JSONObject scp = (JSONObject) v;
      assertEquals(SCP_KEYS, scp.getFields().keySet(), scp::toString);
      byDn.put(scp.getFieldAsString("dn"), scp);
    }
    List<ExpectedScp> expected = FixtureCatalog.selectedScps(fixture);
    assertEquals(expected.stream().map(ExpectedScp::dn).sorted().toList(), List.copyOf(byDn.keySet()));
    for (ExpectedScp e : expected) {
      JSONObject scp = byDn.get(e.dn());
      String where = fixture + " " + e.dn();
      assertEquals(e.name(), scp.getFieldAsString("name"), where);
      assertEquals(e.kind(), scp.getFieldAsString("kind"), where);
      assertEquals(e.server(), text(scp, "server"), where);
      assertEquals(e.hasServerObject() ? serverDnOf(e.dn()) : null, text(scp, "serverDn"), where);
      assertEquals(e.organization(), text(scp, "organization"), where);
      assertEquals(e.version(), text(scp, "version"), where);
      assertEquals(e.sites(), strings(scp, "sites"), where);
      assertEquals(e.domains(), strings(scp, "domains"), where);
      assertEquals(e.urls(), strings(scp, "urls"), where);
      assertEquals(e.whenCreated(), text(scp, "whenCreated"), where);
      assertEquals(e.whenChanged(), text(scp, "whenChanged"), where);
    }
  }

  @Test
  void hybridOnlineAndDeviceRegistrationScpsAreNeverCandidates() throws Exception {
    String out = list("hybrid").toString();
    assertFalse(out.contains("Microsoft Exchange Online"), out);
    assertFalse(out.contains("outlook.com"), out);
    assertFalse(out.contains("62a0ff2e-97b9-4513-943f-0d221bd30080"), out);
    assertFalse(out.contains("Autodiscover-Test"), out);
  }

  @Test
  void sourceNamesTheFileAndTheConfigurationPartition() throws Exception {
    JSONObject source = list("cross-forest-accounts").getFieldAsObject("source");
    assertEquals("ldif", source.getFieldAsString("kind"));
    assertEquals(Fixtures.ldif("cross-forest-accounts").toString(), source.getFieldAsString("where"));
    assertEquals("CN=Configuration,DC=fabrikam,DC=com", source.getFieldAsString("configNC"));
  }

  @Test
  void tableShowsEveryScpAndQuotesWhiteSpace() {
    Cli.Result r = Cli.run("list", "--ldif", Fixtures.ldif("broken").toString());
    assertEquals(0, r.exitCode(), r::toString);
    for (ExpectedScp e : FixtureCatalog.selectedScps("broken")) {
      assertTrue(r.out().contains(e.name() + " "), e.name());
    }
    assertTrue(r.out().contains("\"https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml \""), r.out());
    assertTrue(r.out().contains("\" https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml\""), r.out());
    assertTrue(r.out().contains("24 SCPs: 20 URL, 4 pointers"), r.out());
  }

  /** Three RDNs up from the SCP: Autodiscover, Protocols, then the server. */
  private static String serverDnOf(String scpDn) {
    String rest = scpDn;
    for (int i = 0; i < 3; i++) {
      rest = rest.substring(rest.indexOf(",CN=") + 1);
    }
    return rest;
  }

  private static String text(JSONObject o, String field) {
    JSONValue v = o.getField(field);
    return v instanceof JSONNull ? null : ((JSONString) v).stringValue();
  }

  private static List<String> strings(JSONObject o, String field) {
    return o.getFieldAsArray(field).stream().map(v -> ((JSONString) v).stringValue()).toList();
  }
}
