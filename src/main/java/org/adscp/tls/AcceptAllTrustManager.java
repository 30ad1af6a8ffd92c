package org.adscp.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server chain, so that a broken one can still be read and then judged, and keeps
 * the chain and the protocol it saw: a handshake that fails after the server's certificate (a
 * server that demands a client certificate, say) has still shown us that certificate.
 *
 * <p>It is an {@link X509ExtendedTrustManager} on purpose: SunJSSE wraps a plain
 * {@code X509TrustManager} in a checker that applies {@code jdk.certpath.disabledAlgorithms}
 * (and, if asked, hostname checks) after it, which would make an MD5-signed or otherwise weak
 * chain unreadable instead of reportable.
 */
final class AcceptAllTrustManager extends X509ExtendedTrustManager {

  private volatile X509Certificate[] seen;
  private volatile String protocol;

  /** The server chain seen in the handshake, leaf first; empty when none was. */
  List<X509Certificate> chain() {
    X509Certificate[] c = seen;
    return c == null ? List.of() : List.of(c);
  }

  /** The protocol of the handshake in which the chain was seen, or null. */
  String protocol() {
    return protocol;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // we are never the server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    seen = chain.clone(); // accept: judging happens after the handshake
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // we are never the server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    seen = chain.clone(); // accept: judging happens after the handshake
    if (socket instanceof SSLSocket) {
      SSLSession hs = ((SSLSocket) socket).getHandshakeSession();
      protocol = hs == null ? null : hs.getProtocol();
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // we are never the server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    seen = chain.clone(); // accept: judging happens after the handshake
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
