package org.adscp.scp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small forests built in code, for the check tests. */
final class Forests {
  static final String CONFIG = "CN=Configuration,DC=contoso,DC=com";
  static final String ORG = "CN=Contoso,CN=Microsoft Exchange,CN=Services," + CONFIG;
  static final String SERVERS =
      "CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups," + ORG;

  private final List<ServiceConnectionPoint> scps = new ArrayList<>();
  private final List<ExchangeServer> servers = new ArrayList<>();
  private final List<AdSite> sites = new ArrayList<>();

  static Forests forest() {
    return new Forests().site("HQ");
  }

  Forests site(String name) {
    sites.add(new AdSite(ExchangePlacementTest.dn("CN=" + name + ",CN=Sites," + CONFIG), name));
    return this;
  }

  Forests noSites() {
    sites.clear();
    return this;
  }

  Forests server(String name, String site, String serialNumber) {
    servers.add(
        new ExchangeServer(
            ExchangePlacementTest.dn("CN=" + name + "," + SERVERS),
            name,
            ExchangePlacementTest.dn("CN=" + site + ",CN=Sites," + CONFIG),
            ExchangeVersion.fromSerialNumber(serialNumber).orElseThrow(),
            16439,
            List.of("ncacn_ip_tcp:" + name + ".contoso.com", "netbios:" + name)));
    return this;
  }

  /** A server and its URL SCP with these keywords (the GUID added) and values. */
  Forests urlScp(String server, List<String> sites, String... urls) {
    List<String> keywords = new ArrayList<>(List.of(ScpKeywords.URL_GUID));
    sites.forEach(s -> keywords.add("Site=" + s));
    DistinguishedName dn =
        ExchangePlacementTest.dn("CN=" + server + ",CN=Autodiscover,CN=Protocols,CN=" + server + "," + SERVERS);
    scps.add(ServiceConnectionPoint.from(dn, server, keywords, List.of(urls), Instant.EPOCH, Instant.EPOCH).orElseThrow());
    return this;
  }

  Forests pointer(String name, List<String> keywords, String... values) {
    List<String> all = new ArrayList<>(List.of(ScpKeywords.POINTER_GUID));
    all.addAll(keywords);
    DistinguishedName dn =
        ExchangePlacementTest.dn("CN=" + name + ",CN=Microsoft Exchange Autodiscover,CN=Services," + CONFIG);
    scps.add(ServiceConnectionPoint.from(dn, name, all, List.of(values), null, null).orElseThrow());
    return this;
  }

  ForestConfiguration build() {
    return new ForestConfiguration(CONFIG, scps, servers, sites, List.of());
  }

  static String scpDn(String server) {
    return "CN=" + server + ",CN=Autodiscover,CN=Protocols,CN=" + server + "," + SERVERS;
  }
}
