package org.adscp.report;

import java.util.List;
import org.adscp.change.ChangeOutcome;

/** What {@code fix} and {@code apply} print for a person: each record, old and new, and how it went. */
public final class ChangesTable {
  private ChangesTable() {}

  public static String render(List<ChangeOutcome> outcomes, boolean applied, Style style) {
    StringBuilder out = new StringBuilder();
    out.append(style.bold(applied ? "Changes" : "Plan (dry run: nothing was written; add --apply to write)"))
        .append('\n');
    if (outcomes.isEmpty()) {
      out.append("  nothing to change\n");
    }
    for (ChangeOutcome o : outcomes) {
      out.append("  ").append(style.bold(o.change().server() != null ? o.change().server() : o.change().dn()))
          .append("  ").append(o.change().attribute()).append('\n');
      out.append("      dn:  ").append(o.change().dn()).append('\n');
      out.append("      old: ").append(values(o.change().oldValues())).append('\n');
      out.append("      new: ").append(values(o.change().newValues())).append('\n');
      if (o.now() != null && applied) {
        out.append("      now: ").append(values(o.now())).append('\n');
      }
      out.append("      ").append(status(o, style)).append(": ").append(o.reason()).append('\n');
    }
    return out.toString();
  }

  private static String status(ChangeOutcome o, Style style) {
    return switch (o.status()) {
      case APPLIED, ALREADY_APPLIED, PLANNED -> style.ok(o.status().label());
      case CONFLICT, FAILED -> style.severity(org.adscp.scp.Severity.ERROR, o.status().label());
      case REFUSED -> style.severity(org.adscp.scp.Severity.WARNING, o.status().label());
    };
  }

  private static String values(List<String> values) {
    if (values.isEmpty()) {
      return "(no value)";
    }
    return String.join("  ", values.stream().map(v -> v.strip().equals(v) ? v : "\"" + v + "\"").toList());
  }
}
