package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.LDIFRecord;
import com.unboundid.util.json.JSONObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.adscp.testing.Cli;
import org.adscp.testing.DcReports;
import org.adscp.testing.FixtureCatalog;
import org.adscp.testing.Fixtures;
import org.adscp.testing.SambaDc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture of ldif-fixtures/, loaded into the Samba DC one after another
 * ({@code scripts/samba-dc load --replace}), is listed and audited from the DC exactly as from
 * the embedded directory serving the same file: every field of every SCP (whenCreated and
 * whenChanged too: the loader keeps the export's), every finding with its texts, the summary and
 * the exit code. Only the forest root (fabrikam's export lands under the contoso DC's) and the
 * order the directory returns the SCPs in are allowed to differ (see {@link DcReports}).
 *
 * <p>What a freshly provisioned DC holds besides the export is part of the forest the DC
 * serves. Of that, adscp reads one thing: the site {@code Default-First-Site-Name}. So for an
 * export without it ({@code scps-only.ldif}: SCPs alone, no site), the embedded run that stands
 * for the same forest reads the export plus that one site; otherwise just the export.
 */
class SambaFixturesIT {
  /** Sites that provisioning creates in every DC, whatever is loaded. */
  private static final List<String> DC_OWN_SITES = List.of("Default-First-Site-Name");

  @TempDir static Path dir;

  private static boolean loaded;

  static Stream<String> fixtures() {
    return FixtureCatalog.fixtureNames().stream();
  }

  @AfterAll
  static void restoreTheDefaultFixture() {
    if (loaded) {
      SambaDc.load(SambaDc.fixture());
    }
  }

  private static List<String> dcSource() {
    return List.of(
        "-H", SambaDc.url(), "--trust-store", SambaDc.trustStore(),
        "-D", SambaDc.bindDn(), "--password-file", SambaDc.passwordFile());
  }

  private static Cli.Result run(String command, List<String> source, String... extra) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(source);
    args.addAll(List.of("--format", "json"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  /** The DC's own sites that the export does not hold, as LDIF entries under the DC's configuration NC. */
  private static List<String> ownSitesMissingFrom(Path export, String dcConfigNc) throws Exception {
    Set<String> held = new HashSet<>();
    try (LDIFReader r = new LDIFReader(export.toFile())) {
      for (LDIFRecord rec; (rec = r.readLDIFRecord()) != null; ) {
        DN dn = rec.getParsedDN();
        DN parent = dn.getParent();
        if (parent != null && parent.getRDNString().equalsIgnoreCase("CN=Sites")) {
          held.add(dn.getRDN().getAttributeValues()[0].toLowerCase(Locale.ROOT));
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (String site : DC_OWN_SITES) {
      if (!held.contains(site.toLowerCase(Locale.ROOT))) {
        missing.add("dn: CN=" + site + ",CN=Sites," + dcConfigNc + "\nobjectClass: top\nobjectClass: site\ncn: "
            + site + "\n");
      }
    }
    return missing;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theDcHoldingTheFixtureListsAndAuditsExactlyWhatTheEmbeddedDirectoryServingItDoes(String fixture)
      throws Exception {
    Path export = Fixtures.ldif(fixture);
    SambaDc.load(Fixtures.root().relativize(export).toString());
    loaded = true;

    Cli.Result dcList = run("list", dcSource());
    assertEquals(0, dcList.exitCode(), dcList::toString);
    JSONObject fromDc = DcReports.parse(dcList);
    String dcConfigNc = fromDc.getFieldAsObject("source").getFieldAsString("configNC");

    List<String> embeddedSource = new ArrayList<>(List.of("--ldif", export.toString()));
    List<String> ownSites = ownSitesMissingFrom(export, dcConfigNc);
    if (!ownSites.isEmpty()) {
      Path sites = dir.resolve(fixture + "-dc-own-sites.ldif");
      Files.writeString(sites, String.join("\n", ownSites), StandardCharsets.UTF_8);
      embeddedSource.addAll(List.of("--ldif", sites.toString()));
    }

    Cli.Result embeddedList = run("list", embeddedSource);
    String exportRoot = DcReports.forestRoot(DcReports.parse(embeddedList));
    String dcRoot = DcReports.forestRoot(fromDc);
    JSONObject embedded = DcReports.moveForest(embeddedList.out(), exportRoot, dcRoot);

    Cli.Result dcAudit = run("audit", dcSource(), "--offline");
    Cli.Result embeddedAudit = run("audit", embeddedSource, "--offline");
    JSONObject dcReport = DcReports.parse(dcAudit);
    JSONObject embeddedReport = DcReports.moveForest(embeddedAudit.out(), exportRoot, dcRoot);
    List<String> dcOrder = DcReports.scpOrder(dcReport);

    assertAll(
        () -> assertEquals(FixtureCatalog.selectedScps(fixture).size(), fromDc.getFieldAsArray("scps").size(),
            "the DC selects the SCPs ldif-fixtures/README.md lists"),
        () -> assertEquals(DcReports.scpsByDn(embedded), DcReports.scpsByDn(fromDc), "list: every SCP, every field"),
        () -> assertEquals(embedded.getFieldAsObject("source").getFieldAsString("configNC"), dcConfigNc),
        () -> assertEquals(embeddedList.exitCode(), dcList.exitCode()),
        () -> assertEquals(DcReports.findingsInScpOrder(embeddedReport, dcOrder), DcReports.findings(dcReport),
            "audit: the same findings, texts and order"),
        () -> assertEquals(DcReports.summary(embeddedReport), DcReports.summary(dcReport), "audit: summary"),
        () -> assertEquals(embeddedAudit.exitCode(), dcAudit.exitCode(), dcAudit::toString));
  }
}
