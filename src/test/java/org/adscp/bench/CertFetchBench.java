package org.adscp.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adscp.tls.CertificateCollector;
import org.adscp.tls.ChainFetcher;
import org.adscp.tls.CollectorOptions;
import org.adscp.tls.Endpoint;
import org.adscp.tls.FetchResult;
import org.adscp.testing.TestPki;
import org.adscp.testing.TlsTestServer;

/**
 * Starts N TLS servers on loopback that each wait D ms before answering the handshake, then
 * fetches every chain with {@link CertificateCollector}: once in parallel (the default pool,
 * min(64, N)) and once sequentially (concurrency 1), in the same run, and prints both wall times
 * and their ratio. Run through {@code scripts/bench-cert-fetch}.
 *
 * <p>Arguments: {@code [servers] [delayMs] [pool]}, default 50, 200 and the collector's default
 * pool, min(64, servers).
 */
public final class CertFetchBench {

  private CertFetchBench() {}

  public static void main(String[] args) throws Exception {
    int servers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    long delayMs = args.length > 1 ? Long.parseLong(args[1]) : 200;
    int pool = args.length > 2 ? Integer.parseInt(args[2])
        : Math.min(CollectorOptions.DEFAULT_MAX_CONCURRENCY, servers);

    TestPki pki = TestPki.create();
    TestPki.Cert leaf = pki.leaf("*.bench.test").dns("*.bench.test").build();
    List<TlsTestServer> running = new ArrayList<>();
    try {
      List<Endpoint> endpoints = new ArrayList<>();
      CollectorOptions options = CollectorOptions.defaults().withMaxConcurrency(pool);
      for (int i = 0; i < servers; i++) {
        TlsTestServer s = TlsTestServer.builder().chain(leaf)
            .handshakeDelay(Duration.ofMillis(delayMs)).start();
        running.add(s);
        String host = "host" + i + ".bench.test";
        endpoints.add(Endpoint.of(host, s.port()));
        options = options.withResolve(host, s.address());
      }
      ChainFetcher fetcher = new ChainFetcher(Duration.ofSeconds(10));

      // warm-up, not counted: class loading and JIT of the TLS stack
      long w = System.nanoTime();
      check(new CertificateCollector(fetcher, options).collect(endpoints.subList(0, 2)));
      double warmMs = (System.nanoTime() - w) / 1e6;

      long cpu0 = processCpuNanos();
      long p = System.nanoTime();
      check(new CertificateCollector(fetcher, options).collect(endpoints));
      double parallelMs = (System.nanoTime() - p) / 1e6;
      double parallelCpuMs = (processCpuNanos() - cpu0) / 1e6;

      // the same again in the now warm JVM: what a long-running process would see
      long cpu1 = processCpuNanos();
      long p2 = System.nanoTime();
      check(new CertificateCollector(fetcher, options).collect(endpoints));
      double warmParallelMs = (System.nanoTime() - p2) / 1e6;
      double warmParallelCpuMs = (processCpuNanos() - cpu1) / 1e6;

      long q = System.nanoTime();
      check(new CertificateCollector(fetcher, options.withMaxConcurrency(1)).collect(endpoints));
      double sequentialMs = (System.nanoTime() - q) / 1e6;

      System.out.printf(Locale.ROOT, "servers: %d on 127.0.0.1, each waits %d ms before its"
          + " handshake%n", servers, delayMs);
      System.out.printf(Locale.ROOT, "machine: %d cores, Java %s (%s)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"));
      System.out.printf(Locale.ROOT, "warm-up (2 hosts, not counted): %.0f ms%n", warmMs);
      System.out.printf(Locale.ROOT, "parallel   (pool of %d): %7.0f ms  (CPU of the whole process,"
          + " servers included: %.0f ms)%n", pool, parallelMs, parallelCpuMs);
      System.out.printf(Locale.ROOT, "parallel again, warm JVM: %5.0f ms  (CPU: %.0f ms)%n",
          warmParallelMs, warmParallelCpuMs);
      System.out.printf(Locale.ROOT, "sequential (pool of 1):  %7.0f ms%n", sequentialMs);
      System.out.printf(Locale.ROOT, "ratio sequential/parallel: %.1fx%n",
          sequentialMs / parallelMs);
    } finally {
      running.forEach(TlsTestServer::close);
    }
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
  }

  private static void check(Map<Endpoint, FetchResult> results) {
    for (FetchResult r : results.values()) {
      if (r.status() != FetchResult.Status.FETCHED) {
        throw new IllegalStateException(r.endpoint() + ": " + r.status() + " " + r.detail());
      }
    }
  }
}
