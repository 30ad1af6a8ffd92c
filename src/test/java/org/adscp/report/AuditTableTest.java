package org.adscp.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.adscp.scp.DistinguishedName;
import org.adscp.scp.Finding;
import org.adscp.scp.FindingCode;
import org.adscp.scp.ForestConfiguration;
import org.adscp.scp.Rdn;
import org.adscp.scp.ScpKeywords;
import org.adscp.scp.ServiceConnectionPoint;
import org.junit.jupiter.api.Test;

class AuditTableTest {
  private static final SourceDescription SOURCE = new SourceDescription("ldif", "f.ldif", "CN=Configuration,DC=x");

  private static ServiceConnectionPoint scp(String name) {
    DistinguishedName dn = new DistinguishedName("CN=" + name + ",CN=x", List.of(new Rdn("CN", name), new Rdn("CN", "x")));
    return ServiceConnectionPoint.from(dn, name, List.of(ScpKeywords.URL_GUID),
        List.of("https://" + name.toLowerCase() + ".contoso.com/Autodiscover/Autodiscover.xml"), Instant.EPOCH, null)
        .orElseThrow();
  }

  private static Finding finding(FindingCode code, String name) {
    return Finding.of(code, "CN=" + name + ",CN=x", null, code.name() + " message", "hint");
  }

  private static String render(Style style) {
    List<ServiceConnectionPoint> scps = List.of(scp("AAA"), scp("BBB"), scp("CCC"));
    ForestConfiguration forest = new ForestConfiguration("CN=Configuration,DC=x", scps, List.of(), List.of(), List.of());
    List<Finding> findings = new ArrayList<>(List.of(
        finding(FindingCode.SITE_NONE, "BBB"),
        finding(FindingCode.URL_WHITESPACE, "CCC"),
        finding(FindingCode.CERT_NAME_MISMATCH, "CCC")));
    return AuditTable.render(SOURCE, forest, findings, style);
  }

  @Test
  void worstScpFirstErrorsFirstWithinAndCleanOnesLast() {
    String table = render(Style.plain());
    int ccc = table.indexOf("CCC  url");
    int bbb = table.indexOf("BBB  url");
    int aaa = table.indexOf("AAA  url");
    assertTrue(ccc < bbb && bbb < aaa, table);
    assertTrue(table.indexOf("CERT_NAME_MISMATCH") < table.indexOf("URL_WHITESPACE"), table);
    assertTrue(table.substring(aaa).startsWith("AAA  url  https://aaa.contoso.com/Autodiscover/Autodiscover.xml\n  ok\n"), table);
    assertTrue(table.endsWith("3 SCPs, 1 without findings; 1 error, 1 warning, 1 info\n"), table);
  }

  @Test
  void colourOnlyWhenAskedFor() {
    assertFalse(render(Style.plain()).contains("\u001b["));
    String colored = render(Style.colored());
    assertTrue(colored.contains("\u001b[31;1merror   \u001b[0m"), colored);
  }
}
