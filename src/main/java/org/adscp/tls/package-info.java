/**
 * The certificate half of adscp: what each Autodiscover host presents, and what is wrong with it
 * (spec §5, the {@code CERT_*} and {@code TLS_LEGACY_ONLY} codes).
 *
 * <p>The flow of a run:
 *
 * <ol>
 *   <li>{@link org.adscp.tls.Endpoint#of} for each SCP URL's host and port; distinct endpoints are
 *       fetched once.
 *   <li>{@link org.adscp.tls.CertificateCollector#collect}: {@code --cert} files first
 *       ({@link org.adscp.tls.CertificateOverrides}), nothing with {@code --offline}, the rest
 *       through {@link org.adscp.tls.ChainFetcher} in parallel, each bounded by {@code --timeout},
 *       with {@code --resolve} ({@link org.adscp.tls.CollectorOptions}).
 *   <li>{@link org.adscp.tls.CertificateJudge#judgeAll} as of {@code --at}, with the trust anchors
 *       and {@code --expiry-warn-days}: a {@link org.adscp.tls.CertificateVerdict} per endpoint,
 *       whose {@link org.adscp.tls.CertificateProblem}s become findings on every SCP using it.
 * </ol>
 *
 * <p>Hostname matching is our own ({@link org.adscp.tls.HostnameMatcher}), because the JDK's and
 * UnboundID's are more lenient than RFC 9525. TLS 1.0/1.1 are detected without touching the
 * JVM-global {@code jdk.tls.disabledAlgorithms}: see {@code LegacyTlsProbe}. Every sentence a
 * person reads is in {@link org.adscp.tls.TlsMessages}.
 *
 * <p>Depends on the JDK, UnboundID (DN parsing) and {@code org.adscp.scp}; never on picocli.
 */
package org.adscp.tls;
