package org.adscp.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of matching one host against one certificate under RFC 9525.
 *
 * @param host the host as asked
 * @param kind how it matched, if at all
 * @param matchedName the certificate name that matched (a DNS SAN, an IP SAN or the CN), or null
 * @param dnsNames the certificate's dNSName SANs
 * @param ipAddresses the certificate's iPAddress SANs
 * @param commonName the certificate's subject CN, or null
 * @param commonNameIgnored true when the CN alone would have matched but was not used because the
 *     certificate has DNS SANs (RFC 9525 §6.3); worth saying in a mismatch message
 * @param servingNames host names the certificate does cover and an SCP could use instead, best
 *     first (names beginning with "autodiscover." first; a wildcard {@code *.x} offered as
 *     {@code autodiscover.x}); empty when it covers none
 */
public record HostnameMatch(
    String host,
    Kind kind,
    String matchedName,
    List<String> dnsNames,
    List<String> ipAddresses,
    String commonName,
    boolean commonNameIgnored,
    List<String> servingNames) {

  /** How a host matched. */
  public enum Kind {
    /** Through a DNS or IP subject alternative name: what every client accepts. */
    SAN,
    /** Through the subject CN, because the certificate has no DNS SAN: {@code CERT_CN_ONLY}. */
    CN,
    /** Not covered: {@code CERT_NAME_MISMATCH}. */
    NONE
  }

  public HostnameMatch {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
    servingNames = List.copyOf(servingNames);
  }

  /** True when the host is covered, by SAN or by CN. */
  public boolean matched() {
    return kind != Kind.NONE;
  }

  /** Every name the certificate carries, for messages: DNS SANs, IP SANs, else the CN. */
  public List<String> allNames() {
    if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
      return commonName == null ? List.of() : List.of(commonName);
    }
    ArrayList<String> all = new ArrayList<>(dnsNames);
    all.addAll(ipAddresses);
    return all;
  }
}
