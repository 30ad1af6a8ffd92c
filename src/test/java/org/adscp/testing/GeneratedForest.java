package org.adscp.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A forest of any size, for paging and scale: N servers in a few sites, one URL SCP each. */
public final class GeneratedForest {
  public static final String ROOT = "DC=contoso,DC=com";
  public static final String CONFIG = "CN=Configuration," + ROOT;
  public static final String SERVERS =
      "CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,"
          + "CN=Contoso,CN=Microsoft Exchange,CN=Services," + CONFIG;

  private GeneratedForest() {}

  public static String serverName(int i) {
    return String.format("EX%05d", i);
  }

  public static String scpDn(int i) {
    return "CN=" + serverName(i) + ",CN=Autodiscover,CN=Protocols,CN=" + serverName(i) + "," + SERVERS;
  }

  /** Writes an ldapsearch-style export with {@code servers} servers, each with its SCP. */
  public static Path write(Path file, int servers, int sites) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("dn: " + CONFIG + "\nobjectClass: top\nobjectClass: configuration\ncn: Configuration\n\n");
      for (int s = 0; s < sites; s++) {
        w.write("dn: CN=Site" + s + ",CN=Sites," + CONFIG + "\nobjectClass: site\ncn: Site" + s + "\n\n");
        w.write("dn: CN=10." + s + ".0.0/16,CN=Subnets,CN=Sites," + CONFIG
            + "\nobjectClass: subnet\ncn: 10." + s + ".0.0/16\nsiteObject: CN=Site" + s + ",CN=Sites," + CONFIG + "\n\n");
      }
      for (int i = 0; i < servers; i++) {
        String server = serverName(i);
        String site = "Site" + (i % sites);
        w.write("dn: CN=" + server + "," + SERVERS + "\nobjectClass: msExchExchangeServer\ncn: " + server
            + "\nmsExchServerSite: CN=" + site + ",CN=Sites," + CONFIG
            + "\nserialNumber: Version 15.2 (Build 31748.10)\nversionNumber: 1942128340\n\n");
        w.write("dn: " + scpDn(i) + "\nobjectClass: serviceConnectionPoint\ncn: " + server
            + "\nkeywords: 77378F46-2C66-4aa9-A6A6-3E7A48B19596\nkeywords: Site=" + site
            + "\nserviceBindingInformation: https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml"
            + "\nwhenCreated: 20250530090000.0Z\n\n");
      }
    }
    return file;
  }
}
