package org.adscp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndpointTest {

  @Test
  void spellingsOfOneHostAreOneEndpoint() {
    Endpoint e = Endpoint.of("mail.contoso.com", 443);
    assertEquals(e, Endpoint.of("MAIL.Contoso.COM", 443));
    assertEquals(e, Endpoint.of("mail.contoso.com.", 443));
    assertEquals("mail.contoso.com:443", e.toString());
    assertEquals(Endpoint.of("xn--bcher-kva.contoso.com", 443),
        Endpoint.of("Bücher.contoso.com", 443));
  }

  @Test
  void ipv6LiteralsAreCanonicalAndBracketedInText() {
    Endpoint e = Endpoint.of("[2001:DB8::1]", 443);
    assertEquals("2001:db8:0:0:0:0:0:1", e.host());
    assertEquals(e, Endpoint.of("2001:db8:0::1", 443));
    assertEquals("[2001:db8:0:0:0:0:0:1]:443", e.toString());
    assertTrue(e.isIpLiteral());
    assertTrue(Endpoint.of("10.0.0.5", 443).isIpLiteral());
    assertFalse(Endpoint.of("10.0.0.5.example", 443).isIpLiteral());
    assertFalse(Endpoint.of("1.2.3", 443).isIpLiteral(), "not a dotted quad");
  }

  @Test
  void portMustBeInRange() {
    assertThrows(IllegalArgumentException.class, () -> Endpoint.of("mail.contoso.com", 0));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.of("mail.contoso.com", 65536));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.of(" ", 443));
  }

  @Test
  void noSniForIpLiteralsOrNamesSniCannotCarry() {
    assertEquals(0, ChainFetcher.sniNames(Endpoint.of("10.0.0.5", 443)).size());
    assertEquals(0, ChainFetcher.sniNames(Endpoint.of("ex_01.contoso.com", 443)).size());
    assertEquals(1, ChainFetcher.sniNames(Endpoint.of("exchange", 443)).size());
  }
}
