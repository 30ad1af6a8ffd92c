package org.adscp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.util.ssl.HostNameTrustManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.adscp.testing.TestPki;
import org.adscp.testing.TlsTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our matcher beside two oracles: UnboundID's {@link HostNameTrustManager} (wildcards allowed, CN
 * not checked beside SANs) and a real JDK handshake with endpoint identification "HTTPS". Each
 * row pins all three; where they differ, the row says why we are right.
 */
class HostnameMatcherCrossCheckTest {

  private static TestPki pki;
  private static X509Certificate cert;
  private static X509Certificate noIpCert;
  private static X509Certificate ipCert;
  private static TlsTestServer server;
  private static TlsTestServer noIpServer;
  private static TlsTestServer ipServer;
  private static SSLContext trustingRoot;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.create();
    TestPki.Cert c = pki.leaf("legacy.northwind.com")
        .dns("mail.contoso.com", "*.contoso.com", "ex*.fabrikam.com", "*", "*.co.uk").build();
    TestPki.Cert noIp = pki.leaf("127.0.0.1").dns("mail.contoso.com").build();
    TestPki.Cert ip = pki.leaf("ip").ip("127.0.0.1").build();
    cert = c.certificate();
    noIpCert = noIp.certificate();
    ipCert = ip.certificate();
    server = TlsTestServer.serving(c);
    noIpServer = TlsTestServer.serving(noIp);
    ipServer = TlsTestServer.serving(ip);
    KeyStore anchors = TestPki.trustStore(pki.root());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(anchors);
    trustingRoot = SSLContext.getInstance("TLS");
    trustingRoot.init(null, tmf.getTrustManagers(), null);
  }

  @AfterAll
  static void stop() {
    server.close();
    noIpServer.close();
    ipServer.close();
  }

  @ParameterizedTest(name = "{0}: ours {1}, JDK {2}, UnboundID {3}")
  @CsvSource({
    // host,                  ours, JDK HTTPS, UnboundID
    "mail.contoso.com,         SAN,  ok,   ok",
    "MAIL.CONTOSO.COM,         SAN,  ok,   ok",
    "autodiscover.contoso.com, SAN,  ok,   ok",
    "a.b.contoso.com,          NONE, fail, fail",
    "contoso.com,              NONE, fail, fail",
    // partial wildcard: RFC 9525 forbids it; the JDK and UnboundID accept it
    "exch01.fabrikam.com,      NONE, ok,   ok",
    // a bare '*' SAN: UnboundID matches any single-label host with it
    "intranet,                 NONE, fail, ok",
    // the CN beside SANs: nobody uses it (UnboundID only with checkCN=true)
    "legacy.northwind.com,     NONE, fail, fail",
    // a trailing dot names the same host; UnboundID fails it
    "mail.contoso.com.,        SAN,  ok,   fail",
    // *.co.uk: a wildcard on a public suffix, which no CA may issue; the JDK checks that only
    // for chains to its bundled CAs, UnboundID never
    "foo.co.uk,                NONE, ok,   ok",
  })
  void dnsHosts(String host, String ours, String jdk, String unboundid) throws Exception {
    assertEquals(HostnameMatch.Kind.valueOf(ours), HostnameMatcher.match(host, cert).kind());
    assertEquals(jdk, jdkHttps(server, host));
    assertEquals(unboundid, unboundId(host, cert));
  }

  @ParameterizedTest(name = "{0} with an IP SAN: ours {1}, JDK {2}, UnboundID {3}")
  @CsvSource({"127.0.0.1, SAN, ok, ok"})
  void ipHostWithIpSan(String host, String ours, String jdk, String unboundid) throws Exception {
    assertEquals(HostnameMatch.Kind.valueOf(ours), HostnameMatcher.match(host, ipCert).kind());
    assertEquals(jdk, jdkHttps(ipServer, host));
    assertEquals(unboundid, unboundId(host, ipCert));
  }

  /**
   * UnboundID passes any loopback literal before looking at the certificate: a test on
   * 127.0.0.1 would hide a missing IP SAN. We and the JDK do not.
   */
  @ParameterizedTest(name = "{0} without an IP SAN: ours {1}, JDK {2}, UnboundID {3}")
  @CsvSource({"127.0.0.1, NONE, fail, ok"})
  void loopbackIpIsNotTrustedBlindly(String host, String ours, String jdk, String unboundid)
      throws Exception {
    assertEquals(HostnameMatch.Kind.valueOf(ours), HostnameMatcher.match(host, noIpCert).kind());
    assertEquals(jdk, jdkHttps(noIpServer, host));
    assertEquals(unboundid, unboundId(host, noIpCert));
  }

  private static String unboundId(String host, X509Certificate c) {
    try {
      new HostNameTrustManager(true, false, List.of(host))
          .checkServerTrusted(new X509Certificate[] {c}, "RSA");
      return "ok";
    } catch (CertificateException e) {
      return "fail";
    }
  }

  /** A real handshake to {@code s}, trusting the test root, checking {@code host} as HTTPS. */
  private static String jdkHttps(TlsTestServer s, String host) throws Exception {
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress("127.0.0.1", s.port()), 5000);
      raw.setSoTimeout(5000);
      SSLSocket ssl = (SSLSocket) trustingRoot.getSocketFactory()
          .createSocket(raw, host, s.port(), true);
      SSLParameters p = ssl.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(p);
      try {
        ssl.startHandshake();
        return "ok";
      } catch (SSLHandshakeException e) {
        if (!String.valueOf(e.getMessage()).contains("No subject alternative")
            && !String.valueOf(e.getMessage()).contains("No name matching")) {
          throw e; // a failure for another reason would make this oracle meaningless
        }
        return "fail";
      } finally {
        ssl.close();
      }
    }
  }
}
