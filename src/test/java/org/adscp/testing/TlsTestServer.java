package org.adscp.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Real TLS servers on 127.0.0.1, port 0, for tests and benchmarks: an {@link SSLServerSocket}
 * serving a chosen chain (key material in an in-memory PKCS12 {@link KeyStore}), optionally
 * choosing the chain by SNI, optionally waiting before it answers the handshake, optionally
 * restricted to given protocols; and a {@linkplain #silent() silent} server that accepts TCP and
 * never speaks.
 *
 * <p>TLS 1.0/1.1: JDK 17 disables them in {@code jdk.tls.disabledAlgorithms}, a JVM-global
 * security property read once. So that the test JVM keeps its defaults (the code under test must
 * work with them), a server restricted to TLSv1/TLSv1.1 runs in a child JVM started with
 * {@code -Djava.security.properties} naming a file that re-enables just those two; it serves the
 * default chain only, and does not count connections or SNI.
 *
 * <p>AutoCloseable: {@link #close()} closes the listening socket and every open connection, stops
 * the threads (all daemon) and, for a child JVM, ends the process and deletes its files.
 */
public final class TlsTestServer implements AutoCloseable {

  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final String DEFAULT_ALIAS = "default";
  private static final String SNI_PREFIX = "sni-";
  private static final String CHILD_READY = "LISTENING ";

  private final ServerSocket server;
  private final Thread acceptor;
  private final ExecutorService handlers;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<String> serverNames;
  private final Process child;
  private final List<Path> childFiles;
  private final int port;
  private volatile boolean closed;

  // ---- construction ---------------------------------------------------------------------------

  /** A server presenting {@code chain} (leaf first) with {@code key}. */
  public static TlsTestServer serving(PrivateKey key, List<X509Certificate> chain)
      throws IOException {
    return builder().chain(key, chain).start();
  }

  /** A server presenting the chain of {@code cert}. */
  public static TlsTestServer serving(TestPki.Cert cert) throws IOException {
    return serving(cert.privateKey(), cert.chain());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Accepts TCP connections and never sends a byte. */
  public static TlsTestServer silent() throws IOException {
    return new TlsTestServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
        newNameList(), Duration.ZERO);
  }

  /** A loopback port on which nothing listens (bound, then closed). */
  public static int refusedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Configures a TLS server. */
  public static final class Builder {
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private Duration delay = Duration.ZERO;
    private String[] protocols;
    private boolean needClientAuth;

    private Builder() {}

    /** The default chain (leaf first). */
    public Builder chain(PrivateKey key, List<X509Certificate> chain) {
      entries.put(DEFAULT_ALIAS, new Entry(key, chain));
      return this;
    }

    public Builder chain(TestPki.Cert cert) {
      return chain(cert.privateKey(), cert.chain());
    }

    /** The chain to present when the client's SNI is {@code host}. */
    public Builder chainForSni(String host, PrivateKey key, List<X509Certificate> chain) {
      entries.put(SNI_PREFIX + host.toLowerCase(Locale.ROOT), new Entry(key, chain));
      return this;
    }

    public Builder chainForSni(String host, TestPki.Cert cert) {
      return chainForSni(host, cert.privateKey(), cert.chain());
    }

    /** Wait this long after accepting before answering the client's hello. */
    public Builder handshakeDelay(Duration delay) {
      this.delay = delay;
      return this;
    }

    /** Demand a client certificate (the handshake then fails for a client without one). */
    public Builder needClientAuth() {
      this.needClientAuth = true;
      return this;
    }

    /** Enable only these protocols ("TLSv1.2", "TLSv1.1", …). */
    public Builder protocols(String... protocols) {
      this.protocols = protocols.clone();
      return this;
    }

    public TlsTestServer start() throws IOException {
      if (!entries.containsKey(DEFAULT_ALIAS)) {
        throw new IllegalStateException("no default chain");
      }
      KeyStore ks = keyStore(entries);
      if (protocols != null && Arrays.stream(protocols)
          .anyMatch(p -> p.equals("TLSv1") || p.equals("TLSv1.1"))) {
        return startChild(ks, protocols, delay);
      }
      List<String> names = newNameList();
      ServerSocket ss = serverSocket(ks, protocols, names);
      ((SSLServerSocket) ss).setNeedClientAuth(needClientAuth);
      return new TlsTestServer(ss, names, delay);
    }
  }

  private static List<String> newNameList() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  private record Entry(PrivateKey key, List<X509Certificate> chain) {}

  private TlsTestServer(ServerSocket server, List<String> serverNames, Duration delay) {
    this.server = server;
    this.serverNames = serverNames;
    this.child = null;
    this.childFiles = List.of();
    this.port = server.getLocalPort();
    this.handlers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "tls-test-server-" + port);
      t.setDaemon(true);
      return t;
    });
    boolean tls = server instanceof SSLServerSocket;
    long delayMs = delay.toMillis();
    this.acceptor = new Thread(() -> acceptLoop(tls, delayMs), "tls-test-accept-" + port);
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  private TlsTestServer(Process child, int port, List<Path> files) {
    this.server = null;
    this.acceptor = null;
    this.handlers = null;
    this.serverNames = newNameList();
    this.child = child;
    this.childFiles = files;
    this.port = port;
  }

  // ---- serving --------------------------------------------------------------------------------

  private void acceptLoop(boolean tls, long delayMs) {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      accepted.incrementAndGet();
      open.add(s);
      try {
        s.setTcpNoDelay(true); // as servers do; Nagle would add ~40 ms per handshake here
      } catch (IOException e) {
        // keep the default
      }
      handlers.execute(() -> handle(s, tls, delayMs));
    }
  }

  private void handle(Socket s, boolean tls, long delayMs) {
    try {
      if (!tls) {
        // silent: hold the connection open, never write; end when the client or close() does
        InputStream in = s.getInputStream();
        while (in.read() >= 0) {
          // discard
        }
        return;
      }
      s.setSoTimeout(30_000);
      if (delayMs > 0) {
        Thread.sleep(delayMs);
      }
      SSLSocket ssl = (SSLSocket) s;
      ssl.startHandshake();
      InputStream in = ssl.getInputStream();
      while (in.read() >= 0) {
        // discard until the client closes
      }
    } catch (IOException e) {
      // the client went away or the handshake failed: both are normal here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(s);
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private static KeyStore keyStore(Map<String, Entry> entries) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (Map.Entry<String, Entry> e : entries.entrySet()) {
        ks.setKeyEntry(e.getKey(), e.getValue().key(), PASSWORD,
            e.getValue().chain().toArray(new Certificate[0]));
      }
      return ks;
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the server key store", e);
    }
  }

  private static ServerSocket serverSocket(KeyStore ks, String[] protocols,
      List<String> serverNames) throws IOException {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(new KeyManager[] {new SniKeyManager(ks, serverNames)}, null, new SecureRandom());
      SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
          .createServerSocket(0, 100, InetAddress.getLoopbackAddress());
      if (protocols != null) {
        ss.setEnabledProtocols(protocols);
      }
      return ss;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot start the TLS test server", e);
    }
  }

  /**
   * Chooses the chain by the SNI of the handshake: the alias {@code sni-HOST} when there is one,
   * else {@code default}. Records every SNI host name asked for.
   */
  private static final class SniKeyManager extends X509ExtendedKeyManager {
    private final Map<String, PrivateKey> keys = new LinkedHashMap<>();
    private final Map<String, X509Certificate[]> chains = new LinkedHashMap<>();
    private final List<String> serverNames;

    SniKeyManager(KeyStore ks, List<String> serverNames) throws Exception {
      this.serverNames = serverNames;
      for (String alias : Collections.list(ks.aliases())) {
        keys.put(alias, (PrivateKey) ks.getKey(alias, PASSWORD));
        Certificate[] c = ks.getCertificateChain(alias);
        chains.put(alias, Arrays.copyOf(c, c.length, X509Certificate[].class));
      }
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      String alias = DEFAULT_ALIAS;
      if (socket instanceof SSLSocket) {
        SSLSession hs = ((SSLSocket) socket).getHandshakeSession();
        if (hs instanceof ExtendedSSLSession) {
          for (SNIServerName n : ((ExtendedSSLSession) hs).getRequestedServerNames()) {
            if (n instanceof SNIHostName) {
              String host = ((SNIHostName) n).getAsciiName().toLowerCase(Locale.ROOT);
              synchronized (serverNames) {
                if (!serverNames.contains(host)) {
                  serverNames.add(host);
                }
              }
              if (keys.containsKey(SNI_PREFIX + host)) {
                alias = SNI_PREFIX + host;
              }
            }
          }
        }
      }
      String algorithm = keys.get(alias).getAlgorithm();
      return keyType.equals(algorithm) || keyType.startsWith(algorithm + "_") ? alias : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine e) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      X509Certificate[] c = chains.get(alias);
      return c == null ? null : c.clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return keys.get(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return keys.keySet().toArray(new String[0]);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }

  // ---- the child JVM for TLS 1.0/1.1 ------------------------------------------------------------

  private static TlsTestServer startChild(KeyStore ks, String[] protocols, Duration delay)
      throws IOException {
    Path dir = Files.createTempDirectory("tls-test-server-");
    Path store = dir.resolve("server.p12");
    Path security = dir.resolve("java.security");
    try (OutputStream out = Files.newOutputStream(store)) {
      ks.store(out, PASSWORD);
    } catch (Exception e) {
      throw new IOException("cannot write the child's key store", e);
    }
    Files.writeString(security, "jdk.tls.disabledAlgorithms=" + legacyEnabledDisabledAlgorithms()
        + "\n", StandardCharsets.ISO_8859_1);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(),
        "-Djava.security.properties=" + security, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", ownClassPath(), TlsTestServer.class.getName(),
        store.toString(), String.join(",", protocols), Long.toString(delay.toMillis()));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the child ended
      }
    }, "tls-test-child-out");
    reader.setDaemon(true);
    reader.start();
    try {
      String line = lines.poll(60, TimeUnit.SECONDS);
      if (line == null || !line.startsWith(CHILD_READY)) {
        p.destroyForcibly();
        throw new IOException("the TLS 1.0/1.1 test server did not start: " + line);
      }
      return new TlsTestServer(p, Integer.parseInt(line.substring(CHILD_READY.length()).trim()),
          List.of(store, security, dir));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while starting the child server", e);
    }
  }

  /** This JVM's {@code jdk.tls.disabledAlgorithms} without TLSv1 and TLSv1.1. */
  static String legacyEnabledDisabledAlgorithms() {
    String current = Security.getProperty("jdk.tls.disabledAlgorithms");
    return Arrays.stream(current.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty() && !s.equals("TLSv1") && !s.equals("TLSv1.1"))
        .collect(Collectors.joining(", "));
  }

  private static String ownClassPath() throws IOException {
    try {
      return Path.of(TlsTestServer.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /**
   * The child JVM: {@code TlsTestServer STORE PROTOCOLS DELAY_MS}. Prints {@code LISTENING port},
   * serves until its standard input closes (the parent closed it or died), then exits.
   */
  public static void main(String[] args) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      ks.load(in, PASSWORD);
    }
    String[] protocols = args[1].split(",");
    Duration delay = Duration.ofMillis(Long.parseLong(args[2]));
    List<String> names = newNameList();
    try (TlsTestServer s = new TlsTestServer(serverSocket(ks, protocols, names), names, delay)) {
      System.out.println(CHILD_READY + s.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent
      }
    }
  }

  // ---- what tests look at ---------------------------------------------------------------------

  public int port() {
    return port;
  }

  /** Always "127.0.0.1". */
  public String address() {
    return "127.0.0.1";
  }

  /** TCP connections accepted so far (not counted for a child-JVM server). */
  public int accepted() {
    return accepted.get();
  }

  /** SNI host names clients asked for, in first-seen order (not for a child-JVM server). */
  public List<String> requestedServerNames() {
    synchronized (serverNames) {
      return List.copyOf(serverNames);
    }
  }

  @Override
  public void close() {
    closed = true;
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        // closing anyway
      }
      for (Socket s : open) {
        try {
          s.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
      handlers.shutdownNow();
      try {
        acceptor.join(5_000);
        handlers.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (child != null && childFiles != null) {
      try {
        child.getOutputStream().close();
        if (!child.waitFor(5, TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (IOException e) {
        child.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        child.destroyForcibly();
      }
      for (Path f : childFiles) {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  @Override
  public String toString() {
    return "TlsTestServer[127.0.0.1:" + port + (child != null ? ", child JVM" : "") + "]";
  }
}
