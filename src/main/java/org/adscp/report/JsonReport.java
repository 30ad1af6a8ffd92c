package org.adscp.report;

import com.unboundid.util.json.JSONArray;
import com.unboundid.util.json.JSONField;
import com.unboundid.util.json.JSONNull;
import com.unboundid.util.json.JSONNumber;
import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONString;
import com.unboundid.util.json.JSONValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.adscp.change.ChangeOutcome;
import org.adscp.scp.ExchangeServer;
import org.adscp.scp.Finding;
import org.adscp.scp.ForestConfiguration;
import org.adscp.scp.ServiceConnectionPoint;
import org.adscp.scp.Severity;

/**
 * The JSON of spec §6: one object on stdout. Keys may be added in later versions; none is
 * removed or renamed without raising {@link #SCHEMA_VERSION}.
 */
public final class JsonReport {
  public static final int SCHEMA_VERSION = 1;

  private JsonReport() {}

  public static String render(SourceDescription source, ForestConfiguration forest, List<Finding> findings) {
    return PrettyJson.write(new JSONObject(base(source, forest, findings).toArray(new JSONField[0])));
  }

  /** {@code fix} and {@code apply}: the report plus {@code changes}, and where the plan and rollback went. */
  public static String render(
      SourceDescription source, ForestConfiguration forest, List<Finding> findings, List<ChangeOutcome> changes,
      String planFile, String rollbackFile) {
    List<JSONField> fields = base(source, forest, findings);
    fields.add(new JSONField("changes", array(changes.stream().map(JsonReport::change).toList())));
    fields.add(new JSONField("planFile", text(planFile)));
    fields.add(new JSONField("rollbackFile", text(rollbackFile)));
    return PrettyJson.write(new JSONObject(fields.toArray(new JSONField[0])));
  }

  private static List<JSONField> base(SourceDescription source, ForestConfiguration forest, List<Finding> findings) {
    List<JSONField> fields = new ArrayList<>();
    fields.add(new JSONField("schemaVersion", SCHEMA_VERSION));
    fields.add(new JSONField("source", source(source)));
    fields.add(new JSONField("scps", array(forest.scps().stream().map(s -> scp(s, forest)).toList())));
    fields.add(new JSONField("findings", array(findings.stream().map(JsonReport::finding).toList())));
    fields.add(new JSONField("summary", summary(findings)));
    return fields;
  }

  private static JSONObject change(ChangeOutcome o) {
    return new JSONObject(
        new JSONField("dn", o.change().dn()),
        new JSONField("attribute", o.change().attribute()),
        new JSONField("old", strings(o.change().oldValues())),
        new JSONField("new", strings(o.change().newValues())),
        new JSONField("status", o.status().label()),
        new JSONField("reason", o.reason()),
        new JSONField("now", o.now() == null ? JSONNull.NULL : strings(o.now())));
  }

  private static JSONObject source(SourceDescription source) {
    return new JSONObject(
        new JSONField("kind", source.kind()),
        new JSONField("where", source.where()),
        new JSONField("configNC", source.configurationNamingContext()));
  }

  static JSONObject scp(ServiceConnectionPoint scp, ForestConfiguration forest) {
    ExchangeServer server = forest.serverOf(scp).orElse(null);
    return new JSONObject(
        new JSONField("dn", scp.dn().text()),
        new JSONField("name", scp.name()),
        new JSONField("kind", scp.kind().label()),
        new JSONField("server", text(scp.placement().map(p -> p.server()).orElse(null))),
        // The DN of the server object when the source holds it; an orphan's server is only a name.
        new JSONField("serverDn", text(server == null ? null : server.dn().text())),
        new JSONField("organization", text(scp.placement().map(p -> p.organization()).orElse(null))),
        new JSONField("version", text(server == null || server.version() == null ? null : server.version().toString())),
        new JSONField("sites", strings(scp.keywords().sites())),
        new JSONField("domains", strings(scp.keywords().domains())),
        new JSONField("urls", strings(scp.bindings())),
        new JSONField("whenCreated", time(scp.whenCreated())),
        new JSONField("whenChanged", time(scp.whenChanged())));
  }

  private static JSONObject finding(Finding f) {
    return new JSONObject(
        new JSONField("code", f.code().name()),
        new JSONField("severity", f.severity().label()),
        new JSONField("dn", f.dn()),
        new JSONField("url", text(f.url())),
        new JSONField("message", f.message()),
        new JSONField("hint", f.hint()));
  }

  private static JSONObject summary(Collection<Finding> findings) {
    List<JSONField> fields = new ArrayList<>();
    for (Severity s : Severity.values()) {
      long n = findings.stream().filter(f -> f.severity() == s).count();
      fields.add(new JSONField(s.label(), new JSONNumber(n)));
    }
    return new JSONObject(fields.toArray(new JSONField[0]));
  }

  private static JSONArray array(List<? extends JSONValue> values) {
    return new JSONArray(new ArrayList<JSONValue>(values));
  }

  private static JSONArray strings(List<String> values) {
    return array(values.stream().map(JSONString::new).toList());
  }

  private static JSONValue text(String value) {
    return value == null ? JSONNull.NULL : new JSONString(value);
  }

  private static JSONValue time(Instant instant) {
    return instant == null ? JSONNull.NULL : new JSONString(instant.truncatedTo(ChronoUnit.SECONDS).toString());
  }
}
