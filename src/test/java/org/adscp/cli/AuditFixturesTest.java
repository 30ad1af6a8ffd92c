package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.json.JSONNull;
import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONString;
import com.unboundid.util.json.JSONValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.adscp.testing.Cli;
import org.adscp.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code audit --offline} of every fixture gives exactly the URL and topology findings that
 * ldif-fixtures/README.md lists under "Expected findings" and "A careful Exchange administrator
 * would report" (less what the client-view checks add later: SITE_UNCOVERED, POINTER_LOOP,
 * POINTER_UNREACHABLE), and CERT_UNAVAILABLE on every https URL, since nothing is fetched.
 */
class AuditFixturesTest {
  /** "SCP name CODE severity", one per finding; "(forest)" for findings on the partition. */
  static Stream<Arguments> expectations() {
    return Stream.of(
        Arguments.of("single-site", Set.of()),
        Arguments.of("multi-site", Set.of("NYC-EX02 HOST_SERVER_SPECIFIC warning")),
        Arguments.of("migration", Set.of(
            "EX2013-01 SERVER_LEGACY warning",
            "EX2016-01 SERVER_LEGACY warning",
            "EX2016-02 SERVER_LEGACY warning",
            "EX2019-01 HOST_SERVER_SPECIFIC warning",
            "EX2019-01 HOST_INTERNAL_NAME info",
            "EX2019-02 HOST_SERVER_SPECIFIC warning",
            "EX2019-02 HOST_INTERNAL_NAME info")),
        Arguments.of("cross-forest-accounts", Set.of()),
        Arguments.of("cross-forest-exchange", Set.of()),
        Arguments.of("hybrid", Set.of()),
        Arguments.of("broken", Set.of(
            "EX2010-01 SERVER_LEGACY warning",
            "LON-EX00 SERVER_MISSING warning",
            "LON-EX01 SCP_NO_URL info",
            "LON-EX02 URL_MULTI_VALUE warning",
            "LON-EX03 URL_WHITESPACE warning",
            "LON-EX04 URL_WHITESPACE warning",
            "LON-EX05 URL_MALFORMED error",
            "LON-EX06 URL_NOT_HTTPS error",
            "LON-EX07 URL_BAD_PATH error",
            "LON-EX08 URL_PORT_REDUNDANT info",
            "LON-EX09 URL_PORT_NONSTANDARD error",
            "LON-EX10 HOST_SINGLE_LABEL warning",
            "PAR-EX01 HOST_IP_LITERAL warning",
            "LON-EX11 HOST_INTERNAL_NAME info",
            "LON-EX13 HOST_SERVER_SPECIFIC warning",
            "LON-EX14 SITE_UNKNOWN warning",
            "LON-EX14 SITE_MISMATCH warning",
            "LON-EX15 SITE_MISMATCH warning",
            "LON-EX16 SITE_NONE info",
            "fabrikam.com POINTER_NO_TARGET warning",
            "tailspintoys.com POINTER_BAD_TARGET error",
            "tailspintoys.com POINTER_NO_DOMAIN warning")),
        Arguments.of("scps-only", Set.of(
            "(forest) SOURCE_PARTIAL info",
            "EX03 HOST_SERVER_SPECIFIC warning",
            "EX04 SITE_NONE info")));
  }

  @ParameterizedTest
  @MethodSource("expectations")
  void offlineAuditFindsWhatACarefulAdministratorWould(String fixture, Set<String> expected) throws Exception {
    Cli.Result r = Cli.run("audit", "--ldif", Fixtures.ldif(fixture).toString(), "--offline", "--format", "json");
    JSONObject report = new JSONObject(r.out());
    Map<String, String> names = new HashMap<>();
    Map<String, List<String>> httpsUrls = new HashMap<>();
    for (JSONValue v : report.getFieldAsArray("scps")) {
      JSONObject scp = (JSONObject) v;
      names.put(scp.getFieldAsString("dn"), scp.getFieldAsString("name"));
      if (scp.getFieldAsString("kind").equals("url")) {
        httpsUrls.put(scp.getFieldAsString("dn"), scp.getFieldAsArray("urls").stream()
            .map(u -> ((JSONString) u).stringValue())
            .filter(u -> u.strip().toLowerCase().startsWith("https://"))
            .toList());
      }
    }
    Set<String> found = new TreeSet<>();
    Set<String> unavailable = new TreeSet<>();
    Map<String, Integer> bySeverity = new HashMap<>();
    for (JSONValue v : report.getFieldAsArray("findings")) {
      JSONObject f = (JSONObject) v;
      String code = f.getFieldAsString("code");
      String severity = f.getFieldAsString("severity");
      bySeverity.merge(severity, 1, Integer::sum);
      assertTrue(!f.getFieldAsString("message").isBlank() && !f.getFieldAsString("hint").isBlank(), f::toString);
      String name = names.getOrDefault(f.getFieldAsString("dn"), "(forest)");
      if (code.equals("CERT_UNAVAILABLE")) {
        assertTrue(f.getFieldAsString("message").contains("--offline"), f::toString);
        unavailable.add(f.getFieldAsString("dn") + " " + url(f));
      } else {
        found.add(name + " " + code + " " + severity);
      }
    }
    assertEquals(new TreeSet<>(expected), found);
    Set<String> everyHttpsUrl =
        httpsUrls.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(u -> e.getKey() + " " + u))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(everyHttpsUrl, unavailable);
    JSONObject summary = report.getFieldAsObject("summary");
    for (String s : List.of("error", "warning", "info")) {
      assertEquals(bySeverity.getOrDefault(s, 0), summary.getFieldAsInteger(s), s);
    }
    // CERT_UNAVAILABLE is an error: an offline audit of any forest with an https URL exits 1.
    assertEquals(bySeverity.getOrDefault("error", 0) > 0 ? 1 : 0, r.exitCode(), r::toString);
  }

  private static String url(JSONObject f) {
    JSONValue u = f.getField("url");
    return u instanceof JSONNull ? null : ((JSONString) u).stringValue();
  }
}
