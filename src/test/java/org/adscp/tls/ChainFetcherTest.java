package org.adscp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.adscp.scp.FindingCode;
import org.adscp.testing.TestPki;
import org.adscp.testing.TlsTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ChainFetcher} against real TLS servers on loopback. */
class ChainFetcherTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static TestPki pki;
  private static TestPki.Cert mail;

  @BeforeAll
  static void pki() {
    pki = TestPki.create();
    mail = pki.leaf("mail.contoso.com").dns("mail.contoso.com", "autodiscover.contoso.com")
        .build();
  }

  private static CertificateJudge judge() {
    return new CertificateJudge(List.of(pki.root().certificate()), Instant.now(), 30);
  }

  @Test
  void fetchReturnsTheChainAsSentLeafFirst() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(mail)) {
      Endpoint e = Endpoint.of("mail.contoso.com", server.port());
      FetchResult r = new ChainFetcher(TIMEOUT).fetch(e, server.address());

      assertEquals(FetchResult.Status.FETCHED, r.status(), r.detail());
      assertEquals(mail.chain(), r.chain());
      assertEquals("Test Issuing CA", CertificateFacts.of(r.chain().get(1)).commonName());
      assertTrue(Set.of("TLSv1.3", "TLSv1.2").contains(r.protocol()), r.protocol());
      assertFalse(r.legacyOnly());
      assertEquals("127.0.0.1:" + server.port(), r.connectedTo());
      assertEquals(Set.of(), judge().judge(r).codes());
    }
  }

  @Test
  void sniIsTheUrlHostWhenResolvedToAnAddress() throws Exception {
    TestPki.Cert fallback = pki.leaf("default.test").dns("default.test").build();
    try (TlsTestServer server = TlsTestServer.builder().chain(fallback)
        .chainForSni("mail.contoso.com", mail).start()) {
      ChainFetcher fetcher = new ChainFetcher(TIMEOUT);

      FetchResult byName = fetcher.fetch(Endpoint.of("MAIL.contoso.com.", server.port()),
          "127.0.0.1");
      assertEquals(FetchResult.Status.FETCHED, byName.status(), byName.detail());
      assertEquals(mail.certificate(), byName.chain().get(0));
      assertEquals(List.of("mail.contoso.com"), server.requestedServerNames());

      // near miss: an IP-literal URL host sends no SNI and gets the server's default chain
      FetchResult byAddress = fetcher.fetch(Endpoint.of("127.0.0.1", server.port()));
      assertEquals(fallback.certificate(), byAddress.chain().get(0));
      assertEquals(List.of("mail.contoso.com"), server.requestedServerNames());
    }
  }

  @Test
  void singleLabelHostIsStillSentAsSni() throws Exception {
    // The JDK sends no SNI on its own for a host without a dot; we set it explicitly.
    TestPki.Cert fallback = pki.leaf("default.test").dns("default.test").build();
    TestPki.Cert exch = pki.leaf("exchange").dns("exchange").build();
    try (TlsTestServer server = TlsTestServer.builder().chain(fallback)
        .chainForSni("exchange", exch).start()) {
      FetchResult r = new ChainFetcher(TIMEOUT).fetch(Endpoint.of("exchange", server.port()),
          "127.0.0.1");
      assertEquals(exch.certificate(), r.chain().get(0));
      assertEquals(List.of("exchange"), server.requestedServerNames());
    }
  }

  @Test
  void silentServerIsUnavailableWithinTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(1500);
    try (TlsTestServer silent = TlsTestServer.silent()) {
      long start = System.nanoTime();
      FetchResult r = new ChainFetcher(timeout)
          .fetch(Endpoint.of("mail.contoso.com", silent.port()), "127.0.0.1");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertEquals(FetchResult.Status.TIMED_OUT, r.status());
      assertTrue(took.compareTo(timeout.plusSeconds(2)) < 0, "took " + took);
      assertEquals(1, silent.accepted(), "no legacy probe after a timeout");
      CertificateProblem p = judge().judge(r).problem(FindingCode.CERT_UNAVAILABLE).orElseThrow();
      assertTrue(p.message().contains("timed out during the TLS handshake"), p.message());
      assertTrue(p.hint().contains("--timeout"), p.hint());
    }
  }

  @Test
  void tricklingServerIsCutOffAtTheTimeout() throws Exception {
    // one byte every 300 ms never trips a 1.5 s read timeout; the watchdog ends it
    Duration timeout = Duration.ofMillis(1500);
    try (ServerSocket trickle = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = trickle.accept()) {
          OutputStream out = s.getOutputStream();
          out.write(new byte[] {22, 3, 3, 0x40, 0});
          for (int i = 0; i < 40; i++) {
            Thread.sleep(300);
            out.write(0);
            out.flush();
          }
        } catch (IOException | InterruptedException e) {
          // the client hung up, as it should
        }
      });
      t.setDaemon(true);
      t.start();
      long start = System.nanoTime();
      FetchResult r = new ChainFetcher(timeout)
          .fetch(Endpoint.of("mail.contoso.com", trickle.getLocalPort()), "127.0.0.1");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertEquals(FetchResult.Status.TIMED_OUT, r.status(), r.detail());
      assertTrue(took.compareTo(timeout.plusSeconds(2)) < 0, "took " + took);
    }
  }

  @Test
  void refusedPortIsUnavailableSayingRefused() throws Exception {
    int port = TlsTestServer.refusedPort();
    FetchResult r = new ChainFetcher(TIMEOUT).fetch(Endpoint.of("mail.contoso.com", port),
        "127.0.0.1");

    assertEquals(FetchResult.Status.REFUSED, r.status());
    CertificateVerdict v = judge().judge(r);
    assertEquals(Set.of(FindingCode.CERT_UNAVAILABLE), v.codes());
    CertificateProblem p = v.problem(FindingCode.CERT_UNAVAILABLE).orElseThrow();
    assertEquals("No certificate from mail.contoso.com:" + port
        + ": the connection to 127.0.0.1:" + port + " was refused.", p.message());
    assertTrue(p.hint().contains("port " + port), p.hint());
  }

  @Test
  void serverThatIsNotTlsIsHandshakeFailedSayingSo() throws Exception {
    try (ServerSocket http = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        for (int i = 0; i < 2; i++) { // the modern handshake and the legacy probe
          try (Socket s = http.accept()) {
            s.getInputStream().read(new byte[512]);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
      FetchResult r = new ChainFetcher(TIMEOUT)
          .fetch(Endpoint.of("mail.contoso.com", http.getLocalPort()), "127.0.0.1");

      assertEquals(FetchResult.Status.HANDSHAKE_FAILED, r.status());
      assertEquals("the server does not speak TLS on this port", r.detail());
      String m = judge().judge(r).problem(FindingCode.CERT_UNAVAILABLE).orElseThrow().message();
      assertTrue(m.contains("the TLS handshake failed (the server does not speak TLS"), m);
    }
  }

  @Test
  void serverThatClosesAtOnceIsHandshakeFailed() throws Exception {
    try (ServerSocket closer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        for (int i = 0; i < 2; i++) {
          try {
            closer.accept().close(); // close without a word
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
      FetchResult r = new ChainFetcher(TIMEOUT)
          .fetch(Endpoint.of("mail.contoso.com", closer.getLocalPort()), "127.0.0.1");

      assertEquals(FetchResult.Status.HANDSHAKE_FAILED, r.status());
      assertEquals("the server closed the connection during the handshake", r.detail());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.1", "TLSv1"})
  void legacyOnlyServerIsFlaggedButCertificateStillJudged(String protocol) throws Exception {
    TestPki.Cert old = pki.leaf("owa.contoso.com").dns("owa.contoso.com").sha1().build();
    try (TlsTestServer server = TlsTestServer.builder().chain(old).protocols(protocol).start()) {
      FetchResult r = new ChainFetcher(TIMEOUT)
          .fetch(Endpoint.of("mail.contoso.com", server.port()), "127.0.0.1");

      assertEquals(FetchResult.Status.FETCHED, r.status(), r.detail());
      assertTrue(r.legacyOnly());
      assertEquals(protocol, r.protocol());
      assertEquals(old.chain(), r.chain());

      CertificateVerdict v = judge().judge(r);
      assertEquals(Set.of(FindingCode.TLS_LEGACY_ONLY, FindingCode.CERT_NAME_MISMATCH,
          FindingCode.CERT_WEAK_SIGNATURE), v.codes());
      String m = v.problem(FindingCode.TLS_LEGACY_ONLY).orElseThrow().message();
      assertTrue(m.startsWith("mail.contoso.com:" + server.port()
          + " completes a TLS handshake only with " + protocol + "; TLS 1.2 and 1.3 fail ("), m);
      assertTrue(v.problem(FindingCode.CERT_NAME_MISMATCH).orElseThrow().message()
          .contains("it names owa.contoso.com"));
    }
    // and the JVM-global property is as it was: TLS 1.0/1.1 stay disabled for everyone else
    String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
    assertTrue(disabled.contains("TLSv1.1"), disabled);
  }

  @Test
  void serverThatDemandsAClientCertificateStillShowsItsOwn() throws Exception {
    // TLS 1.2: the server refuses us before its Finished, after sending its certificate (in TLS
    // 1.3 our side of the handshake would complete before the server's refusal)
    try (TlsTestServer server = TlsTestServer.builder().chain(mail).needClientAuth()
        .protocols("TLSv1.2").start()) {
      FetchResult r = new ChainFetcher(TIMEOUT)
          .fetch(Endpoint.of("mail.contoso.com", server.port()), "127.0.0.1");

      assertEquals(FetchResult.Status.FETCHED, r.status(), r.detail());
      assertEquals(mail.chain(), r.chain());
      assertEquals("TLSv1.2", r.protocol());
      assertTrue(r.detail().startsWith("the handshake failed after the server's certificate: "),
          r.detail());
      assertEquals(1, server.accepted(), "no legacy probe when the certificate was read");
      assertEquals(Set.of(), judge().judge(r).codes());
    }
  }

  @Test
  void modernServerIsNotLegacyOnly() throws Exception {
    try (TlsTestServer server = TlsTestServer.builder().chain(mail).protocols("TLSv1.2")
        .start()) {
      FetchResult r = new ChainFetcher(TIMEOUT)
          .fetch(Endpoint.of("mail.contoso.com", server.port()), "127.0.0.1");
      assertEquals("TLSv1.2", r.protocol());
      assertFalse(r.legacyOnly());
      assertFalse(judge().judge(r).has(FindingCode.TLS_LEGACY_ONLY));
      assertEquals(1, server.accepted(), "no legacy probe after a good handshake");
    }
  }

  /**
   * Pins why {@link LegacyTlsProbe} exists: in this JVM the JDK itself will not complete a TLS
   * 1.1 handshake, even when the socket enables only TLSv1.1.
   */
  @Test
  void jdkRefusesTls11InThisJvm() throws Exception {
    try (TlsTestServer server = TlsTestServer.builder().chain(mail).protocols("TLSv1.1")
        .start()) {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new AcceptAllTrustManager()}, null);
      try (Socket raw = new Socket()) {
        raw.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        raw.setSoTimeout(5000);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, "x.test",
            server.port(), true);
        s.setEnabledProtocols(new String[] {"TLSv1.1"});
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, s::startHandshake);
        assertTrue(e.getMessage().contains("No appropriate protocol"), e.getMessage());
      }
    }
  }

  @Test
  void unknownResolveTargetIsUnknownHostWithoutDns() {
    // An address that is not a literal and cannot be a name: fails in the resolver at once.
    FetchResult r = new ChainFetcher(TIMEOUT)
        .fetch(Endpoint.of("mail.contoso.com", 443), "bad..name");
    assertEquals(FetchResult.Status.UNKNOWN_HOST, r.status());
    assertEquals("No certificate from mail.contoso.com: the name bad..name does not resolve.",
        judge().judge(r).problem(FindingCode.CERT_UNAVAILABLE).orElseThrow().message());
  }

  @Test
  void legacyProbeReadsTheChainOfAServerHelloByHand() throws Exception {
    // The probe's parser against a scripted TLS 1.1 server: ServerHello and Certificate split
    // across records, as servers do with long chains.
    byte[] leaf = mail.certificate().getEncoded();
    byte[] inter = pki.intermediate().certificate().getEncoded();
    java.io.ByteArrayOutputStream hs = new java.io.ByteArrayOutputStream();
    byte[] hello = new byte[] {2, 0, 0, 38, 3, 2};
    hs.write(hello);
    hs.write(new byte[32]);
    hs.write(new byte[] {0, (byte) 0xC0, 0x13, 0});
    int certsLen = 3 + leaf.length + 3 + inter.length;
    hs.write(new byte[] {11, (byte) ((certsLen + 3) >> 16), (byte) ((certsLen + 3) >> 8),
        (byte) (certsLen + 3), (byte) (certsLen >> 16), (byte) (certsLen >> 8), (byte) certsLen});
    hs.write(new byte[] {(byte) (leaf.length >> 16), (byte) (leaf.length >> 8),
        (byte) leaf.length});
    hs.write(leaf);
    hs.write(new byte[] {(byte) (inter.length >> 16), (byte) (inter.length >> 8),
        (byte) inter.length});
    hs.write(inter);
    byte[] all = hs.toByteArray();
    java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
    for (int off = 0; off < all.length; off += 700) {
      int n = Math.min(700, all.length - off);
      wire.write(new byte[] {22, 3, 2, (byte) (n >> 8), (byte) n});
      wire.write(all, off, n);
    }
    InputStream in = new java.io.ByteArrayInputStream(wire.toByteArray());
    java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();

    LegacyTlsProbe.Answer a = LegacyTlsProbe.probe(in, sent, "mail.contoso.com");

    assertEquals(LegacyTlsProbe.TLS11, a.version());
    assertEquals(List.of(mail.certificate(), pki.intermediate().certificate()), a.chain());
    byte[] out = sent.toByteArray();
    assertEquals(22, out[0]);
    assertEquals(1, out[5], "a ClientHello");
    assertEquals(3, out[9]);
    assertEquals(2, out[10], "offering at most TLS 1.1");
    assertTrue(new String(out, StandardCharsets.ISO_8859_1).contains("mail.contoso.com"),
        "with the SNI");
  }
}
