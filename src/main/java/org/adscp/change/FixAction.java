package org.adscp.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adscp.Messages;
import org.adscp.scp.ExchangePlacement;
import org.adscp.scp.ScpKeywords;
import org.adscp.scp.ServiceConnectionPoint;

/**
 * What {@code fix} writes, the way the Exchange cmdlet would write it:
 * {@code Set-ClientAccessService -AutoDiscoverServiceInternalUri <uri>} (one value), the same
 * with {@code $null} (no value), or {@code -AutoDiscoverSiteScope a,b} (keywords: the URL GUID
 * in Exchange's own case, then one {@code Site=} per site).
 */
public sealed interface FixAction permits FixAction.SetUri, FixAction.Clear, FixAction.SiteScope {

  /** The change for one SCP, or empty when it already holds exactly what this action writes. */
  Optional<AttributeChange> changeFor(ServiceConnectionPoint scp);

  record SetUri(String uri) implements FixAction {
    @Override
    public Optional<AttributeChange> changeFor(ServiceConnectionPoint scp) {
      return change(scp, AttributeChange.URL_ATTRIBUTE, scp.bindings(), List.of(uri),
          Messages.reasonSetUri(scp.bindings(), uri));
    }
  }

  record Clear() implements FixAction {
    @Override
    public Optional<AttributeChange> changeFor(ServiceConnectionPoint scp) {
      return change(scp, AttributeChange.URL_ATTRIBUTE, scp.bindings(), List.of(), Messages.reasonClear());
    }
  }

  record SiteScope(List<String> sites) implements FixAction {
    public SiteScope {
      sites = List.copyOf(sites);
    }

    @Override
    public Optional<AttributeChange> changeFor(ServiceConnectionPoint scp) {
      List<String> keywords = new ArrayList<>();
      keywords.add(ScpKeywords.URL_GUID);
      sites.forEach(s -> keywords.add("Site=" + s));
      return change(scp, AttributeChange.KEYWORDS_ATTRIBUTE, scp.keywords().values(), keywords,
          Messages.reasonSiteScope(scp.keywords().sites(), sites));
    }
  }

  private static Optional<AttributeChange> change(
      ServiceConnectionPoint scp, String attribute, List<String> now, List<String> wanted, String reason) {
    if (AttributeChange.sameValues(now, wanted)) {
      return Optional.empty();
    }
    String server = scp.placement().map(ExchangePlacement::server).orElse(scp.name());
    return Optional.of(new AttributeChange(scp.dn().text(), server, attribute, now, wanted, reason));
  }
}
