package org.adscp.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.adscp.scp.ExchangeServer;
import org.adscp.scp.ForestConfiguration;
import org.adscp.scp.ScpKind;
import org.adscp.scp.ServiceConnectionPoint;

/** The table {@code adscp list} prints for a person: one row per SCP value. */
public final class ListTable {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private ListTable() {}

  public static String render(SourceDescription source, ForestConfiguration forest) {
    StringBuilder out = new StringBuilder();
    out.append("Configuration partition ")
        .append(source.configurationNamingContext())
        .append(" (")
        .append(source.kind())
        .append(": ")
        .append(source.where())
        .append(")\n\n");
    if (forest.scps().isEmpty()) {
      return out.append("No Autodiscover SCPs found.\n").toString();
    }
    TextTable table =
        new TextTable("NAME", "KIND", "SERVER", "VERSION", "SITES", "URL", "CREATED (UTC)", "CHANGED (UTC)");
    for (ServiceConnectionPoint scp : forest.scps()) {
      ExchangeServer server = forest.serverOf(scp).orElse(null);
      List<String> values = scp.bindings();
      String firstValue = values.isEmpty() ? "(none)" : shown(values.get(0));
      table.add(
          scp.name(),
          scp.kind().label(),
          scp.placement().map(p -> p.server()).orElse("-"),
          version(server),
          scopes(scp),
          firstValue,
          time(scp.whenCreated()),
          time(scp.whenChanged()));
      for (String more : values.subList(Math.min(1, values.size()), values.size())) {
        table.add("", "", "", "", "", shown(more), "", "");
      }
    }
    out.append(table.render());
    long urls = forest.scps().stream().filter(s -> s.kind() == ScpKind.URL).count();
    long pointers = forest.scps().size() - urls;
    out.append('\n')
        .append(forest.scps().size())
        .append(forest.scps().size() == 1 ? " SCP: " : " SCPs: ")
        .append(urls)
        .append(" URL, ")
        .append(pointers)
        .append(pointers == 1 ? " pointer" : " pointers")
        .append('\n');
    return out.toString();
  }

  private static String version(ExchangeServer server) {
    if (server == null || server.version() == null) {
      return "-";
    }
    return server.version() + " (" + server.version().product().replace("Exchange ", "") + ")";
  }

  private static String scopes(ServiceConnectionPoint scp) {
    List<String> parts = new ArrayList<>(scp.keywords().sites());
    scp.keywords().domains().forEach(d -> parts.add("Domain=" + d));
    return parts.isEmpty() ? (scp.kind() == ScpKind.URL ? "(any)" : "-") : String.join(",", parts);
  }

  /** White space at either end is a finding in itself, so it is made visible. */
  private static String shown(String value) {
    return value.strip().equals(value) ? value : "\"" + value + "\"";
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : DAY.format(instant);
  }
}
