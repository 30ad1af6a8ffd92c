package org.adscp.directory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Puts a read timeout on every socket before its TLS handshake. UnboundID bounds only the TCP
 * connect; a server that accepts and never finishes the handshake would otherwise hang an LDAPS
 * connect (or a StartTLS) forever once a hostname verifier forces the handshake. The SDK sets
 * its own timeouts on the socket afterwards.
 */
final class HandshakeTimeoutSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final int timeoutMillis;

  HandshakeTimeoutSocketFactory(SSLSocketFactory delegate, int timeoutMillis) {
    this.delegate = delegate;
    this.timeoutMillis = timeoutMillis;
  }

  private Socket bounded(Socket socket) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    return socket;
  }

  @Override
  public Socket createSocket() throws IOException {
    return bounded(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
    return bounded(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return bounded(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return bounded(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return bounded(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return bounded(delegate.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }
}
