package org.adscp.scp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An Autodiscover SCP as read from the directory: a URL SCP or a pointer SCP. Values are kept
 * exactly as stored (white space included): the checks judge them trimmed, a write must
 * reproduce them byte for byte.
 *
 * @param name the SCP's {@code cn}
 * @param bindings the values of {@code serviceBindingInformation}, in the directory's order
 * @param placement where a URL SCP sits in the organisation; empty for pointers and for SCPs
 *     outside the usual layout
 * @param whenCreated null when the source does not carry it
 */
public record ServiceConnectionPoint(
    DistinguishedName dn,
    String name,
    ScpKind kind,
    ScpKeywords keywords,
    List<String> bindings,
    Optional<ExchangePlacement> placement,
    Instant whenCreated,
    Instant whenChanged) {

  public ServiceConnectionPoint {
    bindings = List.copyOf(bindings);
  }

  /**
   * Builds an SCP from what the directory returned, or empty when its keywords mark no
   * Autodiscover SCP (a TrustedHoster or device-registration SCP, say): those are never ours.
   */
  public static Optional<ServiceConnectionPoint> from(
      DistinguishedName dn,
      String name,
      List<String> keywords,
      List<String> bindings,
      Instant whenCreated,
      Instant whenChanged) {
    ScpKeywords kw = new ScpKeywords(keywords);
    return kw.kind()
        .map(
            kind ->
                new ServiceConnectionPoint(
                    dn,
                    name,
                    kind,
                    kw,
                    bindings,
                    kind == ScpKind.URL ? ExchangePlacement.of(dn) : Optional.empty(),
                    whenCreated,
                    whenChanged));
  }
}
