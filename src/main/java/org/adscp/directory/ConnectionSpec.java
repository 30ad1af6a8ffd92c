package org.adscp.directory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.adscp.tls.TrustAnchors;

/**
 * What to connect to and how, as the user asked for it; {@link DirectoryConnector} turns it into
 * a session.
 *
 * @param startTls upgrade plain {@code ldap://} connections with StartTLS
 * @param configurationNamingContext overrides the RootDSE's, or null
 */
public record ConnectionSpec(
    Source source,
    boolean startTls,
    Credentials credentials,
    Supplier<TrustAnchors> trust,
    Duration timeout,
    boolean allowCleartext,
    String configurationNamingContext) {

  /** Where the directory is. */
  public sealed interface Source permits LdifFiles, Url, Domain {}

  /** Embedded mode: LDIF exports served over loopback LDAP. */
  public record LdifFiles(List<Path> files) implements Source {}

  /** One DC by URL ({@code ldap://host[:port]} or {@code ldaps://…}). */
  public record Url(String url) implements Source {}

  /**
   * The DCs of a DNS domain, found through {@code _ldap._tcp.dc._msdcs.<domain>}, tried in SRV
   * order until one answers.
   *
   * @param dnsServer ask this DNS server ({@code host[:port]}) instead of the system resolver; null
   * @param ldapsPort the port for LDAPS on each DC (SRV records name the LDAP port)
   */
  public record Domain(String domain, String dnsServer, int ldapsPort)
      implements Source {}

  /** Who to bind as. */
  public sealed interface Credentials permits Anonymous, Simple, Kerberos {}

  /** No bind. AD answers only the RootDSE then, but an export or a lab directory may serve more. */
  public record Anonymous() implements Credentials {}

  /** A simple bind; the password is asked for only once the connection may carry it. */
  public record Simple(String bindDn, Supplier<char[]> password) implements Credentials {}

  /**
   * GSSAPI from the user's ticket cache.
   *
   * @param ticketCache the cache path ({@code KRB5CCNAME} without {@code FILE:}), or null for the default
   * @param krb5Config the Kerberos configuration file ({@code KRB5_CONFIG}), or null for the default
   */
  public record Kerberos(String ticketCache, String krb5Config) implements Credentials {}
}
