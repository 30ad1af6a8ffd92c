package org.adscp.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangePlacementTest {
  /** Splits a simple DN (no escaped commas) into RDNs, as the directory layer would. */
  static DistinguishedName dn(String text) {
    List<Rdn> rdns = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] kv = part.split("=", 2);
      rdns.add(new Rdn(kv[0], kv[1]));
    }
    return new DistinguishedName(text, rdns);
  }

  private static final String ORG =
      "CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,"
          + "CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com";

  @Test
  void serverAndOrganisationComeFromTheDn() {
    ExchangePlacement p =
        ExchangePlacement.of(dn("CN=EX01,CN=Autodiscover,CN=Protocols,CN=EX01,CN=Servers," + ORG)).orElseThrow();
    assertEquals("EX01", p.server());
    assertEquals("Contoso", p.organization());
    assertEquals("Exchange Administrative Group (FYDIBOHF23SPDLT)", p.administrativeGroup());
    assertEquals("CN=EX01,CN=Servers," + ORG, p.serverDn().text());
    assertEquals(dn("CN=ex01,CN=servers," + ORG.toLowerCase()), p.serverDn());
  }

  @Test
  void layoutIsMatchedIgnoringCase() {
    assertTrue(
        ExchangePlacement.of(dn("CN=EX01,CN=autodiscover,CN=PROTOCOLS,CN=EX01,CN=servers," + ORG)).isPresent());
  }

  @Test
  void scpOutsideTheServerLayoutHasNoPlacement() {
    assertTrue(
        ExchangePlacement.of(
                dn("CN=EX01,CN=Microsoft Exchange Autodiscover,CN=Services,CN=Configuration,DC=contoso,DC=com"))
            .isEmpty());
    assertTrue(ExchangePlacement.of(dn("CN=EX01,CN=Other,CN=Protocols,CN=EX01,CN=Servers," + ORG)).isEmpty());
  }

  @Test
  void rebuiltServerDnEscapesSpecialCharacters() {
    DistinguishedName scp =
        new DistinguishedName(
            "x",
            List.of(
                new Rdn("CN", "EX01"),
                new Rdn("CN", "Autodiscover"),
                new Rdn("CN", "Protocols"),
                new Rdn("CN", "EX,01 "),
                new Rdn("CN", "Servers"),
                new Rdn("CN", "AG"),
                new Rdn("CN", "Administrative Groups"),
                new Rdn("CN", "Org"),
                new Rdn("CN", "Microsoft Exchange"),
                new Rdn("CN", "Services")));
    assertEquals(
        "CN=EX\\,01\\ ,CN=Servers,CN=AG,CN=Administrative Groups,CN=Org,CN=Microsoft Exchange,CN=Services",
        ExchangePlacement.of(scp).orElseThrow().serverDn().text());
  }
}
