package org.adscp.tls;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One host:port whose certificate is fetched once per run, however many SCPs point at it.
 *
 * <p>The host is canonical, so that URLs differing only in spelling share one fetch: ASCII lower
 * case, one trailing dot removed, IDN labels as A-labels, IPv6 literals without brackets in the
 * JDK's full form. Build it with {@link #of(String, int)}.
 *
 * @param host the canonical host (a DNS name or an IP literal)
 * @param port the TCP port, 1 to 65535
 */
public record Endpoint(String host, int port) {

  public Endpoint {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** The endpoint for a URL's host (as {@link java.net.URI#getHost()} gives it) and port. */
  public static Endpoint of(String host, int port) {
    return new Endpoint(canonicalHost(host), port);
  }

  /** The canonical form of a host, as {@link Endpoint} keeps it. */
  public static String canonicalHost(String host) {
    Objects.requireNonNull(host, "host");
    Optional<InetAddress> ip = HostNames.ipLiteral(host.trim());
    if (ip.isPresent()) {
      return HostNames.addressText(ip.get());
    }
    String trimmed = host.trim();
    return HostNames.dnsReference(trimmed)
        .orElse(HostNames.asciiLower(HostNames.stripOneTrailingDot(trimmed)));
  }

  /** True when the host is an IP literal (no SNI is sent, only iPAddress SANs match). */
  public boolean isIpLiteral() {
    return HostNames.ipLiteral(host).isPresent();
  }

  /** "host:port", with an IPv6 host in brackets. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
