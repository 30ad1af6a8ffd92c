package org.adscp.scp;

import static org.adscp.scp.Forests.forest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlChecksTest {
  private static final String OK = "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml";
  private static final String V2019 = "Version 15.2 (Build 31748.10)";

  /** The codes the URL checks give one SCP EX01 with these values (EX02 uses the shared name). */
  private static List<FindingCode> codes(String... values) {
    ForestConfiguration f =
        forest().server("EX01", "HQ", V2019).server("EX02", "HQ", V2019)
            .urlScp("EX01", List.of("HQ"), values)
            .urlScp("EX02", List.of("HQ"), OK)
            .build();
    return UrlChecks.check(f).stream()
        .filter(x -> x.dn().equals(Forests.scpDn("EX01")))
        .map(Finding::code)
        .toList();
  }

  @Test
  void aCorrectUrlHasNoFinding() {
    assertEquals(List.of(), codes(OK));
  }

  @Test
  void pathIsComparedIgnoringCase() {
    assertEquals(List.of(), codes("HTTPS://AUTODISCOVER.contoso.com/AUTODISCOVER/autodiscover.XML"));
  }

  @Test
  void noValueIsInfo() {
    assertEquals(List.of(FindingCode.SCP_NO_URL), codes());
  }

  @Test
  void twoValuesWarnOnceAndEachValueIsStillJudged() {
    assertEquals(List.of(FindingCode.URL_MULTI_VALUE, FindingCode.URL_NOT_HTTPS),
        codes(OK, "http://autodiscover.contoso.com/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void trailingOrLeadingSpaceIsWhitespaceOnlyWhenTheRestIsFine() {
    assertEquals(List.of(FindingCode.URL_WHITESPACE), codes(OK + " "));
    assertEquals(List.of(FindingCode.URL_WHITESPACE), codes("\t" + OK));
  }

  @Test
  void schemeLessValueIsMalformedAndNothingElse() {
    assertEquals(List.of(FindingCode.URL_MALFORMED), codes("autodiscover.contoso.com/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void otherMalformedValues() {
    assertEquals(List.of(FindingCode.URL_MALFORMED), codes("https://"));
    assertEquals(List.of(FindingCode.URL_MALFORMED), codes("https://auto discover.contoso.com/Autodiscover/Autodiscover.xml"));
    assertEquals(List.of(FindingCode.URL_MALFORMED), codes("https://autodiscover.contoso.com:99999/Autodiscover/Autodiscover.xml"));
    assertEquals(List.of(FindingCode.URL_WHITESPACE, FindingCode.URL_MALFORMED), codes("  "));
  }

  @Test
  void httpIsAnError() {
    assertEquals(List.of(FindingCode.URL_NOT_HTTPS), codes("http://autodiscover.contoso.com/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void ewsPathQueryAndFragmentAreBadPaths() {
    assertEquals(List.of(FindingCode.URL_BAD_PATH), codes("https://autodiscover.contoso.com/EWS/Exchange.asmx"));
    assertEquals(List.of(FindingCode.URL_BAD_PATH), codes(OK + "?x=1"));
    assertEquals(List.of(FindingCode.URL_BAD_PATH), codes(OK + "#top"));
    assertEquals(List.of(FindingCode.URL_BAD_PATH), codes("https://autodiscover.contoso.com"));
  }

  @Test
  void port443IsOnlyInfo() {
    assertEquals(List.of(FindingCode.URL_PORT_REDUNDANT), codes("https://autodiscover.contoso.com:443/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void port444IsAnError() {
    assertEquals(List.of(FindingCode.URL_PORT_NONSTANDARD), codes("https://autodiscover.contoso.com:444/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void singleLabelHostWarnsAndIsNotAlsoInternal() {
    assertEquals(List.of(FindingCode.HOST_SINGLE_LABEL), codes("https://autodiscover/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void ipLiteralsWarn() {
    assertEquals(List.of(FindingCode.HOST_IP_LITERAL), codes("https://10.20.0.15/Autodiscover/Autodiscover.xml"));
    assertEquals(List.of(FindingCode.HOST_IP_LITERAL), codes("https://[2001:db8::15]/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void internalSuffixesAreInfo() {
    for (String host : List.of("autodiscover.contoso.local", "mail.corp", "ad.contoso.lan", "x.home.arpa",
        "autodiscover.contoso.internal", "exchange.intranet", "mail.contoso.test")) {
      assertEquals(List.of(FindingCode.HOST_INTERNAL_NAME), codes("https://" + host + "/Autodiscover/Autodiscover.xml"), host);
    }
  }

  @Test
  void publicSuffixesAreNotInternal() {
    for (String host : List.of("autodiscover.contoso.co.uk", "autodiscover.contoso.de", "mail.contoso.io")) {
      assertEquals(List.of(), codes("https://" + host + "/Autodiscover/Autodiscover.xml"), host);
    }
  }

  @Test
  void idnHostIsAValidUrl() {
    assertEquals(List.of(), codes("https://autodiscover.bücher.contoso.com/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void serversOwnNameWarnsWhenOthersUseASharedName() {
    assertEquals(List.of(FindingCode.HOST_SERVER_SPECIFIC), codes("https://EX01.contoso.com/Autodiscover/Autodiscover.xml"));
    assertEquals(List.of(FindingCode.HOST_SERVER_SPECIFIC), codes("https://ex01.mail.contoso.com/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void anotherServersNameIsNotThisServersOwn() {
    assertEquals(List.of(), codes("https://ex02.contoso.com/Autodiscover/Autodiscover.xml"));
  }

  @Test
  void serverNameIsFineWhenEveryScpUsesItsOwn() {
    ForestConfiguration f =
        forest().server("EX01", "HQ", V2019).server("EX02", "HQ", V2019)
            .urlScp("EX01", List.of("HQ"), "https://ex01.contoso.com/Autodiscover/Autodiscover.xml")
            .urlScp("EX02", List.of("HQ"), "https://ex02.contoso.com/Autodiscover/Autodiscover.xml")
            .build();
    assertEquals(List.of(), UrlChecks.check(f));
  }

  @Test
  void findingCarriesTheRawValueAndAHint() {
    ForestConfiguration f = forest().server("EX01", "HQ", V2019).urlScp("EX01", List.of("HQ"), OK + " ").build();
    Finding finding = UrlChecks.check(f).get(0);
    assertEquals(OK + " ", finding.url());
    assertEquals(Severity.WARNING, finding.severity());
    assertEquals(Forests.scpDn("EX01"), finding.dn());
    assertEquals("Write it without the white space: " + OK, finding.hint());
  }

  @Test
  void pointersAreNotJudgedAsUrls() {
    ForestConfiguration f = forest().pointer("fabrikam.com", List.of("Domain=fabrikam.com"), "LDAP://fabrikam.com").build();
    assertEquals(List.of(), UrlChecks.check(f));
  }
}
