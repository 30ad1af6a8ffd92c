package org.adscp.scp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the configuration partition holds that matters for Autodiscover: the SCPs, the Exchange
 * servers, the AD sites and subnets. Read once, in a handful of searches, then judged in memory.
 */
public final class ForestConfiguration {
  private final String configurationNamingContext;
  private final List<ServiceConnectionPoint> scps;
  private final List<ExchangeServer> servers;
  private final List<AdSite> sites;
  private final List<AdSubnet> subnets;
  private final Map<DistinguishedName, ExchangeServer> serversByDn;

  public ForestConfiguration(
      String configurationNamingContext,
      List<ServiceConnectionPoint> scps,
      List<ExchangeServer> servers,
      List<AdSite> sites,
      List<AdSubnet> subnets) {
    this.configurationNamingContext = configurationNamingContext;
    this.scps = List.copyOf(scps);
    this.servers = List.copyOf(servers);
    this.sites = List.copyOf(sites);
    this.subnets = List.copyOf(subnets);
    this.serversByDn =
        servers.stream()
            .collect(Collectors.toMap(ExchangeServer::dn, Function.identity(), (a, b) -> a));
  }

  public String configurationNamingContext() {
    return configurationNamingContext;
  }

  /** The Autodiscover SCPs, in the order the directory returned them (clients see that order). */
  public List<ServiceConnectionPoint> scps() {
    return scps;
  }

  public List<ExchangeServer> servers() {
    return servers;
  }

  public List<AdSite> sites() {
    return sites;
  }

  public List<AdSubnet> subnets() {
    return subnets;
  }

  /** The server object an SCP belongs to, when it exists. */
  public Optional<ExchangeServer> serverOf(ServiceConnectionPoint scp) {
    return scp.placement().map(p -> serversByDn.get(p.serverDn()));
  }
}
