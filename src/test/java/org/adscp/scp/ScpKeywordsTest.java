package org.adscp.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScpKeywordsTest {
  @Test
  void urlGuidMarksUrlScpInAnyCase() {
    assertEquals(Optional.of(ScpKind.URL), new ScpKeywords(List.of("77378f46-2c66-4AA9-a6a6-3e7a48b19596")).kind());
  }

  @Test
  void pointerGuidMarksPointerScpInAnyCase() {
    assertEquals(
        Optional.of(ScpKind.POINTER), new ScpKeywords(List.of("67661D7F-8FC4-4FA7-BFAC-E1D7794C1F68")).kind());
  }

  @Test
  void guidInsideLongerValueMarksNothing() {
    ScpKeywords kw = new ScpKeywords(List.of("Site=77378F46-2C66-4aa9-A6A6-3E7A48B19596", "x" + ScpKeywords.URL_GUID));
    assertTrue(kw.kind().isEmpty());
  }

  @Test
  void trustedHosterScpIsNotAutodiscover() {
    assertTrue(new ScpKeywords(List.of("D3614C7C-D214-4F1F-BD4C-00D91C67F93F", "*.outlook.com")).kind().isEmpty());
  }

  @Test
  void urlGuidWinsWhenBothArePresent() {
    assertEquals(
        Optional.of(ScpKind.URL), new ScpKeywords(List.of(ScpKeywords.POINTER_GUID, ScpKeywords.URL_GUID)).kind());
  }

  @Test
  void sitePrefixIsCaseInsensitiveAndValueKeptAsWritten() {
    ScpKeywords kw =
        new ScpKeywords(List.of(ScpKeywords.URL_GUID, "site=London", "SITE=New York", "Sites=Paris", "Site="));
    assertEquals(List.of("London", "New York", ""), kw.sites());
  }

  @Test
  void domainValuesInOrder() {
    ScpKeywords kw = new ScpKeywords(List.of(ScpKeywords.POINTER_GUID, "Domain=contoso.com", "domain=Fabrikam.com"));
    assertEquals(List.of("contoso.com", "Fabrikam.com"), kw.domains());
    assertEquals(List.of(), kw.sites());
  }
}
