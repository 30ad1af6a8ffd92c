package org.adscp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server on loopback that accepts every connection and never writes a byte: a DC that
 * hangs, or, when nothing may be sent at all, a tripwire. Records how many connections it
 * accepted and how many bytes it received.
 */
public final class SilentServer implements AutoCloseable {
  private final ServerSocket listener;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private SilentServer() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptForever, "silent-server-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static SilentServer start() throws IOException {
    return new SilentServer();
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void acceptForever() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        accepted.incrementAndGet();
        sockets.add(socket);
        Thread reader = new Thread(() -> drain(socket), "silent-server-reader");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void drain(Socket socket) {
    byte[] buffer = new byte[4096];
    try (InputStream in = socket.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received.addAndGet(n);
      }
    } catch (IOException e) {
      // closed by the client or by close()
    }
  }

  /**
   * Connections accepted so far. A connection the client opened just before asking may still be
   * in the listen queue: wait {@code settleMillis} for the acceptor to take it.
   */
  public int acceptedConnections(long settleMillis) throws InterruptedException {
    Thread.sleep(settleMillis);
    return accepted.get();
  }

  public int acceptedConnections() {
    return accepted.get();
  }

  public long bytesReceived() {
    return received.get();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
