package org.adscp.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExchangeVersionTest {
  @Test
  void serialNumberBuildLosesThe30000Offset() {
    assertEquals("15.2.1544.4", ExchangeVersion.fromSerialNumber("Version 15.2 (Build 31544.4)").orElseThrow().toString());
  }

  @Test
  void olderSerialNumberWith10000Offset() {
    assertEquals("8.3.83.6", ExchangeVersion.fromSerialNumber("Version 8.3 (Build 10083.6)").orElseThrow().toString());
  }

  @Test
  void versionNumberDecodesWithoutRevision() {
    // 2019 CU14: 0x70008000 | 15<<22 | 2<<16 | 1544
    ExchangeVersion v = ExchangeVersion.fromVersionNumber(1942128136L).orElseThrow();
    assertEquals("15.2.1544", v.toString());
    assertEquals("Exchange 2019", v.product());
  }

  @Test
  void versionNumberWithoutExchangeMarkerIsNotAVersion() {
    assertTrue(ExchangeVersion.fromVersionNumber(12345L).isEmpty());
  }

  @Test
  void productNames() {
    assertEquals("Exchange 2013", new ExchangeVersion(15, 0, 1497, 2).product());
    assertEquals("Exchange 2016", new ExchangeVersion(15, 1, 2507, 6).product());
    assertEquals("Exchange 2019", new ExchangeVersion(15, 2, 2561, 0).product());
    assertEquals("Exchange SE", new ExchangeVersion(15, 2, 2562, 17).product());
    assertEquals("Exchange 2010", new ExchangeVersion(14, 3, 123, 4).product());
  }

  @Test
  void garbageSerialNumberIsNoVersion() {
    assertTrue(ExchangeVersion.fromSerialNumber("EX01").isEmpty());
    assertTrue(ExchangeVersion.fromSerialNumber(null).isEmpty());
  }
}
