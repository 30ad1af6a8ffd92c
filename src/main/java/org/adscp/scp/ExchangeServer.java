package org.adscp.scp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An Exchange server object ({@code msExchExchangeServer}) as far as the SCP checks need it.
 *
 * @param site the DN of its AD site ({@code msExchServerSite}), or null
 * @param version its build, or null when the object carries none
 * @param roles {@code msExchCurrentServerRoles}, or null
 * @param networkAddresses {@code networkAddress} values ({@code ncacn_ip_tcp:EX01.contoso.com}, …)
 */
public record ExchangeServer(
    DistinguishedName dn,
    String name,
    DistinguishedName site,
    ExchangeVersion version,
    Integer roles,
    List<String> networkAddresses) {

  private static final String TCP_PREFIX = "ncacn_ip_tcp:";

  public ExchangeServer {
    networkAddresses = List.copyOf(networkAddresses);
  }

  /** The FQDN from the {@code ncacn_ip_tcp:} network address, which is how Exchange finds it. */
  public Optional<String> fqdn() {
    return networkAddresses.stream()
        .filter(a -> a.toLowerCase(Locale.ROOT).startsWith(TCP_PREFIX))
        .map(a -> a.substring(TCP_PREFIX.length()))
        .findFirst();
  }
}
