package org.adscp.report;

import com.unboundid.util.json.JSONArray;
import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONString;
import com.unboundid.util.json.JSONValue;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Indented JSON from UnboundID's JSON tree. UnboundID's own multi-line writer turns characters
 * outside the Basic Multilingual Plane (emoji, some CJK) into "??"; its single-value
 * {@code toString()} is correct, so scalars are written by it and only the layout is ours.
 */
final class PrettyJson {
  private PrettyJson() {}

  static String write(JSONValue value) {
    StringBuilder out = new StringBuilder();
    write(value, 0, out);
    return out.append('\n').toString();
  }

  private static void write(JSONValue value, int depth, StringBuilder out) {
    if (value instanceof JSONObject object) {
      Map<String, JSONValue> fields = object.getFields();
      if (fields.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      Iterator<Map.Entry<String, JSONValue>> it = fields.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JSONValue> field = it.next();
        indent(depth + 1, out);
        out.append(new JSONString(field.getKey())).append(": ");
        write(field.getValue(), depth + 1, out);
        out.append(it.hasNext() ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append('}');
    } else if (value instanceof JSONArray array) {
      List<JSONValue> values = array.getValues();
      if (values.isEmpty()) {
        out.append("[]");
        return;
      }
      boolean scalars = values.stream().noneMatch(v -> v instanceof JSONObject || v instanceof JSONArray);
      if (scalars) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
          out.append(i == 0 ? "" : ", ").append(values.get(i).toString());
        }
        out.append(']');
        return;
      }
      out.append("[\n");
      for (int i = 0; i < values.size(); i++) {
        indent(depth + 1, out);
        write(values.get(i), depth + 1, out);
        out.append(i < values.size() - 1 ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append(']');
    } else {
      out.append(value.toString());
    }
  }

  private static void indent(int depth, StringBuilder out) {
    out.append("  ".repeat(depth));
  }
}
