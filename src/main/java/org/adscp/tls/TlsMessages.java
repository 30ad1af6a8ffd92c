package org.adscp.tls;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every sentence of the certificate checks a person reads, in one place, so that they can move
 * into the project's message catalogue later. Messages are one line and name the host; hints say
 * what to do.
 */
public final class TlsMessages {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");
  private static final int MAX_NAMES = 10;

  private TlsMessages() {}

  // ---- helpers ------------------------------------------------------------------------------

  /** The host as people write it: no port when it is 443. */
  static String traceFetching(int hosts) {
    return "certificates of " + hosts + (hosts == 1 ? " host" : " hosts") + ", fetched in parallel";
  }

  static String where(Endpoint e) {
    String host = e.host().indexOf(':') >= 0 ? "[" + e.host() + "]" : e.host();
    return e.port() == 443 ? host : host + ":" + e.port();
  }

  static String date(Instant i) {
    return DATE.format(i);
  }

  static String quote(String name) {
    return "'" + name + "'";
  }

  static String names(List<String> names) {
    if (names.isEmpty()) {
      return "no host name at all";
    }
    if (names.size() <= MAX_NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, MAX_NAMES)) + " and " + (names.size() - MAX_NAMES)
        + " more";
  }

  // ---- fetching -----------------------------------------------------------------------------

  static String phaseLookup(String host) {
    return "looking up " + host;
  }

  static String phaseConnect(String address) {
    return "connecting to " + address;
  }

  static String phaseHandshake() {
    return "during the TLS handshake";
  }

  static String noCertificateSent() {
    return "the server sent no certificate";
  }

  static String timedOut() {
    return "no answer within the timeout";
  }

  static String failedAfterCertificate(String reason) {
    return "the handshake failed after the server's certificate: " + reason;
  }

  static String handshakeFailedOffered(String reason, String version) {
    return reason + "; it offers only " + version;
  }

  /** The reason of a failed handshake in words, from the JDK's exception. */
  static String describeHandshakeFailure(Throwable t) {
    String m = t.getMessage() == null ? "" : t.getMessage();
    if (m.contains("Unsupported or unrecognized SSL message")) {
      return "the server does not speak TLS on this port";
    }
    Matcher alert = ALERT.matcher(m);
    if (alert.find()) {
      return "the server refused the handshake (alert " + alert.group(1) + ")";
    }
    if (t instanceof EOFException || m.contains("Remote host terminated the handshake")
        || m.contains("Connection reset") || m.contains("Broken pipe")) {
      return "the server closed the connection during the handshake";
    }
    if (m.contains("No appropriate protocol")) {
      return "no TLS protocol version in common";
    }
    return m.isEmpty() ? t.getClass().getSimpleName() : m;
  }

  // ---- CERT_UNAVAILABLE ---------------------------------------------------------------------

  static String unavailable(FetchResult r) {
    String w = where(r.endpoint());
    String d = r.detail();
    switch (r.status()) {
      case OFFLINE:
        return "No certificate for " + w + ": nothing was fetched (--offline).";
      case REFUSED:
        return "No certificate from " + w + ": the connection to " + d + " was refused.";
      case TIMED_OUT:
        return "No certificate from " + w + ": timed out " + d + ".";
      case UNKNOWN_HOST:
        return "No certificate from " + w + ": the name " + d + " does not resolve.";
      case UNREACHABLE:
        return "No certificate from " + w + ": " + d + " cannot be reached (no route).";
      case HANDSHAKE_FAILED:
        return "No certificate from " + w + ": the TLS handshake failed (" + d + ").";
      default:
        return "No certificate from " + w + ".";
    }
  }

  static String unavailableHint(FetchResult r) {
    Endpoint e = r.endpoint();
    String saved = "judge a saved copy with --cert " + e.host() + "=FILE";
    switch (r.status()) {
      case OFFLINE:
        return "Give the certificate with --cert " + e.host() + "=FILE, or run without --offline.";
      case REFUSED:
        return "Check that the server accepts HTTPS on port " + e.port()
            + " (IIS binding, load balancer, firewall), or " + saved + ".";
      case TIMED_OUT:
        return "Check that " + e.host() + " is reachable on port " + e.port()
            + " from here (firewall, proxy, a server that accepts but never answers), raise"
            + " --timeout, or " + saved + ".";
      case UNKNOWN_HOST:
        return "Check the host name in the SCP and its DNS record; to test a server before the"
            + " DNS cut-over use --resolve " + e.host() + "=ADDRESS.";
      case UNREACHABLE:
        return "Check the route to " + e.host() + " from here, or " + saved + ".";
      default:
        return "Check the server's HTTPS binding and certificate (Exchange: Get-ExchangeCertificate"
            + " and the IIS binding of the Default Web Site), or " + saved + ".";
    }
  }

  // ---- names ----------------------------------------------------------------------------------

  static String nameMismatch(Endpoint e, HostnameMatch m) {
    StringBuilder b = new StringBuilder("The certificate of ").append(where(e))
        .append(" does not cover ").append(e.host()).append(": it names ")
        .append(names(m.allNames()));
    if (m.commonNameIgnored()) {
      b.append(" (its subject CN ").append(m.commonName())
          .append(" matches, but the CN does not count when there are DNS names)");
    }
    if (e.isIpLiteral()) {
      b.append("; an IP address is covered only by an IP address name");
    }
    return b.append('.').toString();
  }

  static String nameMismatchHint(HostnameMatch m) {
    List<String> serving = m.servingNames();
    if (serving.isEmpty()) {
      return "Get a certificate whose subject alternative names include " + m.host() + ".";
    }
    String first = serving.get(0);
    String also = serving.size() > 1 ? " (or " + serving.get(1) + ")" : "";
    return "Point the SCP at " + first + also + ", which the certificate covers, or get a"
        + " certificate that names " + m.host() + ".";
  }

  static String cnOnly(Endpoint e, HostnameMatch m) {
    return "The certificate of " + where(e) + " names " + m.matchedName()
        + " only in its subject CN; it has no DNS subject alternative name.";
  }

  static String cnOnlyHint(HostnameMatch m) {
    return "Outlook on Windows accepts this, but RFC 9525 clients (current browsers, Outlook for"
        + " Mac and mobile, Java) refuse it: reissue the certificate with " + m.host()
        + " as a DNS name in its subject alternative names.";
  }

  // ---- dates ----------------------------------------------------------------------------------

  static String expired(Endpoint e, CertificateFacts leaf) {
    return "The certificate of " + where(e) + " (" + leaf.displayName() + ") expired on "
        + date(leaf.notAfter()) + ".";
  }

  static String expiredHint(Endpoint e) {
    return "Renew it and bind the new certificate on every server behind " + e.host()
        + " (Exchange: Enable-ExchangeCertificate -Services IIS).";
  }

  static String notYetValid(Endpoint e, CertificateFacts leaf) {
    return "The certificate of " + where(e) + " (" + leaf.displayName() + ") is not valid until "
        + date(leaf.notBefore()) + ".";
  }

  static String notYetValidHint() {
    return "Bind a certificate that is valid now, or check the issuing clock; --at judges it as"
        + " of a later date.";
  }

  static String expiringSoon(Endpoint e, CertificateFacts leaf, long days) {
    String in = days < 1 ? "within a day" : "in " + days + (days == 1 ? " day" : " days");
    return "The certificate of " + where(e) + " (" + leaf.displayName() + ") expires on "
        + date(leaf.notAfter()) + ", " + in + ".";
  }

  static String expiringSoonHint(Endpoint e) {
    return "Renew it before then and bind the new certificate on every server behind " + e.host()
        + ".";
  }

  // ---- trust ----------------------------------------------------------------------------------

  static String selfSigned(Endpoint e, CertificateFacts leaf) {
    return "The certificate of " + where(e) + " is self-signed (" + leaf.displayName()
        + ") and is not a trust anchor.";
  }

  static String selfSignedHint() {
    return "Replace it with a certificate from a CA the clients trust (a public CA or your"
        + " enterprise CA); if this one is meant to be trusted, give it with --trust-store.";
  }

  static String untrusted(Endpoint e, TrustResult t) {
    return "The certificate of " + where(e) + " is not trusted: " + untrustedReason(t) + ".";
  }

  static String untrustedReason(TrustResult t) {
    switch (t.reason()) {
      case UNKNOWN_ISSUER:
        return "its issuer " + quote(t.related()) + " is not a trust anchor and the server did"
            + " not send it";
      case UNTRUSTED_ROOT:
        return "the chain ends in " + quote(t.subject()) + ", which is not a trust anchor";
      case EXPIRED_INTERMEDIATE:
        return "the intermediate CA " + quote(t.subject()) + " expired on " + date(t.when());
      case INTERMEDIATE_NOT_YET_VALID:
        return "the intermediate CA " + quote(t.subject()) + " is not valid until "
            + date(t.when());
      case EXPIRED_ANCHOR:
        return "it chains to the trust anchor " + quote(t.related()) + ", which expired on "
            + date(t.when());
      case ANCHOR_NOT_YET_VALID:
        return "it chains to the trust anchor " + quote(t.related()) + ", which is not valid"
            + " until " + date(t.when());
      case BAD_SIGNATURE:
        return "the signature of " + quote(t.subject()) + " does not verify with the key of "
            + quote(t.related());
      case NOT_A_CA:
        return quote(t.related()) + ", which signed " + quote(t.subject())
            + ", is not a CA certificate";
      case NO_ANCHORS:
        return "there are no trust anchors to check it against";
      case DISABLED_ALGORITHM:
        return "the " + t.detail() + " of " + quote(t.subject())
            + " is refused by certificate path validation";
      case SELF_SIGNED:
        return quote(t.subject()) + " is self-signed and not a trust anchor";
      default:
        return "no valid certification path to a trust anchor (" + t.detail() + ")";
    }
  }

  static String untrustedHint(TrustResult t) {
    switch (t.reason()) {
      case UNKNOWN_ISSUER:
        return "Install the intermediate CA certificates on the server so that it sends the whole"
            + " chain (Windows clients may fetch a missing one, others fail); if "
            + quote(t.related()) + " is your enterprise CA, give it with --trust-store.";
      case UNTRUSTED_ROOT:
        return "If " + quote(t.subject()) + " is your enterprise root CA, give it with"
            + " --trust-store (clients need it too, e.g. by Group Policy); otherwise use a"
            + " certificate from a trusted CA.";
      case EXPIRED_INTERMEDIATE:
      case INTERMEDIATE_NOT_YET_VALID:
        return "Install the CA's current intermediate certificate on the server in place of "
            + quote(t.subject()) + ", or reissue the certificate.";
      case EXPIRED_ANCHOR:
      case ANCHOR_NOT_YET_VALID:
        return "Reissue the certificate under a current root, or install the CA's cross-signed"
            + " intermediate on the server.";
      case BAD_SIGNATURE:
        return "The server sends the wrong issuer certificate (same name, other key): install the"
            + " intermediate that really signed " + quote(t.subject()) + ".";
      case NOT_A_CA:
        return "Use a certificate issued by a CA; " + quote(t.related())
            + " is an end-entity certificate and cannot sign others.";
      case NO_ANCHORS:
        return "Give the CA with --trust-store, or drop --no-default-trust.";
      case DISABLED_ALGORITHM:
        return "Reissue " + quote(t.subject()) + " with a SHA-256 signature and a key of at least"
            + " 2048 bits (RSA) or 256 bits (EC).";
      default:
        return "Check the chain the server sends (all intermediates, in order) against the CA's"
            + " published chain.";
    }
  }

  // ---- strength -------------------------------------------------------------------------------

  static String weakKey(Endpoint e, List<CertificateFacts> weak) {
    StringBuilder b = new StringBuilder("The chain of ").append(where(e))
        .append(" has a weak key: ");
    for (int i = 0; i < weak.size(); i++) {
      CertificateFacts f = weak.get(i);
      if (i > 0) {
        b.append(", ");
      }
      b.append(f.keyAlgorithm()).append(' ').append(f.keySize()).append(" bits in ")
          .append(quote(f.displayName()));
    }
    return b.append('.').toString();
  }

  static String weakKeyHint() {
    return "Reissue with an RSA key of at least 2048 bits or an EC key of at least 256 bits.";
  }

  static String weakSignature(Endpoint e, List<CertificateFacts> weak) {
    StringBuilder b = new StringBuilder("The chain of ").append(where(e))
        .append(" has a weak signature: ");
    for (int i = 0; i < weak.size(); i++) {
      CertificateFacts f = weak.get(i);
      if (i > 0) {
        b.append(", ");
      }
      b.append(f.signatureAlgorithm()).append(" on ").append(quote(f.displayName()));
    }
    return b.append('.').toString();
  }

  static String weakSignatureHint() {
    return "Reissue with a SHA-256 (or stronger) signature; current clients refuse SHA-1 and MD5"
        + " signatures from public CAs.";
  }

  // ---- protocol -------------------------------------------------------------------------------

  static String legacyOnly(Endpoint e, FetchResult r) {
    return where(e) + " completes a TLS handshake only with " + r.protocol()
        + "; TLS 1.2 and 1.3 fail (" + r.detail() + ").";
  }

  static String legacyOnlyHint() {
    return "Enable TLS 1.2 on the server (on Windows: the SCHANNEL protocol settings, and"
        + " SchUseStrongCrypto for .NET); clients that require TLS 1.2 cannot connect.";
  }

  // ---- options and files ----------------------------------------------------------------------

  static String certFileMissing(Path file) {
    return "cannot read certificate file " + file + ": no such file";
  }

  static String certFileUnreadable(Path file, IOException e) {
    return "cannot read certificate file " + file + ": " + e.getMessage();
  }

  static String certFileEmpty(Path file) {
    return "certificate file " + file + " holds no certificate";
  }

  static String certFileMalformed(Path file, Exception e) {
    return "certificate file " + file + " is not a PEM or DER certificate (" + e.getMessage()
        + ")";
  }

  static String certBoundTwice(String host) {
    return "--cert is given twice for host " + host;
  }

  static String certFallbackTwice(Path first, Path second) {
    return "--cert FILE without HOST= is given twice (" + first + ", " + second
        + "); bind them to hosts with --cert HOST=FILE";
  }

  static String badResolve(String value) {
    return "--resolve wants HOST=ADDRESS, not '" + value + "'";
  }
}
