package org.adscp.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.adscp.scp.Finding;
import org.adscp.scp.ForestConfiguration;
import org.adscp.scp.ServiceConnectionPoint;
import org.adscp.scp.Severity;

/**
 * What {@code adscp audit} prints for a person: each SCP with its findings under it, errors
 * first; the SCPs with the worst findings first, the clean ones last; findings about the forest
 * as a whole (a partial source) at the end.
 */
public final class AuditTable {
  private static final Comparator<Finding> BY_SEVERITY = Comparator.comparing(Finding::severity);

  private AuditTable() {}

  public static String render(
      SourceDescription source, ForestConfiguration forest, List<Finding> findings, Style style) {
    StringBuilder out = new StringBuilder();
    out.append("Configuration partition ").append(source.configurationNamingContext())
        .append(" (").append(source.kind()).append(": ").append(source.where()).append(")\n\n");
    Map<String, List<Finding>> byDn = new LinkedHashMap<>();
    forest.scps().forEach(s -> byDn.put(s.dn().text(), new ArrayList<>()));
    List<Finding> forestWide = new ArrayList<>();
    for (Finding f : findings) {
      List<Finding> list = byDn.get(f.dn());
      (list == null ? forestWide : list).add(f);
    }
    List<ServiceConnectionPoint> ordered = new ArrayList<>(forest.scps());
    ordered.sort(Comparator.comparing((ServiceConnectionPoint s) -> worst(byDn.get(s.dn().text())))
        .thenComparing(s -> s.name().toLowerCase(Locale.ROOT)));
    for (ServiceConnectionPoint scp : ordered) {
      List<Finding> own = byDn.get(scp.dn().text());
      own.sort(BY_SEVERITY);
      out.append(style.bold(scp.name())).append("  ").append(scp.kind().label()).append("  ")
          .append(values(scp)).append('\n');
      if (own.isEmpty()) {
        out.append("  ").append(style.ok("ok")).append('\n');
      }
      // With one value the header shows it; with several, each finding says which.
      boolean severalValues = scp.bindings().size() > 1;
      own.forEach(f -> finding(f, severalValues, style, out));
      out.append('\n');
    }
    if (!forestWide.isEmpty()) {
      out.append(style.bold("Forest")).append('\n');
      forestWide.sort(BY_SEVERITY);
      forestWide.forEach(f -> finding(f, true, style, out));
      out.append('\n');
    }
    out.append(summary(forest, byDn, findings));
    return out.toString();
  }

  private static int worst(List<Finding> findings) {
    return findings.stream().map(f -> f.severity().ordinal()).min(Integer::compare).orElse(Severity.values().length);
  }

  private static String values(ServiceConnectionPoint scp) {
    if (scp.bindings().isEmpty()) {
      return "(no value)";
    }
    List<String> shown = scp.bindings().stream().map(v -> v.strip().equals(v) ? v : "\"" + v + "\"").toList();
    return String.join("  ", shown);
  }

  private static void finding(Finding f, boolean showUrl, Style style, StringBuilder out) {
    String label = String.format("%-8s", f.severity().label());
    out.append("  ").append(style.severity(f.severity(), label)).append(' ')
        .append(f.code().name()).append("  ").append(f.message()).append('\n');
    Optional.ofNullable(f.url()).filter(u -> showUrl && !f.message().contains(u))
        .ifPresent(u -> out.append("           ").append(style.dim("url: " + u)).append('\n'));
    out.append("           ").append(style.dim("→ " + f.hint())).append('\n');
  }

  private static String summary(ForestConfiguration forest, Map<String, List<Finding>> byDn, List<Finding> findings) {
    long clean = byDn.values().stream().filter(List::isEmpty).count();
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    long infos = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
    return forest.scps().size() + (forest.scps().size() == 1 ? " SCP" : " SCPs") + ", " + clean + " without findings; "
        + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning, " : " warnings, ")
        + infos + " info\n";
  }
}
