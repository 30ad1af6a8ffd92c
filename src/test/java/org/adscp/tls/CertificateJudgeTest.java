package org.adscp.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.ssl.cert.SignatureAlgorithmIdentifier;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.adscp.scp.Finding;
import org.adscp.scp.FindingCode;
import org.adscp.scp.Severity;
import org.adscp.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each certificate code fires on its case and stays quiet on the near miss. */
class CertificateJudgeTest {

  private static final Endpoint MAIL = Endpoint.of("mail.contoso.com", 443);
  private static TestPki pki;
  private static Instant now;

  @BeforeAll
  static void pki() {
    pki = TestPki.create();
    now = pki.now();
  }

  private static CertificateJudge judge() {
    return judgeAt(now);
  }

  private static CertificateJudge judgeAt(Instant at) {
    return new CertificateJudge(List.of(pki.root().certificate()), at, 30);
  }

  private static CertificateVerdict verdict(List<X509Certificate> chain) {
    return judge().judge(MAIL, chain);
  }

  private static TestPki.Builder mailLeaf() {
    return pki.leaf("mail.contoso.com").dns("mail.contoso.com", "autodiscover.contoso.com");
  }

  private static String message(CertificateVerdict v, FindingCode code) {
    return v.problem(code).orElseThrow(() -> new AssertionError(code + " not in " + v.codes()))
        .message();
  }

  private static String hint(CertificateVerdict v, FindingCode code) {
    return v.problem(code).orElseThrow().hint();
  }

  @Test
  void goodChainHasNoProblems() {
    CertificateVerdict v = verdict(mailLeaf().build().chain());
    assertEquals(Set.of(), v.codes());
    assertTrue(v.trust().trusted());
    assertEquals(pki.root().certificate(), v.trust().anchor());
    assertEquals(HostnameMatch.Kind.SAN, v.match().kind());
    assertEquals("mail.contoso.com", v.leaf().commonName());
    assertEquals(2, v.chain().size());
    assertFalse(v.hasError());
  }

  // ---- CERT_NAME_MISMATCH / CERT_CN_ONLY ----------------------------------------------------

  @Test
  void nameMismatchListsTheNamesAndHintsAServingOne() {
    TestPki.Cert c = pki.leaf("mail.contoso.com")
        .dns("owa.contoso.com", "*.contoso.com", "contoso.com").build();
    CertificateVerdict v = judge().judge(Endpoint.of("mail.fabrikam.com", 443), c.chain());

    assertEquals(Set.of(FindingCode.CERT_NAME_MISMATCH), v.codes());
    assertEquals("The certificate of mail.fabrikam.com does not cover mail.fabrikam.com: it names"
        + " owa.contoso.com, *.contoso.com, contoso.com.",
        message(v, FindingCode.CERT_NAME_MISMATCH));
    assertEquals("Point the SCP at autodiscover.contoso.com (or owa.contoso.com), which the"
        + " certificate covers, or get a certificate that names mail.fabrikam.com.",
        hint(v, FindingCode.CERT_NAME_MISMATCH));
    assertEquals(Severity.ERROR, v.problem(FindingCode.CERT_NAME_MISMATCH).get().severity());
  }

  @Test
  void nameMismatchSaysWhenTheCnWasIgnored() {
    TestPki.Cert c = pki.leaf("mail.contoso.com").dns("owa.contoso.com").build();
    String m = message(verdict(c.chain()), FindingCode.CERT_NAME_MISMATCH);
    assertTrue(m.endsWith("it names owa.contoso.com (its subject CN mail.contoso.com matches,"
        + " but the CN does not count when there are DNS names)."), m);
  }

  @Test
  void nameMismatchOnAnIpHostExplainsIpNames() {
    TestPki.Cert c = pki.leaf("10.0.0.5").dns("mail.contoso.com").build();
    CertificateVerdict v = judge().judge(Endpoint.of("10.0.0.5", 443), c.chain());
    assertEquals("The certificate of 10.0.0.5 does not cover 10.0.0.5: it names mail.contoso.com;"
        + " an IP address is covered only by an IP address name.",
        message(v, FindingCode.CERT_NAME_MISMATCH));
    assertEquals("Point the SCP at mail.contoso.com, which the certificate covers, or get a"
        + " certificate that names 10.0.0.5.", hint(v, FindingCode.CERT_NAME_MISMATCH));
  }

  @Test
  void nameMismatchWithoutAnyUsableNameAsksForANewCertificate() {
    TestPki.Cert c = pki.leaf("x").subject("O=Contoso").dns("ex*.contoso.com").build();
    CertificateVerdict v = verdict(c.chain());
    assertEquals("Get a certificate whose subject alternative names include mail.contoso.com.",
        hint(v, FindingCode.CERT_NAME_MISMATCH));
  }

  @Test
  void cnOnlyWarnsAndIsNotAMismatch() {
    TestPki.Cert c = pki.leaf("mail.contoso.com").build();
    CertificateVerdict v = verdict(c.chain());
    assertEquals(Set.of(FindingCode.CERT_CN_ONLY), v.codes());
    assertEquals(Severity.WARNING, v.problem(FindingCode.CERT_CN_ONLY).get().severity());
    assertEquals("The certificate of mail.contoso.com names mail.contoso.com only in its subject"
        + " CN; it has no DNS subject alternative name.", message(v, FindingCode.CERT_CN_ONLY));
    assertTrue(hint(v, FindingCode.CERT_CN_ONLY).contains("reissue the certificate with"
        + " mail.contoso.com as a DNS name"));
    // near miss: the same name as a DNS SAN is a plain match
    assertEquals(Set.of(), verdict(mailLeaf().build().chain()).codes());
  }

  // ---- dates --------------------------------------------------------------------------------

  @Test
  void expiredLeafIsExpired() {
    TestPki.Cert c = mailLeaf().expired().build();
    CertificateVerdict v = verdict(c.chain());
    assertEquals(Set.of(FindingCode.CERT_EXPIRED), v.codes());
    assertEquals("The certificate of mail.contoso.com (mail.contoso.com) expired on "
        + TlsMessages.date(now.minus(TestPki.DAY.multipliedBy(10))) + ".",
        message(v, FindingCode.CERT_EXPIRED));
  }

  @Test
  void expiredLeafUnderAGoodChainIsNotAlsoUntrusted() {
    // The trust check is made as of the leaf's last valid instant: only CERT_EXPIRED, once.
    CertificateVerdict v = verdict(mailLeaf().expired().build().chain());
    assertFalse(v.has(FindingCode.CERT_UNTRUSTED));
    assertTrue(v.trust().trusted());
  }

  @Test
  void notYetValidLeafIsNotYetValid() {
    CertificateVerdict v = verdict(mailLeaf().notYetValid().build().chain());
    assertEquals(Set.of(FindingCode.CERT_NOT_YET_VALID), v.codes());
    assertTrue(message(v, FindingCode.CERT_NOT_YET_VALID).contains("is not valid until "
        + TlsMessages.date(now.plus(TestPki.DAY.multipliedBy(10)))));
  }

  @Test
  void atMovesTheJudgement() {
    // valid today, expired on migration day; and the reverse
    TestPki.Cert c = mailLeaf().expiresIn(Duration.ofDays(60)).build();
    assertEquals(Set.of(), verdict(c.chain()).codes());
    assertEquals(Set.of(FindingCode.CERT_EXPIRED),
        judgeAt(now.plus(Duration.ofDays(61))).judge(MAIL, c.chain()).codes());
    TestPki.Cert future = mailLeaf().notYetValid().build();
    assertEquals(Set.of(), judgeAt(now.plus(Duration.ofDays(20))).judge(MAIL, future.chain())
        .codes());
  }

  @Test
  void expiringWithinWarnDaysWarns() {
    CertificateVerdict v = verdict(mailLeaf().expiresIn(Duration.ofDays(10)).build().chain());
    assertEquals(Set.of(FindingCode.CERT_EXPIRING_SOON), v.codes());
    assertEquals(Severity.WARNING, v.problem(FindingCode.CERT_EXPIRING_SOON).get().severity());
    assertEquals("The certificate of mail.contoso.com (mail.contoso.com) expires on "
        + TlsMessages.date(now.plus(Duration.ofDays(10))) + ", in 10 days.",
        message(v, FindingCode.CERT_EXPIRING_SOON));
    // the boundary: exactly N days left still warns
    assertTrue(verdict(mailLeaf().expiresIn(Duration.ofDays(30)).build().chain())
        .has(FindingCode.CERT_EXPIRING_SOON));
  }

  @Test
  void expiringAfterWarnDaysDoesNot() {
    TestPki.Cert c = mailLeaf().expiresIn(Duration.ofDays(31)).build();
    assertEquals(Set.of(), verdict(c.chain()).codes());
    // and the window is the option's: 45 days makes it warn
    CertificateJudge wide = new CertificateJudge(List.of(pki.root().certificate()), now, 45);
    assertEquals(Set.of(FindingCode.CERT_EXPIRING_SOON), wide.judge(MAIL, c.chain()).codes());
    // an expired certificate is expired, not expiring
    assertEquals(Set.of(FindingCode.CERT_EXPIRED),
        verdict(mailLeaf().expired().build().chain()).codes());
  }

  // ---- trust --------------------------------------------------------------------------------

  @Test
  void selfSignedLeafIsSelfSignedNotAlsoUntrusted() {
    TestPki.Cert c = mailLeaf().selfSigned().build();
    CertificateVerdict v = verdict(c.chain());
    assertEquals(Set.of(FindingCode.CERT_SELF_SIGNED), v.codes());
    assertEquals("The certificate of mail.contoso.com is self-signed (mail.contoso.com) and is"
        + " not a trust anchor.", message(v, FindingCode.CERT_SELF_SIGNED));
    assertTrue(hint(v, FindingCode.CERT_SELF_SIGNED).contains("--trust-store"));
  }

  @Test
  void selfSignedAnchorIsNotSelfSignedFinding() {
    TestPki.Cert c = mailLeaf().selfSigned().build();
    CertificateJudge trusting = new CertificateJudge(
        List.of(pki.root().certificate(), c.certificate()), now, 30);
    CertificateVerdict v = trusting.judge(MAIL, c.chain());
    assertEquals(Set.of(), v.codes());
    assertTrue(v.trust().trusted());
  }

  @Test
  void leafWithoutItsIntermediateIsUntrustedUnknownIssuer() {
    TestPki.Cert c = mailLeaf().build();
    CertificateVerdict v = verdict(List.of(c.certificate()));
    assertEquals(Set.of(FindingCode.CERT_UNTRUSTED), v.codes());
    assertEquals("The certificate of mail.contoso.com is not trusted: its issuer 'Test Issuing CA'"
        + " is not a trust anchor and the server did not send it.",
        message(v, FindingCode.CERT_UNTRUSTED));
    assertTrue(hint(v, FindingCode.CERT_UNTRUSTED).startsWith("Install the intermediate CA"));
    assertEquals(TrustResult.Reason.UNKNOWN_ISSUER, v.trust().reason());
    // near miss: the same leaf with its intermediate is trusted
    assertFalse(verdict(c.chain()).has(FindingCode.CERT_UNTRUSTED));
  }

  @Test
  void intermediateAsAnchorTrustsALeafSentAlone() {
    CertificateJudge j = new CertificateJudge(List.of(pki.intermediate().certificate()), now, 30);
    assertEquals(Set.of(), j.judge(MAIL, List.of(mailLeaf().build().certificate())).codes());
  }

  @Test
  void expiredIntermediateMakesChainUntrusted() {
    TestPki.Cert oldCa = pki.ca("Old Issuing CA").expired().build();
    TestPki.Cert c = mailLeaf().issuer(oldCa)
        .validity(now.minus(TestPki.DAY.multipliedBy(30)), now.plus(TestPki.DAY.multipliedBy(60)))
        .build(); // the leaf's own dates are fine
    CertificateVerdict v = verdict(c.chain());

    assertEquals(Set.of(FindingCode.CERT_UNTRUSTED), v.codes());
    assertEquals(TrustResult.Reason.EXPIRED_INTERMEDIATE, v.trust().reason());
    assertEquals("The certificate of mail.contoso.com is not trusted: the intermediate CA"
        + " 'Old Issuing CA' expired on "
        + TlsMessages.date(now.minus(TestPki.DAY.multipliedBy(10)))
        + ".", message(v, FindingCode.CERT_UNTRUSTED));
    // near miss: judged as of a day when the intermediate was still valid
    assertFalse(judgeAt(now.minus(TestPki.DAY.multipliedBy(20))).judge(MAIL, c.chain())
        .has(FindingCode.CERT_UNTRUSTED));
  }

  @Test
  void expiredAnchorMakesChainUntrusted() {
    TestPki.Cert oldRoot = pki.ca("Old Root CA").selfSigned().expired().build();
    TestPki.Cert inter = pki.ca("Issuing CA 2").issuer(oldRoot).build();
    TestPki.Cert c = mailLeaf().issuer(inter).build();
    CertificateJudge j = new CertificateJudge(List.of(oldRoot.certificate()), now, 30);
    CertificateVerdict v = j.judge(MAIL, c.chain());

    assertEquals(Set.of(FindingCode.CERT_UNTRUSTED), v.codes());
    assertEquals(TrustResult.Reason.EXPIRED_ANCHOR, v.trust().reason());
    assertEquals("The certificate of mail.contoso.com is not trusted: it chains to the trust"
        + " anchor 'Old Root CA', which expired on "
        + TlsMessages.date(now.minus(TestPki.DAY.multipliedBy(10))) + ".",
        message(v, FindingCode.CERT_UNTRUSTED));
  }

  @Test
  void chainToAnUnknownRootIsUntrusted() {
    TestPki.Cert otherRoot = pki.ca("Fabrikam Root CA").selfSigned().build();
    TestPki.Cert c = mailLeaf().issuer(otherRoot).build();
    CertificateVerdict v = verdict(c.chainWithRoot());
    assertEquals(Set.of(FindingCode.CERT_UNTRUSTED), v.codes());
    assertEquals("The certificate of mail.contoso.com is not trusted: the chain ends in"
        + " 'Fabrikam Root CA', which is not a trust anchor.",
        message(v, FindingCode.CERT_UNTRUSTED));
    // near miss: trusting that root (--trust-store) fixes it
    CertificateJudge j = new CertificateJudge(
        List.of(pki.root().certificate(), otherRoot.certificate()), now, 30);
    assertEquals(Set.of(), j.judge(MAIL, c.chainWithRoot()).codes());
  }

  @Test
  void wrongIntermediateWithTheRightNameIsABadSignature() {
    TestPki.Cert impostor = pki.ca("Test Issuing CA").build(); // same name, other key
    TestPki.Cert c = mailLeaf().issuer(impostor).build();
    List<X509Certificate> sent = List.of(c.certificate(), pki.intermediate().certificate());
    CertificateVerdict v = verdict(sent);
    assertEquals(Set.of(FindingCode.CERT_UNTRUSTED), v.codes());
    assertEquals(TrustResult.Reason.BAD_SIGNATURE, v.trust().reason());
    assertEquals("The certificate of mail.contoso.com is not trusted: the signature of"
        + " 'mail.contoso.com' does not verify with the key of 'Test Issuing CA'.",
        message(v, FindingCode.CERT_UNTRUSTED));
  }

  @Test
  void leafSignedByALeafIsUntrustedNotACa() {
    TestPki.Cert notCa = pki.leaf("web.contoso.com").dns("web.contoso.com").build();
    TestPki.Cert c = mailLeaf().issuer(notCa).build();
    CertificateVerdict v = verdict(c.chain());
    assertEquals(TrustResult.Reason.NOT_A_CA, v.trust().reason());
    assertEquals("The certificate of mail.contoso.com is not trusted: 'web.contoso.com', which"
        + " signed 'mail.contoso.com', is not a CA certificate.",
        message(v, FindingCode.CERT_UNTRUSTED));
  }

  @Test
  void noAnchorsMeansUntrusted() {
    CertificateJudge j = new CertificateJudge(List.of(), now, 30);
    CertificateVerdict v = j.judge(MAIL, mailLeaf().build().chain());
    assertEquals(Set.of(FindingCode.CERT_UNTRUSTED), v.codes());
    assertTrue(message(v, FindingCode.CERT_UNTRUSTED).endsWith(
        "there are no trust anchors to check it against."));
  }

  @Test
  void anchorsComeFromAKeyStoreToo() throws Exception {
    ChainValidator v = ChainValidator.fromKeyStore(TestPki.trustStore(pki.root()));
    assertEquals(List.of(pki.root().certificate()), v.anchors());
    CertificateJudge j = new CertificateJudge(v, now, 30);
    assertEquals(Set.of(), j.judge(MAIL, mailLeaf().build().chain()).codes());
  }

  // ---- strength -----------------------------------------------------------------------------

  @Test
  void rsa1024IsWeak() {
    CertificateVerdict v = verdict(mailLeaf().rsa(1024).build().chain());
    assertEquals(Set.of(FindingCode.CERT_WEAK_KEY), v.codes());
    assertEquals("The chain of mail.contoso.com has a weak key: RSA 1024 bits in"
        + " 'mail.contoso.com'.", message(v, FindingCode.CERT_WEAK_KEY));
    assertEquals(Severity.ERROR, v.problem(FindingCode.CERT_WEAK_KEY).get().severity());
  }

  @Test
  void rsa2048IsNotWeak() {
    assertFalse(verdict(mailLeaf().rsa(2048).build().chain()).has(FindingCode.CERT_WEAK_KEY));
  }

  @Test
  void ec256IsNotWeak() {
    assertEquals(Set.of(), verdict(mailLeaf().ec(256).build().chain()).codes());
  }

  @Test
  void weakIntermediateKeyIsWeak() {
    TestPki.Cert weakCa = pki.ca("Small Key CA").rsa(1024).build();
    CertificateVerdict v = verdict(mailLeaf().issuer(weakCa).build().chain());
    assertEquals(Set.of(FindingCode.CERT_WEAK_KEY), v.codes());
    assertTrue(message(v, FindingCode.CERT_WEAK_KEY).contains("RSA 1024 bits in 'Small Key CA'"));
  }

  @Test
  void sha1LeafIsWeakSignature() {
    CertificateVerdict v = verdict(mailLeaf().sha1().build().chain());
    assertEquals(Set.of(FindingCode.CERT_WEAK_SIGNATURE), v.codes());
    assertEquals(Severity.WARNING, v.problem(FindingCode.CERT_WEAK_SIGNATURE).get().severity());
    assertEquals("The chain of mail.contoso.com has a weak signature: SHA1withRSA on"
        + " 'mail.contoso.com'.", message(v, FindingCode.CERT_WEAK_SIGNATURE));
  }

  @Test
  void md5IsWeakSignatureAndUntrusted() {
    // the JDK's own PKIX refuses MD5 (jdk.certpath.disabledAlgorithms): untrusted as well
    CertificateVerdict v = verdict(mailLeaf().signature(SignatureAlgorithmIdentifier.MD5_WITH_RSA)
        .build().chain());
    assertEquals(Set.of(FindingCode.CERT_WEAK_SIGNATURE, FindingCode.CERT_UNTRUSTED), v.codes());
    assertTrue(message(v, FindingCode.CERT_WEAK_SIGNATURE).contains("MD5withRSA"));
    assertEquals(TrustResult.Reason.DISABLED_ALGORITHM, v.trust().reason());
    assertEquals("The certificate of mail.contoso.com is not trusted: the MD5withRSA signature of"
        + " 'mail.contoso.com' is refused by certificate path validation.",
        message(v, FindingCode.CERT_UNTRUSTED));
  }

  @Test
  void sha1OnAnchorIsNotWeakSignature() {
    TestPki.Cert sha1Root = pki.ca("SHA-1 Root CA").selfSigned().sha1().build();
    TestPki.Cert inter = pki.ca("SHA-256 Issuing CA").issuer(sha1Root).build();
    TestPki.Cert c = mailLeaf().issuer(inter).build();
    CertificateJudge j = new CertificateJudge(List.of(sha1Root.certificate()), now, 30);
    // the server even sends the root: its own SHA-1 signature does not count
    assertEquals(Set.of(), j.judge(MAIL, c.chainWithRoot()).codes());
    // near miss: a SHA-1 signature on the intermediate (made by the anchor's key) does
    TestPki.Cert sha1Inter = pki.ca("SHA-1 Issuing CA").issuer(sha1Root).sha1().build();
    CertificateVerdict v = j.judge(MAIL, mailLeaf().issuer(sha1Inter).build().chainWithRoot());
    assertEquals(Set.of(FindingCode.CERT_WEAK_SIGNATURE), v.codes());
    assertEquals("The chain of mail.contoso.com has a weak signature: SHA1withRSA on"
        + " 'SHA-1 Issuing CA'.", message(v, FindingCode.CERT_WEAK_SIGNATURE));
  }

  // ---- unavailable, legacy, findings -----------------------------------------------------------

  @Test
  void offlineIsUnavailableSayingNothingWasFetched() {
    CertificateVerdict v = judge().judge(FetchResult.offline(MAIL));
    assertEquals(Set.of(FindingCode.CERT_UNAVAILABLE), v.codes());
    assertEquals("No certificate for mail.contoso.com: nothing was fetched (--offline).",
        message(v, FindingCode.CERT_UNAVAILABLE));
    assertEquals("Give the certificate with --cert mail.contoso.com=FILE, or run without"
        + " --offline.", hint(v, FindingCode.CERT_UNAVAILABLE));
    assertEquals(null, v.leaf());
  }

  @Test
  void fileChainIsJudgedLikeAFetchedOne() {
    TestPki.Cert c = mailLeaf().expired().build();
    CertificateVerdict v = judge().judge(FetchResult.fromFile(MAIL, Path.of("mail.pem"),
        c.chain()));
    assertEquals(Set.of(FindingCode.CERT_EXPIRED), v.codes());
  }

  @Test
  void legacyOnlyIsAWarningBesideTheCertificateFindings() {
    TestPki.Cert c = mailLeaf().build();
    FetchResult r = FetchResult.legacy(MAIL, c.chain(), "TLSv1", "the server refused the"
        + " handshake (alert protocol_version)", "10.0.0.5:443");
    CertificateVerdict v = judge().judge(r);
    assertEquals(Set.of(FindingCode.TLS_LEGACY_ONLY), v.codes());
    assertEquals("mail.contoso.com completes a TLS handshake only with TLSv1; TLS 1.2 and 1.3 fail"
        + " (the server refused the handshake (alert protocol_version)).",
        message(v, FindingCode.TLS_LEGACY_ONLY));
    assertEquals(Severity.WARNING, v.problem(FindingCode.TLS_LEGACY_ONLY).get().severity());
  }

  @Test
  void problemsComeInSpecOrderAndBecomeFindings() {
    TestPki.Cert c = pki.leaf("owa.contoso.com").dns("owa.contoso.com").rsa(1024).sha1()
        .expired().build();
    CertificateVerdict v = verdict(List.of(c.certificate()));
    List<FindingCode> order = new ArrayList<>();
    v.problems().forEach(p -> order.add(p.code()));
    assertEquals(List.of(FindingCode.CERT_NAME_MISMATCH, FindingCode.CERT_EXPIRED,
        FindingCode.CERT_UNTRUSTED, FindingCode.CERT_WEAK_KEY, FindingCode.CERT_WEAK_SIGNATURE),
        order);
    assertTrue(v.hasError());

    String url = "https://mail.contoso.com/autodiscover/autodiscover.xml";
    List<Finding> f = v.findings("CN=EX01,CN=Autodiscover", url);
    assertEquals(5, f.size());
    assertEquals(FindingCode.CERT_NAME_MISMATCH, f.get(0).code());
    assertEquals(Severity.ERROR, f.get(0).severity());
    assertEquals("CN=EX01,CN=Autodiscover", f.get(0).dn());
    assertEquals(url, f.get(0).url());
    assertEquals(v.problems().get(0).message(), f.get(0).message());
  }

  @Test
  void nonDefaultPortIsNamedInMessages() {
    CertificateVerdict v = judge().judge(Endpoint.of("mail.contoso.com", 8443),
        mailLeaf().expired().build().chain());
    assertTrue(message(v, FindingCode.CERT_EXPIRED).startsWith(
        "The certificate of mail.contoso.com:8443 ("));
  }
}
