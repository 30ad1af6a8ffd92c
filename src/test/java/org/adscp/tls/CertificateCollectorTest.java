package org.adscp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adscp.scp.FindingCode;
import org.adscp.testing.TestPki;
import org.adscp.testing.TlsTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CertificateCollector}: once per host, concurrently, files and --offline first. */
class CertificateCollectorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static TestPki pki;
  private static TestPki.Cert mail;
  private static TestPki.Cert owa;

  @TempDir Path dir;

  @BeforeAll
  static void pki() {
    pki = TestPki.create();
    mail = pki.leaf("mail.contoso.com").dns("mail.contoso.com").build();
    owa = pki.leaf("owa.contoso.com").dns("owa.contoso.com").build();
  }

  private static CertificateCollector collector(CollectorOptions o) {
    return new CertificateCollector(new ChainFetcher(TIMEOUT), o);
  }

  @Test
  void eachDistinctHostIsFetchedOnce() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(mail)) {
      int port = server.port();
      // three SCPs spell the same host three ways
      List<Endpoint> fromScps = List.of(Endpoint.of("mail.contoso.com", port),
          Endpoint.of("MAIL.contoso.com", port), Endpoint.of("mail.contoso.com.", port));
      Map<Endpoint, FetchResult> r = collector(CollectorOptions.defaults()
          .withResolve("mail.contoso.com=127.0.0.1")).collect(fromScps);

      assertEquals(1, r.size());
      assertEquals(1, server.accepted());
      FetchResult only = r.get(Endpoint.of("mail.contoso.com", port));
      assertEquals(FetchResult.Status.FETCHED, only.status());
      assertEquals(mail.certificate(), only.chain().get(0));
    }
  }

  @Test
  void differentPortsAreDifferentHosts() throws Exception {
    try (TlsTestServer a = TlsTestServer.serving(mail);
        TlsTestServer b = TlsTestServer.serving(owa)) {
      CollectorOptions o = CollectorOptions.defaults().withResolve("mail.contoso.com", "127.0.0.1");
      Endpoint ea = Endpoint.of("mail.contoso.com", a.port());
      Endpoint eb = Endpoint.of("mail.contoso.com", b.port());
      Map<Endpoint, FetchResult> r = collector(o).collect(List.of(eb, ea, eb));

      assertEquals(List.of(eb, ea), new ArrayList<>(r.keySet()), "first-seen order");
      assertEquals(owa.certificate(), r.get(eb).chain().get(0));
      assertEquals(mail.certificate(), r.get(ea).chain().get(0));
    }
  }

  @Test
  void oneDeadHostCostsItsOwnTimeoutNotTheSum() throws Exception {
    Duration timeout = Duration.ofMillis(1500);
    List<TlsTestServer> silent = new ArrayList<>();
    try (TlsTestServer good = TlsTestServer.serving(mail)) {
      List<Endpoint> endpoints = new ArrayList<>();
      CollectorOptions o = CollectorOptions.defaults();
      for (int i = 0; i < 4; i++) {
        TlsTestServer s = TlsTestServer.silent();
        silent.add(s);
        endpoints.add(Endpoint.of("dead" + i + ".contoso.com", s.port()));
        o = o.withResolve("dead" + i + ".contoso.com", "127.0.0.1");
      }
      endpoints.add(Endpoint.of("mail.contoso.com", good.port()));
      o = o.withResolve("mail.contoso.com", "127.0.0.1");

      long start = System.nanoTime();
      Map<Endpoint, FetchResult> r = new CertificateCollector(new ChainFetcher(timeout), o)
          .collect(endpoints);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      for (int i = 0; i < 4; i++) {
        assertEquals(FetchResult.Status.TIMED_OUT, r.get(endpoints.get(i)).status());
      }
      assertEquals(FetchResult.Status.FETCHED, r.get(endpoints.get(4)).status());
      // four silent hosts one after the other would take 6 s; together they take one timeout
      assertTrue(took.compareTo(timeout.plusSeconds(2)) < 0, "took " + took);
    } finally {
      silent.forEach(TlsTestServer::close);
    }
  }

  @Test
  void offlineFetchesNothing() throws Exception {
    try (TlsTestServer server = TlsTestServer.serving(mail)) {
      Endpoint e = Endpoint.of("mail.contoso.com", server.port());
      Map<Endpoint, FetchResult> r = collector(CollectorOptions.defaults().withOffline(true)
          .withResolve("mail.contoso.com", "127.0.0.1")).collect(List.of(e));

      assertEquals(FetchResult.Status.OFFLINE, r.get(e).status());
      assertEquals(0, server.accepted());
      CertificateVerdict v = new CertificateJudge(List.of(pki.root().certificate()),
          Instant.now(), 30).judge(r.get(e));
      assertEquals(Set.of(FindingCode.CERT_UNAVAILABLE), v.codes());
      assertTrue(v.problem(FindingCode.CERT_UNAVAILABLE).get().message()
          .endsWith("nothing was fetched (--offline)."));
    }
  }

  @Test
  void certFileBoundToAHostReplacesTheNetwork() throws Exception {
    Path mailPem = Files.writeString(dir.resolve("mail.pem"), TestPki.pem(mail.chain()));
    Path owaPem = Files.writeString(dir.resolve("owa.pem"), TestPki.pem(owa.chain()));
    CertificateOverrides certs = CertificateOverrides.fromOptions(
        List.of("MAIL.contoso.com=" + mailPem, owaPem.toString()));
    Endpoint bound = Endpoint.of("mail.contoso.com", 443);
    Endpoint other = Endpoint.of("autodiscover.contoso.com", 443);
    // --offline too: a file is not the network, so it still applies
    Map<Endpoint, FetchResult> r = collector(CollectorOptions.defaults().withOffline(true)
        .withCertificates(certs)).collect(List.of(bound, other));

    assertEquals(FetchResult.Status.FROM_FILE, r.get(bound).status());
    assertEquals(mail.chain(), r.get(bound).chain());
    assertEquals(mailPem.toString(), r.get(bound).detail());
    // the bare file serves every host without a bound one
    assertEquals(FetchResult.Status.FROM_FILE, r.get(other).status());
    assertEquals(owa.chain(), r.get(other).chain());
  }

  @Test
  void withoutABareFileUnboundHostsAreFetched() throws Exception {
    Path mailPem = Files.writeString(dir.resolve("mail.pem"), TestPki.pem(mail.chain()));
    try (TlsTestServer server = TlsTestServer.serving(owa)) {
      CertificateOverrides certs = CertificateOverrides.fromOptions(
          List.of("mail.contoso.com=" + mailPem));
      Endpoint bound = Endpoint.of("mail.contoso.com", server.port());
      Endpoint live = Endpoint.of("owa.contoso.com", server.port());
      Map<Endpoint, FetchResult> r = collector(CollectorOptions.defaults().withCertificates(certs)
          .withResolve("owa.contoso.com", "127.0.0.1")).collect(List.of(bound, live));

      assertEquals(FetchResult.Status.FROM_FILE, r.get(bound).status());
      assertEquals(FetchResult.Status.FETCHED, r.get(live).status());
      assertEquals(owa.certificate(), r.get(live).chain().get(0));
      assertEquals(1, server.accepted());
    }
  }

  @Test
  void certOptionMistakesAreUsageErrorsNamingTheFile() throws Exception {
    Path pem = Files.writeString(dir.resolve("mail.pem"), TestPki.pem(mail.chain()));
    CertificateFileException twice = assertThrows(CertificateFileException.class,
        () -> CertificateOverrides.fromOptions(List.of("mail.contoso.com=" + pem,
            "Mail.Contoso.com=" + pem)));
    assertEquals("--cert is given twice for host mail.contoso.com", twice.getMessage());
    CertificateFileException bare = assertThrows(CertificateFileException.class,
        () -> CertificateOverrides.fromOptions(List.of(pem.toString(), pem.toString())));
    assertTrue(bare.getMessage().startsWith("--cert FILE without HOST= is given twice"));
    Path missing = dir.resolve("nope.pem");
    CertificateFileException none = assertThrows(CertificateFileException.class,
        () -> CertificateOverrides.fromOptions(List.of("mail.contoso.com=" + missing)));
    assertEquals("cannot read certificate file " + missing + ": no such file", none.getMessage());
  }

  @Test
  void aFileWhoseNameHasAnEqualsSignIsAFile() throws Exception {
    Path odd = Files.writeString(dir.resolve("a=b.pem"), TestPki.pem(mail.chain()));
    CertificateOverrides certs = CertificateOverrides.fromOptions(List.of(odd.toString()));
    assertEquals(odd, certs.forHost("anything.contoso.com").orElseThrow().file());
  }

  @Test
  void resolveOptionMustBeHostEqualsAddress() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CollectorOptions.defaults().withResolve("mail.contoso.com"));
    assertEquals("--resolve wants HOST=ADDRESS, not 'mail.contoso.com'", e.getMessage());
    assertEquals("2001:db8::5", CollectorOptions.defaults()
        .withResolve("Mail.Contoso.com.=[2001:db8::5]").resolveFor("mail.contoso.com").get());
  }
}
