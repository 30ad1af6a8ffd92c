package org.adscp.scp;

import static org.adscp.scp.FindingCode.POINTER_BAD_TARGET;
import static org.adscp.scp.FindingCode.POINTER_NO_DOMAIN;
import static org.adscp.scp.FindingCode.POINTER_NO_TARGET;
import static org.adscp.scp.FindingCode.SERVER_LEGACY;
import static org.adscp.scp.FindingCode.SERVER_MISSING;
import static org.adscp.scp.FindingCode.SITE_MISMATCH;
import static org.adscp.scp.FindingCode.SITE_NONE;
import static org.adscp.scp.FindingCode.SITE_UNKNOWN;
import static org.adscp.scp.FindingCode.SOURCE_PARTIAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.adscp.Messages;

/**
 * The topology checks of spec §5 (sites, servers, pointers), except those that need the client
 * view (SITE_UNCOVERED, POINTER_UNREACHABLE, POINTER_LOOP).
 *
 * <p>An export of the SCPs alone holds no server or site objects. Then the checks that need them
 * are skipped and one SOURCE_PARTIAL says so, instead of reporting every server missing.
 */
public final class TopologyChecks {
  private static final Pattern LDAP_TARGET = Pattern.compile("(?i)^LDAP://[^/\\s:]+(:\\d{1,5})?/?$");

  private TopologyChecks() {}

  public static List<Finding> check(ForestConfiguration forest) {
    List<Finding> findings = new ArrayList<>();
    List<ServiceConnectionPoint> urlScps = forest.scps().stream().filter(s -> s.kind() == ScpKind.URL).toList();
    boolean serversKnown = !forest.servers().isEmpty() || urlScps.isEmpty();
    boolean sitesKnown = !forest.sites().isEmpty();
    if (!serversKnown || !sitesKnown) {
      findings.add(
          Finding.of(SOURCE_PARTIAL, forest.configurationNamingContext(), null,
              Messages.sourcePartial(!serversKnown, !sitesKnown), Messages.sourcePartialHint()));
    }
    Set<String> siteNames =
        forest.sites().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Map<String, ExchangeVersion> newestByOrganisation = newestVersions(forest);
    for (ServiceConnectionPoint scp : urlScps) {
      checkSites(scp, forest, sitesKnown, siteNames, findings);
      if (serversKnown) {
        checkServer(scp, forest, newestByOrganisation, findings);
      }
    }
    boolean urlScpsHere = !urlScps.isEmpty();
    forest.scps().stream()
        .filter(s -> s.kind() == ScpKind.POINTER)
        .forEach(p -> checkPointer(p, urlScpsHere, findings));
    return findings;
  }

  private static void checkSites(
      ServiceConnectionPoint scp, ForestConfiguration forest, boolean sitesKnown, Set<String> siteNames,
      List<Finding> out) {
    String dn = scp.dn().text();
    List<String> scoped = scp.keywords().sites();
    if (scoped.isEmpty()) {
      out.add(Finding.of(SITE_NONE, dn, null, Messages.siteNone(), Messages.siteNoneHint()));
      return;
    }
    if (sitesKnown) {
      for (String site : scoped) {
        if (!siteNames.contains(site.toLowerCase(Locale.ROOT))) {
          out.add(Finding.of(SITE_UNKNOWN, dn, null, Messages.siteUnknown(site),
              Messages.siteUnknownHint(forest.sites().stream().map(AdSite::name).sorted().toList())));
        }
      }
    }
    Optional<ExchangeServer> server = forest.serverOf(scp);
    if (server.isPresent() && server.get().site() != null) {
      String own = server.get().site().leafValue();
      if (scoped.stream().noneMatch(own::equalsIgnoreCase)) {
        out.add(Finding.of(SITE_MISMATCH, dn, null, Messages.siteMismatch(server.get().name(), own, scoped),
            Messages.siteMismatchHint(own)));
      }
    }
  }

  private static void checkServer(
      ServiceConnectionPoint scp, ForestConfiguration forest, Map<String, ExchangeVersion> newest, List<Finding> out) {
    if (scp.placement().isEmpty()) {
      return;
    }
    String dn = scp.dn().text();
    ExchangePlacement placement = scp.placement().get();
    Optional<ExchangeServer> server = forest.serverOf(scp);
    if (server.isEmpty()) {
      out.add(Finding.of(SERVER_MISSING, dn, null, Messages.serverMissing(placement.server()),
          Messages.serverMissingHint()));
      return;
    }
    ExchangeVersion version = server.get().version();
    ExchangeVersion top = newest.get(placement.organization().toLowerCase(Locale.ROOT));
    if (version != null && top != null && PRODUCT_LINE.compare(version, top) < 0) {
      out.add(Finding.of(SERVER_LEGACY, dn, null,
          Messages.serverLegacy(server.get().name(), version.product(), version.toString(), top.product()),
          Messages.serverLegacyHint()));
    }
  }

  /**
   * Exchange 2013, 2016, 2019 and SE all carry major version 15; what tells the product lines
   * apart is major.minor (15.0, 15.1, 15.2). Comparing the major alone would never call a 2016
   * server legacy in a 2019 organisation, which is exactly the migration case.
   */
  static final Comparator<ExchangeVersion> PRODUCT_LINE =
      Comparator.comparingInt(ExchangeVersion::major).thenComparingInt(ExchangeVersion::minor);

  private static Map<String, ExchangeVersion> newestVersions(ForestConfiguration forest) {
    Map<String, ExchangeVersion> newest = new HashMap<>();
    // Every server counts, also one without an SCP of its own: it too says what the organisation runs.
    for (ExchangeServer server : forest.servers()) {
      organisationOf(server).ifPresent(org -> {
        if (server.version() != null) {
          newest.merge(org, server.version(), (a, b) -> PRODUCT_LINE.compare(a, b) >= 0 ? a : b);
        }
      });
    }
    return newest;
  }

  /** CN=<server>,CN=Servers,CN=<admin group>,CN=Administrative Groups,CN=<org>,… */
  private static Optional<String> organisationOf(ExchangeServer server) {
    DistinguishedName dn = server.dn();
    return dn.rdnIs(1, "CN", "Servers") && dn.rdnIs(3, "CN", "Administrative Groups") && dn.rdnAt(4) != null
        ? Optional.of(dn.rdnAt(4).value().toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  private static void checkPointer(ServiceConnectionPoint pointer, boolean urlScpsHere, List<Finding> out) {
    String dn = pointer.dn().text();
    if (pointer.bindings().isEmpty()) {
      out.add(Finding.of(POINTER_NO_TARGET, dn, null, Messages.pointerNoTarget(), Messages.pointerNoTargetHint()));
    }
    for (String value : pointer.bindings()) {
      if (!LDAP_TARGET.matcher(value.strip()).matches()) {
        out.add(Finding.of(POINTER_BAD_TARGET, dn, value, Messages.pointerBadTarget(value),
            Messages.pointerBadTargetHint()));
      }
    }
    if (pointer.keywords().domains().isEmpty() && urlScpsHere) {
      out.add(Finding.of(POINTER_NO_DOMAIN, dn, null, Messages.pointerNoDomain(), Messages.pointerNoDomainHint()));
    }
  }
}
