package org.adscp.scp;

import static org.adscp.scp.Forests.forest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyChecksTest {
  private static final String OK = "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml";
  private static final String V2019 = "Version 15.2 (Build 31748.10)";
  private static final String V2016 = "Version 15.1 (Build 32507.6)";
  private static final String V2010 = "Version 14.3 (Build 30123.4)";
  private static final String SE = "Version 15.2 (Build 32562.17)";

  private static List<FindingCode> codes(Forests f) {
    return TopologyChecks.check(f.build()).stream().map(Finding::code).toList();
  }

  @Test
  void scpScopedToItsServersSiteHasNoFinding() {
    assertEquals(List.of(), codes(forest().server("EX01", "HQ", V2019).urlScp("EX01", List.of("HQ"), OK)));
  }

  @Test
  void siteNamesCompareIgnoringCase() {
    assertEquals(List.of(), codes(forest().server("EX01", "HQ", V2019).urlScp("EX01", List.of("hq"), OK)));
  }

  @Test
  void unknownSiteWarnsAndSoDoesTheMismatch() {
    assertEquals(List.of(FindingCode.SITE_UNKNOWN, FindingCode.SITE_MISMATCH),
        codes(forest().server("EX01", "HQ", V2019).urlScp("EX01", List.of("London"), OK)));
  }

  @Test
  void serverMovedToAnotherSiteIsAMismatch() {
    assertEquals(List.of(FindingCode.SITE_MISMATCH),
        codes(forest().site("Paris").server("EX01", "Paris", V2019).urlScp("EX01", List.of("HQ"), OK)));
  }

  @Test
  void ownSiteAmongSeveralIsNoMismatch() {
    assertEquals(List.of(),
        codes(forest().site("Paris").server("EX01", "Paris", V2019).urlScp("EX01", List.of("HQ", "Paris"), OK)));
  }

  @Test
  void noScopeIsInfoAndNoMismatch() {
    assertEquals(List.of(FindingCode.SITE_NONE), codes(forest().server("EX01", "HQ", V2019).urlScp("EX01", List.of(), OK)));
  }

  @Test
  void orphanScpIsServerMissing() {
    assertEquals(List.of(FindingCode.SERVER_MISSING),
        codes(forest().server("EX01", "HQ", V2019).urlScp("EX01", List.of("HQ"), OK).urlScp("EX00", List.of("HQ"), OK)));
  }

  @Test
  void olderProductLineIsLegacyEvenWithTheSameMajorVersion() {
    List<Finding> f = TopologyChecks.check(
        forest().server("EX01", "HQ", V2019).server("EX16", "HQ", V2016)
            .urlScp("EX01", List.of("HQ"), OK).urlScp("EX16", List.of("HQ"), OK).build());
    assertEquals(List.of(FindingCode.SERVER_LEGACY), f.stream().map(Finding::code).toList());
    assertEquals(Forests.scpDn("EX16"), f.get(0).dn());
    assertEquals("EX16 runs Exchange 2016 (15.1.2507.6), older than the organisation's Exchange 2019.", f.get(0).message());
  }

  @Test
  void exchange2010InA2019OrganisationIsLegacy() {
    assertEquals(List.of(FindingCode.SERVER_LEGACY),
        codes(forest().server("EX01", "HQ", V2019).server("EX10", "HQ", V2010)
            .urlScp("EX01", List.of("HQ"), OK).urlScp("EX10", List.of("HQ"), OK)));
  }

  @Test
  void anOlderCumulativeUpdateOrSeIsNotLegacy() {
    assertEquals(List.of(),
        codes(forest().server("EX01", "HQ", SE).server("EX02", "HQ", "Version 15.2 (Build 31544.4)")
            .urlScp("EX01", List.of("HQ"), OK).urlScp("EX02", List.of("HQ"), OK)));
  }

  @Test
  void exportWithoutServersIsPartialAndSkipsServerChecks() {
    Forests f = forest().urlScp("EX01", List.of("HQ"), OK);
    List<Finding> findings = TopologyChecks.check(f.build());
    assertEquals(List.of(FindingCode.SOURCE_PARTIAL), findings.stream().map(Finding::code).toList());
    assertEquals(Forests.CONFIG, findings.get(0).dn());
    assertTrue(findings.get(0).message().contains("no Exchange server objects"), findings.get(0).message());
  }

  @Test
  void exportWithoutSitesIsPartialAndSkipsSiteUnknown() {
    assertEquals(List.of(FindingCode.SOURCE_PARTIAL),
        codes(forest().noSites().server("EX01", "HQ", V2019).urlScp("EX01", List.of("Nowhere", "HQ"), OK)));
  }

  @Test
  void forestWithoutExchangeIsNotPartial() {
    assertEquals(List.of(), codes(forest().pointer("contoso.com", List.of("Domain=contoso.com"), "LDAP://contoso.com")));
  }

  @Test
  void pointerProblems() {
    assertEquals(List.of(FindingCode.POINTER_NO_TARGET), codes(forest().pointer("a", List.of("Domain=a.com"))));
    assertEquals(List.of(FindingCode.POINTER_BAD_TARGET),
        codes(forest().pointer("b", List.of("Domain=b.com"), "https://autodiscover.b.com/Autodiscover/Autodiscover.xml")));
    assertEquals(List.of(), codes(forest().pointer("c", List.of("Domain=c.com"), "ldap://c.com:389")));
  }

  @Test
  void pointerWithoutDomainWarnsOnlyBesideUrlScps() {
    assertEquals(List.of(), codes(forest().pointer("p", List.of(), "LDAP://contoso.com")));
    assertEquals(List.of(FindingCode.POINTER_NO_DOMAIN),
        codes(forest().server("EX01", "HQ", V2019).urlScp("EX01", List.of("HQ"), OK).pointer("p", List.of(), "LDAP://contoso.com")));
  }
}
