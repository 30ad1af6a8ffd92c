package org.adscp.tls;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What was had for one endpoint: the chain the server presented (leaf first, as sent) or loaded
 * from a {@code --cert} file, or why there is none. Judging the chain is a separate step
 * ({@link CertificateJudge}).
 *
 * @param endpoint the host:port asked for
 * @param status how it went
 * @param chain the certificates, leaf first; empty unless {@link #available()}
 * @param protocol the negotiated protocol ("TLSv1.3", "TLSv1.1", …); null for a file or a failure
 * @param legacyOnly true when the modern handshake (TLS 1.2/1.3) failed and the server answered
 *     only a TLS 1.0/1.1 hello ({@code TLS_LEGACY_ONLY})
 * @param detail the reason of a failure (for {@code HANDSHAKE_FAILED}, the TLS error); the file
 *     for {@code FROM_FILE}; the modern handshake's failure when {@code legacyOnly}; for a
 *     {@code FETCHED} chain whose handshake failed after the server's certificate was read (a
 *     server demanding a client certificate), why; else null
 * @param connectedTo the address connected to ("127.0.0.1:443"), or null
 */
public record FetchResult(
    Endpoint endpoint,
    Status status,
    List<X509Certificate> chain,
    String protocol,
    boolean legacyOnly,
    String detail,
    String connectedTo) {

  /** How the fetch went. */
  public enum Status {
    /** A TLS handshake presented the chain. */
    FETCHED,
    /** The chain came from a {@code --cert} file; nothing was fetched. */
    FROM_FILE,
    /** {@code --offline}: nothing was fetched and no file was given. */
    OFFLINE,
    /** The TCP connection was refused (nothing listens on the port). */
    REFUSED,
    /** No answer within the timeout (name lookup, connect or handshake; see detail). */
    TIMED_OUT,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** No route to the host or network. */
    UNREACHABLE,
    /** Connected, but no TLS handshake could be completed (see detail). */
    HANDSHAKE_FAILED
  }

  public FetchResult {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(status, "status");
    chain = List.copyOf(chain);
  }

  /** True when there is a chain to judge. */
  public boolean available() {
    return (status == Status.FETCHED || status == Status.FROM_FILE) && !chain.isEmpty();
  }

  static FetchResult fetched(Endpoint e, List<X509Certificate> chain, String protocol,
      String connectedTo) {
    return new FetchResult(e, Status.FETCHED, chain, protocol, false, null, connectedTo);
  }

  static FetchResult legacy(Endpoint e, List<X509Certificate> chain, String protocol,
      String modernFailure, String connectedTo) {
    return new FetchResult(e, Status.FETCHED, chain, protocol, true, modernFailure, connectedTo);
  }

  /** The chain read from a {@code --cert} file for this endpoint. */
  public static FetchResult fromFile(Endpoint e, Path file, List<X509Certificate> chain) {
    return new FetchResult(e, Status.FROM_FILE, chain, null, false, file.toString(), null);
  }

  /** Nothing fetched because of {@code --offline}. */
  public static FetchResult offline(Endpoint e) {
    return new FetchResult(e, Status.OFFLINE, List.of(), null, false, null, null);
  }

  static FetchResult failed(Endpoint e, Status status, String detail, String connectedTo) {
    return new FetchResult(e, status, List.of(), null, false, detail, connectedTo);
  }
}
