package org.adscp.tls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link CertificateCollector} gets the chains of a run: {@code --offline}, {@code --resolve
 * HOST=ADDR}, {@code --cert}, and how many hosts are fetched at once. Immutable; each {@code with}
 * returns a copy.
 */
public final class CollectorOptions {

  /**
   * Hosts fetched at once at most (the pool is min(this, number of hosts)). A fetch spends its
   * time waiting on the network, so threads are cheap; a run rarely has more distinct hosts than
   * this, and then all of them go in one wave, so that even a run of dead hosts costs one
   * timeout, not two.
   */
  public static final int DEFAULT_MAX_CONCURRENCY = 64;

  private final boolean offline;
  private final Map<String, String> resolve;
  private final CertificateOverrides certificates;
  private final int maxConcurrency;

  private CollectorOptions(boolean offline, Map<String, String> resolve,
      CertificateOverrides certificates, int maxConcurrency) {
    this.offline = offline;
    this.resolve = Map.copyOf(resolve);
    this.certificates = Objects.requireNonNull(certificates, "certificates");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
    }
    this.maxConcurrency = maxConcurrency;
  }

  /** Online, no {@code --resolve}, no {@code --cert}, {@value #DEFAULT_MAX_CONCURRENCY} at once. */
  public static CollectorOptions defaults() {
    return new CollectorOptions(false, Map.of(), CertificateOverrides.none(),
        DEFAULT_MAX_CONCURRENCY);
  }

  public CollectorOptions withOffline(boolean offline) {
    return new CollectorOptions(offline, resolve, certificates, maxConcurrency);
  }

  /** {@code --resolve HOST=ADDR}: connect to {@code address} for {@code host}. */
  public CollectorOptions withResolve(String host, String address) {
    Map<String, String> m = new LinkedHashMap<>(resolve);
    m.put(Endpoint.canonicalHost(host), Objects.requireNonNull(address, "address").trim());
    return new CollectorOptions(offline, m, certificates, maxConcurrency);
  }

  /**
   * Parses one {@code --resolve} value, {@code HOST=ADDR} (an IPv6 address may be bracketed).
   *
   * @throws IllegalArgumentException when it is not of that form; the message says so
   */
  public CollectorOptions withResolve(String optionValue) {
    int eq = optionValue == null ? -1 : optionValue.indexOf('=');
    if (eq <= 0 || eq == optionValue.length() - 1) {
      throw new IllegalArgumentException(TlsMessages.badResolve(optionValue));
    }
    String address = optionValue.substring(eq + 1).trim();
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    return withResolve(optionValue.substring(0, eq).trim(), address);
  }

  public CollectorOptions withCertificates(CertificateOverrides certificates) {
    return new CollectorOptions(offline, resolve, certificates, maxConcurrency);
  }

  public CollectorOptions withMaxConcurrency(int maxConcurrency) {
    return new CollectorOptions(offline, resolve, certificates, maxConcurrency);
  }

  public boolean offline() {
    return offline;
  }

  public Map<String, String> resolve() {
    return resolve;
  }

  /** The {@code --resolve} address for {@code host}, if one was given. */
  public Optional<String> resolveFor(String host) {
    return Optional.ofNullable(resolve.get(Endpoint.canonicalHost(host)));
  }

  public CertificateOverrides certificates() {
    return certificates;
  }

  public int maxConcurrency() {
    return maxConcurrency;
  }
}
