package org.adscp.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server chain, so that a broken one can still be read and then judged.
 *
 * <p>It is an {@link X509ExtendedTrustManager} on purpose: SunJSSE wraps a plain
 * {@code X509TrustManager} in a checker that applies {@code jdk.certpath.disabledAlgorithms}
 * (and, if asked, hostname checks) after it, which would make an MD5-signed or otherwise weak
 * chain unreadable instead of reportable.
 */
final class AcceptAllTrustManager extends X509ExtendedTrustManager {

  static final AcceptAllTrustManager INSTANCE = new AcceptAllTrustManager();

  private AcceptAllTrustManager() {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // we are never the server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    // accept: judging happens after the handshake
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // we are never the server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // accept: judging happens after the handshake
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // we are never the server
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // accept: judging happens after the handshake
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
