package org.adscp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;
import org.adscp.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9525 matching (spec §5), on real certificates made by {@link TestPki}. */
class HostnameMatcherTest {

  private static TestPki pki;

  @BeforeAll
  static void pki() {
    pki = TestPki.create();
  }

  private static X509Certificate cert(String cn, String... dns) {
    return pki.leaf(cn).dns(dns).build().certificate();
  }

  private static HostnameMatch.Kind kind(String host, X509Certificate c) {
    return HostnameMatcher.match(host, c).kind();
  }

  @Test
  void exactDnsSanMatches() {
    X509Certificate c = cert("mail.contoso.com", "mail.contoso.com", "autodiscover.contoso.com");
    HostnameMatch m = HostnameMatcher.match("autodiscover.contoso.com", c);
    assertEquals(HostnameMatch.Kind.SAN, m.kind());
    assertEquals("autodiscover.contoso.com", m.matchedName());
    assertEquals(List.of("mail.contoso.com", "autodiscover.contoso.com"), m.dnsNames());
    assertEquals(HostnameMatch.Kind.NONE, kind("owa.contoso.com", c));
  }

  @Test
  void wildcardMatchesExactlyOneLabel() {
    X509Certificate c = cert("wild", "*.contoso.com");
    assertEquals(HostnameMatch.Kind.SAN, kind("autodiscover.contoso.com", c));
    assertEquals("*.contoso.com",
        HostnameMatcher.match("autodiscover.contoso.com", c).matchedName());
    assertEquals(HostnameMatch.Kind.NONE, kind("a.b.contoso.com", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("autodiscover.eu.contoso.com", c));
  }

  @Test
  void wildcardDoesNotMatchBareDomain() {
    X509Certificate c = cert("wild", "*.contoso.com");
    assertEquals(HostnameMatch.Kind.NONE, kind("contoso.com", c));
    assertEquals(HostnameMatch.Kind.NONE, kind(".contoso.com", c));
  }

  @Test
  void wildcardNeedsTheWholeSuffix() {
    X509Certificate c = cert("wild", "*.contoso.com");
    assertEquals(HostnameMatch.Kind.NONE, kind("mail.xcontoso.com", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("mail.contoso.com.evil.test", c));
  }

  @Test
  void partialWildcardNeverMatches() {
    X509Certificate c = cert("partial", "ex*.fabrikam.com", "*mail.fabrikam.com",
        "a*b.fabrikam.com");
    assertEquals(HostnameMatch.Kind.NONE, kind("exch01.fabrikam.com", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("ex.fabrikam.com", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("webmail.fabrikam.com", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("axb.fabrikam.com", c));
  }

  @Test
  void wildcardOutsideTheLeftMostLabelNeverMatches() {
    X509Certificate c = cert("odd", "mail.*.com", "*.*.contoso.com");
    assertEquals(HostnameMatch.Kind.NONE, kind("mail.contoso.com", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("a.b.contoso.com", c));
  }

  @Test
  void singleLabelStarIsRejected() {
    X509Certificate c = cert("stars", "*", "*.com", "*.local");
    assertEquals(HostnameMatch.Kind.NONE, kind("intranet", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("contoso.com", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("exchange.local", c));
    // near miss: a wildcard with two labels after it is fine
    assertEquals(HostnameMatch.Kind.SAN, kind("exchange.contoso.local",
        cert("ok", "*.contoso.local")));
  }

  @Test
  void matchIgnoresCase() {
    X509Certificate c = cert("mail", "Mail.Contoso.COM", "*.FABRIKAM.com");
    assertEquals(HostnameMatch.Kind.SAN, kind("MAIL.contoso.com", c));
    assertEquals(HostnameMatch.Kind.SAN, kind("mail.contoso.com", c));
    assertEquals(HostnameMatch.Kind.SAN, kind("AutoDiscover.Fabrikam.Com", c));
  }

  @Test
  void trailingDotIsStripped() {
    X509Certificate c = cert("mail", "mail.contoso.com");
    assertEquals(HostnameMatch.Kind.SAN, kind("mail.contoso.com.", c));
    assertEquals(HostnameMatch.Kind.SAN,
        kind("mail.contoso.com", cert("dot", "mail.contoso.com.")));
    // only one: two dots leave an empty label
    assertEquals(HostnameMatch.Kind.NONE, kind("mail.contoso.com..", c));
    assertEquals(HostnameMatch.Kind.SAN, kind("x.contoso.com.", cert("w", "*.contoso.com")));
  }

  @Test
  void cnIgnoredWhenSanPresent() {
    X509Certificate c = cert("legacy.northwind.com", "mail.contoso.com");
    HostnameMatch m = HostnameMatcher.match("legacy.northwind.com", c);
    assertEquals(HostnameMatch.Kind.NONE, m.kind());
    assertTrue(m.commonNameIgnored());
    assertEquals("legacy.northwind.com", m.commonName());
    assertEquals(List.of("mail.contoso.com"), m.allNames());
  }

  @Test
  void cnUsedOnlyWithoutDnsSan() {
    X509Certificate cnOnly = cert("legacy.northwind.com");
    HostnameMatch m = HostnameMatcher.match("LEGACY.northwind.com.", cnOnly);
    assertEquals(HostnameMatch.Kind.CN, m.kind());
    assertEquals("legacy.northwind.com", m.matchedName());
    assertEquals(List.of("legacy.northwind.com"), m.allNames());
    assertEquals(HostnameMatch.Kind.NONE, kind("other.northwind.com", cnOnly));
    // an IP SAN alone does not stop the CN from counting for a DNS host (only DNS SANs do)
    X509Certificate withIp = pki.leaf("mail.contoso.com").ip("10.1.2.3").build().certificate();
    assertEquals(HostnameMatch.Kind.CN, kind("mail.contoso.com", withIp));
  }

  @Test
  void cnFollowsTheSameWildcardRules() {
    X509Certificate wild = cert("*.contoso.com");
    assertEquals(HostnameMatch.Kind.CN, kind("mail.contoso.com", wild));
    assertEquals(HostnameMatch.Kind.NONE, kind("contoso.com", wild));
    assertEquals(HostnameMatch.Kind.NONE, kind("a.b.contoso.com", wild));
  }

  @Test
  void mostSpecificCnCounts() {
    X509Certificate c = pki.leaf("x").subject("CN=mail.contoso.com,OU=Exchange,O=Contoso,C=US")
        .build().certificate();
    assertEquals("mail.contoso.com", CertificateFacts.of(c).commonName());
    assertEquals(HostnameMatch.Kind.CN, kind("mail.contoso.com", c));
  }

  @Test
  void ipHostMatchesOnlyIpSan() {
    X509Certificate ipSan = pki.leaf("10.0.0.5").dns("10.0.0.5", "mail.contoso.com")
        .ip("10.0.0.6").build().certificate();
    // a DNS SAN spelling the address does not count, nor does the CN
    assertEquals(HostnameMatch.Kind.NONE, kind("10.0.0.5", ipSan));
    assertEquals(HostnameMatch.Kind.SAN, kind("10.0.0.6", ipSan));
    assertEquals("10.0.0.6", HostnameMatcher.match("10.0.0.6", ipSan).matchedName());
    X509Certificate cnOnly = cert("10.0.0.7");
    assertEquals(HostnameMatch.Kind.NONE, kind("10.0.0.7", cnOnly));
    // and an IP SAN never serves a DNS host
    assertEquals(HostnameMatch.Kind.NONE, kind("mail.fabrikam.com",
        pki.leaf("ip").ip("10.0.0.8").build().certificate()));
  }

  @Test
  void ipv6IsComparedAsAnAddress() {
    X509Certificate c = pki.leaf("v6").ip("2001:db8::1", "::1").build().certificate();
    assertEquals(HostnameMatch.Kind.SAN, kind("2001:DB8:0:0:0:0:0:1", c));
    assertEquals(HostnameMatch.Kind.SAN, kind("[2001:db8::1]", c));
    assertEquals(HostnameMatch.Kind.SAN, kind("0:0:0:0:0:0:0:1", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("2001:db8::2", c));
    assertEquals(List.of("2001:db8:0:0:0:0:0:1", "0:0:0:0:0:0:0:1"),
        HostnameMatcher.match("x.test", c).ipAddresses());
  }

  @Test
  void idnHostIsComparedInALabelForm() {
    // "bücher.contoso.com" is "xn--bcher-kva.contoso.com" in A-label form
    X509Certificate c = cert("idn", "xn--bcher-kva.contoso.com");
    assertEquals(HostnameMatch.Kind.SAN, kind("bücher.contoso.com", c));
    assertEquals(HostnameMatch.Kind.SAN, kind("XN--BCHER-KVA.contoso.com", c));
    assertEquals(HostnameMatch.Kind.SAN, kind("bücher.contoso.com", cert("w", "*.contoso.com")));
    // a U-label in a SAN is not a valid dNSName and is not converted
    assertEquals(HostnameMatch.Kind.NONE, kind("xn--bcher-kva.contoso.com",
        cert("u", "bücher.contoso.com")));
  }

  @Test
  void emptyOrBrokenHostsNeverMatch() {
    X509Certificate c = cert("wild", "*.contoso.com", "mail.contoso.com");
    assertEquals(HostnameMatch.Kind.NONE, kind("", c));
    assertEquals(HostnameMatch.Kind.NONE, kind(".", c));
    assertEquals(HostnameMatch.Kind.NONE, kind("mail..contoso.com", c));
    assertEquals(HostnameMatch.Kind.NONE, kind(null, c));
  }

  @Test
  void servingNamesPreferAutodiscoverAndExpandWildcards() {
    X509Certificate c = cert("mail", "mail.contoso.com", "*.fabrikam.com",
        "autodiscover.contoso.com", "ex*.contoso.com", "exch01", "*.com");
    HostnameMatch m = HostnameMatcher.match("mail.northwind.com", c);
    assertEquals(HostnameMatch.Kind.NONE, m.kind());
    assertEquals(List.of("autodiscover.fabrikam.com", "autodiscover.contoso.com",
        "mail.contoso.com", "exch01"), m.servingNames());
    assertNull(m.matchedName());
    assertFalse(m.commonNameIgnored());
  }

  @Test
  void servingNamesOfACnOnlyCertificateAreItsCn() {
    HostnameMatch m = HostnameMatcher.match("x.contoso.com", cert("mail.contoso.com"));
    assertEquals(List.of("mail.contoso.com"), m.servingNames());
  }

  @Test
  void wildcardOnAPublicSuffixNeverMatches() throws Exception {
    X509Certificate cert = TestPki.create().leaf("x").dns("*.co.uk", "*.github.io").build().certificate();
    assertEquals(HostnameMatch.Kind.NONE, HostnameMatcher.match("contoso.co.uk", cert).kind());
    // a private-section suffix is someone's own domain: its wildcard is a real one
    assertEquals(HostnameMatch.Kind.SAN, HostnameMatcher.match("contoso.github.io", cert).kind());
  }
}
