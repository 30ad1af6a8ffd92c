package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adscp.testing.Cli;
import org.adscp.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The README's main command does what the README says it does. */
class ReadmeCommandTest {
  /** The command under the main-command marker, as words, without "scripts/adscp". */
  private static List<String> mainCommand() throws Exception {
    String readme = Files.readString(Fixtures.root().resolve("README.md"), StandardCharsets.UTF_8);
    int marker = readme.indexOf("<!-- main-command -->");
    int start = readme.indexOf("scripts/adscp ", marker);
    String line = readme.substring(start, readme.indexOf('\n', start));
    List<String> words = new ArrayList<>(List.of(line.trim().split("\\s+")));
    assertEquals("scripts/adscp", words.remove(0));
    return words.stream().map(w -> w.contains("ldif-fixtures/") ? absolute(w) : w).toList();
  }

  private static String absolute(String word) {
    int at = word.indexOf("ldif-fixtures/");
    return word.substring(0, at) + Fixtures.root().resolve(word.substring(at));
  }

  @Test
  void mainCommandShowsAnErrorWarningsAndAPass() throws Exception {
    List<String> command = new ArrayList<>(mainCommand());
    Cli.Result table = Cli.run(command.toArray(new String[0]));
    assertEquals(1, table.exitCode(), table::toString);
    assertTrue(table.out().contains("NYC-EX01  url  https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml\n  ok\n"),
        table.out());
    command.addAll(List.of("--format", "json"));
    JSONObject report = new JSONObject(Cli.run(command.toArray(new String[0])).out());
    Map<String, String> names = new HashMap<>();
    report.getFieldAsArray("scps").forEach(v -> names.put(((JSONObject) v).getFieldAsString("dn"),
        ((JSONObject) v).getFieldAsString("name")));
    Map<String, List<String>> byScp = new TreeMap<>();
    for (JSONValue v : report.getFieldAsArray("findings")) {
      JSONObject f = (JSONObject) v;
      byScp.computeIfAbsent(names.get(f.getFieldAsString("dn")), k -> new ArrayList<>())
          .add(f.getFieldAsString("severity") + " " + f.getFieldAsString("code"));
    }
    assertEquals(
        Map.of(
            "NYC-EX02", List.of("error CERT_SELF_SIGNED", "warning HOST_SERVER_SPECIFIC"),
            "LON-EX01", List.of("warning CERT_WEAK_SIGNATURE"),
            "LON-EX02", List.of("warning CERT_WEAK_SIGNATURE"),
            "AMS-EX01", List.of("warning CERT_WEAK_SIGNATURE")),
        byScp);
  }
}
