package org.adscp.scp;

import java.util.Optional;

/**
 * Where a URL SCP sits in the Exchange organisation, read from its DN alone:
 *
 * <pre>
 * CN=&lt;scp&gt;,CN=Autodiscover,CN=Protocols,CN=&lt;server&gt;,CN=Servers,CN=&lt;admin group&gt;,
 *   CN=Administrative Groups,CN=&lt;organisation&gt;,CN=Microsoft Exchange,CN=Services,CN=Configuration,…
 * </pre>
 *
 * Exchange walks up three parents from the SCP to its server the same way
 * (ADServiceConnectionPointCache), so the server is known even when its object is gone.
 */
public record ExchangePlacement(
    String server, DistinguishedName serverDn, String administrativeGroup, String organization) {

  private static final int SERVER = 3;

  public static Optional<ExchangePlacement> of(DistinguishedName scpDn) {
    boolean shaped =
        scpDn.rdnIs(1, "CN", "Autodiscover")
            && scpDn.rdnIs(2, "CN", "Protocols")
            && scpDn.rdnIs(4, "CN", "Servers")
            && scpDn.rdnIs(6, "CN", "Administrative Groups")
            && scpDn.rdnIs(8, "CN", "Microsoft Exchange")
            && scpDn.rdnIs(9, "CN", "Services");
    if (!shaped) {
      return Optional.empty();
    }
    return Optional.of(
        new ExchangePlacement(
            scpDn.rdnAt(SERVER).value(),
            scpDn.ancestor(SERVER),
            scpDn.rdnAt(5).value(),
            scpDn.rdnAt(7).value()));
  }
}
