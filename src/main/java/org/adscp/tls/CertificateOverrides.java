package org.adscp.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The certificates given with {@code --cert}, used instead of the network: {@code --cert
 * HOST=FILE} binds a file to one host (any port), a bare {@code --cert FILE} applies to every host
 * that has no bound file. Files are read when added, so a bad one is a usage error before anything
 * is fetched. Immutable.
 */
public final class CertificateOverrides {

  /** A file and the chain read from it. */
  public record Source(Path file, List<X509Certificate> chain) {
    public Source {
      Objects.requireNonNull(file, "file");
      chain = List.copyOf(chain);
    }
  }

  /** A host before {@code =}: DNS characters or an IP literal (IPv6 may be in brackets). */
  private static final Pattern HOST_PREFIX =
      Pattern.compile("(?:\\[[0-9A-Fa-f:.%]+\\]|[\\p{L}\\p{N}_.:-]+)");

  private static final CertificateOverrides NONE = new CertificateOverrides(Map.of(), null);

  private final Map<String, Source> byHost;
  private final Source fallback;

  private CertificateOverrides(Map<String, Source> byHost, Source fallback) {
    this.byHost = Map.copyOf(byHost);
    this.fallback = fallback;
  }

  /** No {@code --cert} given. */
  public static CertificateOverrides none() {
    return NONE;
  }

  /**
   * Reads every {@code --cert} value, in order.
   *
   * @throws CertificateFileException a file cannot be read or holds no certificate, a host is
   *     bound twice, or more than one bare file is given
   */
  public static CertificateOverrides fromOptions(List<String> values)
      throws CertificateFileException {
    CertificateOverrides o = none();
    for (String v : values) {
      o = o.with(v);
    }
    return o;
  }

  /** This plus one {@code --cert} value ({@code FILE} or {@code HOST=FILE}). */
  public CertificateOverrides with(String optionValue) throws CertificateFileException {
    Objects.requireNonNull(optionValue, "optionValue");
    int eq = optionValue.indexOf('=');
    if (eq > 0 && eq < optionValue.length() - 1
        && HOST_PREFIX.matcher(optionValue.substring(0, eq)).matches()
        && !Files.exists(Path.of(optionValue))) {
      String host = optionValue.substring(0, eq);
      Path file = Path.of(optionValue.substring(eq + 1));
      return bind(host, file, ChainFetcher.readChainFile(file));
    }
    Path file = Path.of(optionValue);
    return withFallback(file, ChainFetcher.readChainFile(file));
  }

  /** This plus a chain bound to {@code host}. */
  public CertificateOverrides bind(String host, Path file, List<X509Certificate> chain)
      throws CertificateFileException {
    String key = Endpoint.canonicalHost(host);
    if (byHost.containsKey(key)) {
      throw new CertificateFileException(TlsMessages.certBoundTwice(key));
    }
    Map<String, Source> m = new LinkedHashMap<>(byHost);
    m.put(key, new Source(file, chain));
    return new CertificateOverrides(m, fallback);
  }

  /** This plus the chain for every host without a bound one. */
  public CertificateOverrides withFallback(Path file, List<X509Certificate> chain)
      throws CertificateFileException {
    if (fallback != null) {
      throw new CertificateFileException(TlsMessages.certFallbackTwice(fallback.file(), file));
    }
    return new CertificateOverrides(byHost, new Source(file, chain));
  }

  /** The chain to use for {@code host} instead of fetching, if any. */
  public Optional<Source> forHost(String host) {
    Source bound = byHost.get(Endpoint.canonicalHost(host));
    return Optional.ofNullable(bound != null ? bound : fallback);
  }

  /** True when no {@code --cert} was given. */
  public boolean isEmpty() {
    return byHost.isEmpty() && fallback == null;
  }
}
