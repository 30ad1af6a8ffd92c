package org.adscp.testing;

import com.unboundid.util.json.JSONException;
import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what adscp reports from the Samba DC with what it reports from the embedded directory
 * serving the same export. Two things differ by nature, and only these two are allowed for:
 *
 * <ul>
 *   <li>the forest root: an export of another forest (fabrikam) is loaded under the DC's own
 *       (scripts/samba/PrepareExport.java moves every DN), so the embedded report's DNs, in every
 *       field and every message, are moved the same way before they are compared;
 *   <li>the order of the SCPs: a directory returns the entries of a subtree search in the order
 *       of its own index (Samba by objectGUID, which every load makes anew; the embedded
 *       directory by DN), and adscp lists the SCPs, and groups the findings by SCP, in the order
 *       its directory returned them (clients see that order). So the embedded findings are put
 *       in the DC's SCP order by a stable sort, as adscp sorts its own, and must then equal the
 *       DC's one by one: the same findings, texts, and places within each SCP.
 * </ul>
 */
public final class DcReports {
  private DcReports() {}

  public static JSONObject parse(Cli.Result r) {
    try {
      return new JSONObject(r.out());
    } catch (JSONException e) {
      throw new AssertionError("not one JSON object on stdout:\n" + r, e);
    }
  }

  /** The forest root of a report: its configuration NC without {@code CN=Configuration}. */
  public static String forestRoot(JSONObject report) {
    String nc = report.getFieldAsObject("source").getFieldAsString("configNC");
    return nc.substring(nc.indexOf(',') + 1);
  }

  /**
   * The report with every DN under {@code from} moved onto {@code to} ({@code DC=fabrikam,DC=com}
   * becomes {@code DC=contoso,DC=com}), in values and in message texts alike.
   */
  public static JSONObject moveForest(String json, String from, String to) {
    if (from.equalsIgnoreCase(to)) {
      return parseText(json);
    }
    Pattern suffix = Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(from) + "(?![A-Za-z0-9-])",
        Pattern.CASE_INSENSITIVE);
    return parseText(suffix.matcher(json).replaceAll(Matcher.quoteReplacement(to)));
  }

  private static JSONObject parseText(String json) {
    try {
      return new JSONObject(json);
    } catch (JSONException e) {
      throw new AssertionError(json, e);
    }
  }

  /** Every SCP of the report, whole, keyed by DN. */
  public static Map<String, String> scpsByDn(JSONObject report) {
    Map<String, String> byDn = new TreeMap<>();
    for (JSONValue v : report.getFieldAsArray("scps")) {
      JSONObject scp = (JSONObject) v;
      byDn.put(scp.getFieldAsString("dn"), scp.toNormalizedString());
    }
    return byDn;
  }

  /** The DNs of the report's SCPs, in its order. */
  public static List<String> scpOrder(JSONObject report) {
    List<String> dns = new ArrayList<>();
    for (JSONValue v : report.getFieldAsArray("scps")) {
      dns.add(((JSONObject) v).getFieldAsString("dn"));
    }
    return dns;
  }

  /** The report's findings, whole (code, severity, dn, url, message, hint), in its order. */
  public static List<String> findings(JSONObject report) {
    List<String> out = new ArrayList<>();
    for (JSONValue v : report.getFieldAsArray("findings")) {
      out.add(((JSONObject) v).toNormalizedString());
    }
    return out;
  }

  /**
   * The report's findings put in the SCP order {@code scpOrder} (another run's), by a stable
   * sort: findings on no SCP of that order (the forest's own) stay last, as adscp puts them.
   */
  public static List<String> findingsInScpOrder(JSONObject report, List<String> scpOrder) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < scpOrder.size(); i++) {
      position.put(scpOrder.get(i), i);
    }
    List<JSONObject> list = new ArrayList<>();
    for (JSONValue v : report.getFieldAsArray("findings")) {
      list.add((JSONObject) v);
    }
    list.sort(Comparator.comparing(f -> position.getOrDefault(f.getFieldAsString("dn"), Integer.MAX_VALUE)));
    return list.stream().map(JSONObject::toNormalizedString).toList();
  }

  /** The summary object, normalised. */
  public static String summary(JSONObject report) {
    return report.getFieldAsObject("summary").toNormalizedString();
  }
}
