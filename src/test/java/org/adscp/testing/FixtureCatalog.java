package org.adscp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each fixture holds, read from the tables of {@code ldif-fixtures/README.md}: the fixture
 * author's own statement, made from the LDIF without adscp, so that tests compare adscp against
 * an independent account and the README cannot drift from what is tested.
 */
public final class FixtureCatalog {
  /** One selected SCP as the README's "Selected SCPs" and DN tables describe it. */
  public record ExpectedScp(
      String dn,
      String name,
      String kind,
      String server,
      boolean hasServerObject,
      String organization,
      String version,
      List<String> sites,
      List<String> domains,
      List<String> urls,
      String whenCreated,
      String whenChanged) {}

  private static final Pattern SECTION = Pattern.compile("(?m)^## ([a-z-]+)\\.ldif: ");
  private static final Pattern CELL_CODE = Pattern.compile("`([^`]*)`");

  private FixtureCatalog() {}

  public static List<String> fixtureNames() {
    return new ArrayList<>(sections().keySet());
  }

  public static List<ExpectedScp> selectedScps(String fixture) {
    String section = sections().get(fixture);
    if (section == null) {
      throw new IllegalArgumentException("no section for " + fixture + " in ldif-fixtures/README.md");
    }
    String selected = between(section, "### Selected SCPs", "### Ignored SCPs");
    List<String[]> scpRows = rows(selected.substring(0, selected.indexOf("Full DN")));
    List<String[]> dnRows = rows(selected.substring(selected.indexOf("Full DN")));
    Map<String, String> dnByNumber = new LinkedHashMap<>();
    dnRows.forEach(r -> dnByNumber.put(r[0], codes(r[1]).get(0)));
    List<ExpectedScp> result = new ArrayList<>();
    for (String[] r : scpRows) {
      result.add(
          new ExpectedScp(
              dnByNumber.get(r[0]),
              single(r[1]),
              r[2].trim(),
              single(r[3]),
              r[4].trim().equals("yes"),
              single(r[5]),
              single(r[6]),
              codes(r[7]),
              codes(r[8]),
              codes(r[9]).stream().map(FixtureCatalog::unquote).toList(),
              single(r[10]),
              single(r[11])));
    }
    if (result.size() != dnByNumber.size()) {
      throw new IllegalStateException(fixture + ": the two SCP tables of the README disagree");
    }
    return result;
  }

  private static Map<String, String> sections() {
    String readme;
    try {
      readme = Files.readString(Fixtures.root().resolve("ldif-fixtures/README.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> sections = new LinkedHashMap<>();
    Matcher m = SECTION.matcher(readme);
    List<int[]> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {m.start()});
      names.add(m.group(1));
    }
    for (int i = 0; i < names.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : readme.length();
      String body = readme.substring(starts.get(i)[0], end);
      int next = body.indexOf("\n## ", 3);
      sections.put(names.get(i), next < 0 ? body : body.substring(0, next));
    }
    return sections;
  }

  private static String between(String text, String from, String to) {
    int a = text.indexOf(from);
    int b = text.indexOf(to, a);
    return text.substring(a, b < 0 ? text.length() : b);
  }

  /** The data rows of the first markdown table in {@code text} (those starting with a number). */
  private static List<String[]> rows(String text) {
    List<String[]> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.matches("\\| \\d+ \\|.*")) {
        String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split(" \\| ", -1);
        for (int i = 0; i < cells.length; i++) {
          cells[i] = cells[i].trim();
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  private static List<String> codes(String cell) {
    List<String> values = new ArrayList<>();
    Matcher m = CELL_CODE.matcher(cell);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  /** A cell with one `value`, or null for "null"/"(none)". */
  private static String single(String cell) {
    List<String> values = codes(cell);
    return values.isEmpty() ? null : values.get(0);
  }

  private static String unquote(String value) {
    return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
  }
}
