package org.adscp.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Reads the certificate chain a server presents, in a TLS handshake that accepts any
 * certificate; judging comes after ({@link CertificateJudge}).
 *
 * <p>Time: the name lookup plus the TCP connect end within the timeout, and so does the
 * handshake after it: {@code Socket.connect(address, timeout)}, then {@code setSoTimeout} before
 * {@code startHandshake()}, and a watchdog that closes the socket when the handshake's time is
 * up (a read timeout alone would let a server that trickles one byte at a time go on for ever).
 * A name lookup cannot be interrupted, so it runs on its own daemon thread and is abandoned at the
 * deadline. When the modern handshake fails quickly (not by timing out), one more connection asks
 * whether the server speaks only TLS 1.0/1.1 ({@link LegacyTlsProbe}); all told a host costs at
 * most twice the timeout.
 *
 * <p>SNI: the URL's host is sent as SNI (unless it is an IP literal), also when
 * {@code --resolve} sends the connection to another address, because servers choose their
 * certificate by it.
 *
 * <p>Thread-safe; one instance serves a whole run.
 */
public final class ChainFetcher {

  /** The spec's default {@code --timeout}. */
  /** "addr:port" or "[v6]:port"; a bare IPv6 address has colons but no port. */
  private static final Pattern ADDRESS_WITH_PORT = Pattern.compile("^(\\[[^\\]]+\\]|[^:\\[\\]]+):(\\d{1,5})$");

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
  private static final ExecutorService LOOKUPS =
      Executors.newCachedThreadPool(daemonThreads("adscp-dns-"));

  private static final Pattern PEM_CERTIFICATE = Pattern.compile(
      "-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)"
          + "-----END (?:X509 |TRUSTED )?CERTIFICATE-----");

  private final Duration timeout;
  private final long timeoutNanos;

  /** A fetcher whose every connect and handshake ends within {@code timeout}. */
  public ChainFetcher(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    this.timeoutNanos = timeout.toNanos();
  }

  public Duration timeout() {
    return timeout;
  }

  /** The longest one {@link #fetch} can take: twice the timeout (see the class comment). */
  public Duration worstCase() {
    return timeout.multipliedBy(2);
  }

  /** Fetches the chain of {@code endpoint}, connecting to its own host. */
  public FetchResult fetch(Endpoint endpoint) {
    return fetch(endpoint, null);
  }

  /**
   * Fetches the chain of {@code endpoint}.
   *
   * @param connectAddress where to connect instead of the endpoint's host ({@code --resolve}); an
   *     IP literal or a name; null to connect to the endpoint's host. SNI is the endpoint's host
   *     either way.
   */
  public FetchResult fetch(Endpoint endpoint, String connectAddress) {
    long start = System.nanoTime();
    long connectDeadline = start + timeoutNanos;
    long hostDeadline = start + 2 * timeoutNanos;
    String target = connectAddress == null || connectAddress.isBlank()
        ? endpoint.host() : connectAddress.trim();
    int port = endpoint.port();
    Matcher withPort = ADDRESS_WITH_PORT.matcher(target);
    if (withPort.matches()) {
      // --resolve HOST=ADDR:PORT: a server on another port (a test rig, a load balancer's probe port)
      target = withPort.group(1).startsWith("[")
          ? withPort.group(1).substring(1, withPort.group(1).length() - 1) : withPort.group(1);
      port = Integer.parseInt(withPort.group(2));
    }

    List<InetAddress> addresses;
    try {
      addresses = lookup(target, connectDeadline);
    } catch (UnknownHostException e) {
      return FetchResult.failed(endpoint, FetchResult.Status.UNKNOWN_HOST, target, null);
    } catch (TimeoutException e) {
      return FetchResult.failed(endpoint, FetchResult.Status.TIMED_OUT,
          TlsMessages.phaseLookup(target), null);
    }

    Connection first = connect(addresses, port, connectDeadline);
    if (first.socket == null) {
      return FetchResult.failed(endpoint, first.failure, first.detail, first.address);
    }
    long handshakeDeadline = Math.min(System.nanoTime() + timeoutNanos, hostDeadline);
    Throwable modernFailure;
    boolean timedOut;
    AtomicBoolean fired = new AtomicBoolean();
    AcceptAllTrustManager seen = new AcceptAllTrustManager();
    ScheduledFuture<?> guard = guard(first.socket, handshakeDeadline, fired);
    try {
      return modernHandshake(endpoint, first, handshakeDeadline, seen);
    } catch (IOException | GeneralSecurityException e) {
      modernFailure = e;
      timedOut = fired.get() || isTimeout(e);
    } finally {
      guard.cancel(false);
      closeQuietly(first.socket);
    }
    String reason = TlsMessages.describeHandshakeFailure(modernFailure);
    if (!seen.chain().isEmpty()) {
      // failed after the server's certificate (e.g. it demands a client certificate): we have it
      return new FetchResult(endpoint, FetchResult.Status.FETCHED, seen.chain(), seen.protocol(),
          false, TlsMessages.failedAfterCertificate(timedOut ? TlsMessages.timedOut() : reason),
          first.address);
    }
    if (timedOut) {
      return FetchResult.failed(endpoint, FetchResult.Status.TIMED_OUT,
          TlsMessages.phaseHandshake(), first.address);
    }
    return legacyProbe(endpoint, first.inet, port, reason, hostDeadline);
  }

  private FetchResult modernHandshake(Endpoint endpoint, Connection c, long deadline,
      AcceptAllTrustManager trustManager) throws IOException, GeneralSecurityException {
    c.socket.setSoTimeout(millisUntil(deadline));
    // A fresh context per fetch: no session is resumed, so every fetch sees the real chain.
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustManager}, null);
    SSLSocket ssl = (SSLSocket) context.getSocketFactory()
        .createSocket(c.socket, endpoint.host(), endpoint.port(), true);
    try {
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setServerNames(sniNames(endpoint));
      parameters.setEndpointIdentificationAlgorithm(null);
      ssl.setSSLParameters(parameters);
      ssl.startHandshake();
      SSLSession session = ssl.getSession();
      Certificate[] peer;
      try {
        peer = session.getPeerCertificates();
      } catch (SSLPeerUnverifiedException e) {
        return FetchResult.failed(endpoint, FetchResult.Status.HANDSHAKE_FAILED,
            TlsMessages.noCertificateSent(), c.address);
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate cert : peer) {
        if (cert instanceof X509Certificate) {
          chain.add((X509Certificate) cert);
        }
      }
      if (chain.isEmpty()) {
        return FetchResult.failed(endpoint, FetchResult.Status.HANDSHAKE_FAILED,
            TlsMessages.noCertificateSent(), c.address);
      }
      return FetchResult.fetched(endpoint, chain, session.getProtocol(), c.address);
    } finally {
      closeQuietly(ssl);
    }
  }

  private FetchResult legacyProbe(Endpoint endpoint, InetAddress address, int port, String modernReason,
      long hostDeadline) {
    long connectDeadline = Math.min(System.nanoTime() + timeoutNanos, hostDeadline);
    Connection c = connect(List.of(address), port, connectDeadline);
    if (c.socket == null) {
      return FetchResult.failed(endpoint, FetchResult.Status.HANDSHAKE_FAILED, modernReason,
          c.address);
    }
    long deadline = Math.min(System.nanoTime() + timeoutNanos, hostDeadline);
    AtomicBoolean fired = new AtomicBoolean();
    ScheduledFuture<?> guard = guard(c.socket, deadline, fired);
    try {
      c.socket.setSoTimeout(millisUntil(deadline));
      String sni = sniNames(endpoint).isEmpty() ? null : endpoint.host();
      LegacyTlsProbe.Answer answer =
          LegacyTlsProbe.probe(c.socket.getInputStream(), c.socket.getOutputStream(), sni);
      if (answer.legacy()) {
        return FetchResult.legacy(endpoint, answer.chain(),
            LegacyTlsProbe.protocolName(answer.version()), modernReason, c.address);
      }
      return FetchResult.failed(endpoint, FetchResult.Status.HANDSHAKE_FAILED,
          TlsMessages.handshakeFailedOffered(modernReason,
              LegacyTlsProbe.protocolName(answer.version())), c.address);
    } catch (IOException | LegacyTlsProbe.Refused e) {
      // The old protocols fail too: the modern handshake's reason is the one to report.
      return FetchResult.failed(endpoint, FetchResult.Status.HANDSHAKE_FAILED, modernReason,
          c.address);
    } finally {
      guard.cancel(false);
      closeQuietly(c.socket);
    }
  }

  /** The SNI to send: the endpoint's host, unless it is an IP literal or not a valid name. */
  static List<SNIServerName> sniNames(Endpoint endpoint) {
    if (endpoint.isIpLiteral()) {
      return List.of();
    }
    try {
      return List.of(new SNIHostName(endpoint.host()));
    } catch (IllegalArgumentException e) {
      return List.of(); // e.g. an underscore: not a host name SNI may carry
    }
  }

  // ---- connecting ---------------------------------------------------------------------------

  private static final class Connection {
    Socket socket;
    InetAddress inet;
    String address;
    FetchResult.Status failure;
    String detail;
  }

  private static Connection connect(List<InetAddress> addresses, int port, long deadline) {
    Connection c = new Connection();
    List<String> failures = new ArrayList<>();
    for (InetAddress a : addresses) {
      InetSocketAddress sa = new InetSocketAddress(a, port);
      c.address = addressText(sa);
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        c.failure = FetchResult.Status.TIMED_OUT;
        failures.add(TlsMessages.phaseConnect(c.address));
        break;
      }
      Socket s = new Socket();
      try {
        // No Nagle: a handshake is a few small writes in a row (TLS 1.3 sends ChangeCipherSpec
        // then Finished), and Nagle against the peer's delayed ACK costs ~40 ms each time.
        s.setTcpNoDelay(true);
        s.connect(sa, millisUntil(deadline));
        c.socket = s;
        c.inet = a;
        return c;
      } catch (ConnectException e) {
        closeQuietly(s);
        c.failure = FetchResult.Status.REFUSED;
        failures.add(c.address);
      } catch (SocketTimeoutException e) {
        closeQuietly(s);
        c.failure = FetchResult.Status.TIMED_OUT;
        failures.add(TlsMessages.phaseConnect(c.address));
      } catch (NoRouteToHostException e) {
        closeQuietly(s);
        c.failure = FetchResult.Status.UNREACHABLE;
        failures.add(c.address);
      } catch (IOException e) {
        closeQuietly(s);
        c.failure = FetchResult.Status.UNREACHABLE;
        failures.add(c.address + " (" + e.getMessage() + ")");
      }
    }
    if (c.failure == null) {
      c.failure = FetchResult.Status.UNKNOWN_HOST;
    }
    c.detail = String.join(", ", failures);
    return c;
  }

  private static List<InetAddress> lookup(String target, long deadline)
      throws UnknownHostException, TimeoutException {
    Optional<InetAddress> literal = HostNames.ipLiteral(target);
    if (literal.isPresent()) {
      return List.of(literal.get());
    }
    Future<InetAddress[]> f = LOOKUPS.submit(() -> InetAddress.getAllByName(target));
    try {
      return Arrays.asList(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException) {
        throw (UnknownHostException) e.getCause();
      }
      UnknownHostException u = new UnknownHostException(target);
      u.initCause(e.getCause());
      throw u;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new TimeoutException(target);
    } catch (TimeoutException e) {
      f.cancel(true); // the lookup thread goes on until the resolver gives up; we do not wait
      throw e;
    }
  }

  // ---- time ---------------------------------------------------------------------------------

  private static ScheduledFuture<?> guard(Socket socket, long deadline, AtomicBoolean fired) {
    return WATCHDOG.schedule(() -> {
      fired.set(true);
      closeQuietly(socket);
    }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private static int millisUntil(long deadlineNanos) {
    long ms = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1,
        daemonThreads("adscp-tls-watchdog-"));
    w.setRemoveOnCancelPolicy(true);
    return w;
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // nothing to do: it was being thrown away
    }
  }

  private static String addressText(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  // ---- files --------------------------------------------------------------------------------

  /**
   * Reads a certificate file given with {@code --cert}: PEM (any number of CERTIFICATE blocks,
   * other text and blocks such as a private key ignored) or DER (one certificate, or PKCS#7),
   * leaf first, the chain may follow. The order is kept.
   */
  public static List<X509Certificate> readChainFile(Path file) throws CertificateFileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CertificateFileException(TlsMessages.certFileMissing(file), e);
    } catch (IOException e) {
      throw new CertificateFileException(TlsMessages.certFileUnreadable(file, e), e);
    }
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      List<X509Certificate> chain = new ArrayList<>();
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      if (text.contains("-----BEGIN")) {
        Matcher m = PEM_CERTIFICATE.matcher(text);
        while (m.find()) {
          byte[] der = Base64.getMimeDecoder().decode(m.group(1));
          chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
        }
      } else {
        Collection<? extends Certificate> certs =
            cf.generateCertificates(new ByteArrayInputStream(bytes));
        for (Certificate c : certs) {
          chain.add((X509Certificate) c);
        }
      }
      if (chain.isEmpty()) {
        throw new CertificateFileException(TlsMessages.certFileEmpty(file));
      }
      return List.copyOf(chain);
    } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
      throw new CertificateFileException(TlsMessages.certFileMalformed(file, e), e);
    }
  }
}
