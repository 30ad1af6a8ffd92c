package org.adscp.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adscp.scp.FindingCode;

/**
 * Judges the chain of one host as of an instant ({@code --at}): the certificate codes of spec §5.
 *
 * <ul>
 *   <li>{@code CERT_UNAVAILABLE}: nothing to judge (refused, timed out, handshake failed, …).
 *   <li>{@code CERT_NAME_MISMATCH} / {@code CERT_CN_ONLY}: {@link HostnameMatcher} on the leaf.
 *   <li>{@code CERT_EXPIRED} / {@code CERT_NOT_YET_VALID} / {@code CERT_EXPIRING_SOON}: the
 *       leaf's dates against {@code at} and the warning days (expiring when {@code notAfter} is
 *       at most that many days after {@code at}).
 *   <li>{@code CERT_SELF_SIGNED}: the leaf is self-signed and not an anchor. It then replaces
 *       {@code CERT_UNTRUSTED}, which would only say the same again.
 *   <li>{@code CERT_UNTRUSTED}: {@link ChainValidator} found no valid path, with its reason.
 *   <li>{@code CERT_WEAK_KEY} (RSA/DSA under 2048 bits, EC under 256) and
 *       {@code CERT_WEAK_SIGNATURE} (SHA-1, MD5, MD4, MD2): on every presented certificate
 *       except trust anchors themselves.
 *   <li>{@code TLS_LEGACY_ONLY}: the server answered only TLS 1.0/1.1; its chain is judged all
 *       the same.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class CertificateJudge {

  /** The spec's default {@code --expiry-warn-days}. */
  public static final int DEFAULT_EXPIRY_WARN_DAYS = 30;

  private final ChainValidator validator;
  private final Instant at;
  private final int expiryWarnDays;

  /** A judge trusting {@code anchors}, judging as of {@code at}. */
  public CertificateJudge(Collection<X509Certificate> anchors, Instant at, int expiryWarnDays) {
    this(new ChainValidator(anchors), at, expiryWarnDays);
  }

  public CertificateJudge(ChainValidator validator, Instant at, int expiryWarnDays) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.at = Objects.requireNonNull(at, "at");
    if (expiryWarnDays < 0) {
      throw new IllegalArgumentException("expiryWarnDays must not be negative: " + expiryWarnDays);
    }
    this.expiryWarnDays = expiryWarnDays;
  }

  public Instant at() {
    return at;
  }

  public int expiryWarnDays() {
    return expiryWarnDays;
  }

  /** Judges every result of a run, keeping their order. */
  public Map<Endpoint, CertificateVerdict> judgeAll(Map<Endpoint, FetchResult> results) {
    Map<Endpoint, CertificateVerdict> out = new LinkedHashMap<>();
    results.forEach((e, r) -> out.put(e, judge(r)));
    return out;
  }

  /** Judges a chain held in hand (tests, {@code fix --uri} checks), as if read from a file. */
  public CertificateVerdict judge(Endpoint endpoint, List<X509Certificate> chain) {
    return judge(new FetchResult(endpoint, FetchResult.Status.FROM_FILE, chain, null, false, null,
        null));
  }

  /** Judges what was had for one endpoint; the host matched is the endpoint's host. */
  public CertificateVerdict judge(FetchResult fetched) {
    Endpoint endpoint = fetched.endpoint();
    List<CertificateProblem> problems = new ArrayList<>();
    if (!fetched.available()) {
      problems.add(CertificateProblem.of(FindingCode.CERT_UNAVAILABLE,
          TlsMessages.unavailable(fetched), TlsMessages.unavailableHint(fetched)));
      return new CertificateVerdict(endpoint, fetched, problems, null, List.of(), null, null);
    }
    List<X509Certificate> chain = fetched.chain();
    List<CertificateFacts> facts = new ArrayList<>();
    for (X509Certificate c : chain) {
      facts.add(CertificateFacts.of(c));
    }
    CertificateFacts leaf = facts.get(0);

    HostnameMatch match = HostnameMatcher.match(endpoint.host(), leaf);
    if (match.kind() == HostnameMatch.Kind.NONE) {
      problems.add(CertificateProblem.of(FindingCode.CERT_NAME_MISMATCH,
          TlsMessages.nameMismatch(endpoint, match), TlsMessages.nameMismatchHint(match)));
    } else if (match.kind() == HostnameMatch.Kind.CN) {
      problems.add(CertificateProblem.of(FindingCode.CERT_CN_ONLY,
          TlsMessages.cnOnly(endpoint, match), TlsMessages.cnOnlyHint(match)));
    }

    if (at.isAfter(leaf.notAfter())) {
      problems.add(CertificateProblem.of(FindingCode.CERT_EXPIRED,
          TlsMessages.expired(endpoint, leaf), TlsMessages.expiredHint(endpoint)));
    } else if (at.isBefore(leaf.notBefore())) {
      problems.add(CertificateProblem.of(FindingCode.CERT_NOT_YET_VALID,
          TlsMessages.notYetValid(endpoint, leaf), TlsMessages.notYetValidHint()));
    } else if (!leaf.notAfter().isAfter(at.plus(Duration.ofDays(expiryWarnDays)))) {
      long days = Duration.between(at, leaf.notAfter()).toDays();
      problems.add(CertificateProblem.of(FindingCode.CERT_EXPIRING_SOON,
          TlsMessages.expiringSoon(endpoint, leaf, days), TlsMessages.expiringSoonHint(endpoint)));
    }

    TrustResult trust = validator.validate(chain, at);
    if (!trust.trusted()) {
      if (trust.reason() == TrustResult.Reason.SELF_SIGNED) {
        problems.add(CertificateProblem.of(FindingCode.CERT_SELF_SIGNED,
            TlsMessages.selfSigned(endpoint, leaf), TlsMessages.selfSignedHint()));
      } else {
        problems.add(CertificateProblem.of(FindingCode.CERT_UNTRUSTED,
            TlsMessages.untrusted(endpoint, trust), TlsMessages.untrustedHint(trust)));
      }
    }

    List<CertificateFacts> weakKeys = new ArrayList<>();
    List<CertificateFacts> weakSignatures = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      if (validator.isAnchor(chain.get(i))) {
        continue; // an anchor's own key and signature are the trust store's business
      }
      if (facts.get(i).weakKey()) {
        weakKeys.add(facts.get(i));
      }
      if (facts.get(i).weakSignature()) {
        weakSignatures.add(facts.get(i));
      }
    }
    if (!weakKeys.isEmpty()) {
      problems.add(CertificateProblem.of(FindingCode.CERT_WEAK_KEY,
          TlsMessages.weakKey(endpoint, weakKeys), TlsMessages.weakKeyHint()));
    }
    if (!weakSignatures.isEmpty()) {
      problems.add(CertificateProblem.of(FindingCode.CERT_WEAK_SIGNATURE,
          TlsMessages.weakSignature(endpoint, weakSignatures), TlsMessages.weakSignatureHint()));
    }

    if (fetched.legacyOnly()) {
      problems.add(CertificateProblem.of(FindingCode.TLS_LEGACY_ONLY,
          TlsMessages.legacyOnly(endpoint, fetched), TlsMessages.legacyOnlyHint()));
    }
    return new CertificateVerdict(endpoint, fetched, problems, leaf, facts, match, trust);
  }
}
