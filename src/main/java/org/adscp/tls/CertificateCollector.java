package org.adscp.tls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gets the chain of every distinct host:port of a run, once each however many SCPs use it:
 * from a {@code --cert} file when one applies, nothing with {@code --offline}, else fetched live,
 * concurrently on a fixed pool of min(max concurrency, hosts) threads. Every connect and handshake
 * is bounded by the fetcher's timeout, so a slow or dead host costs its own timeout, never the sum
 * of them.
 */
public final class CertificateCollector {

  /** Slack on top of the fetcher's own bounds before a fetch is given up as hung. */
  private static final Duration SLACK = Duration.ofSeconds(5);

  private final ChainFetcher fetcher;
  private final CollectorOptions options;

  public CertificateCollector(ChainFetcher fetcher, CollectorOptions options) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * The chains of {@code endpoints}, one entry per distinct endpoint, in first-seen order.
   * Never throws for a host's failure: that is in its {@link FetchResult}.
   */
  public Map<Endpoint, FetchResult> collect(Collection<Endpoint> endpoints) {
    Map<Endpoint, FetchResult> results = new LinkedHashMap<>();
    List<Endpoint> live = new ArrayList<>();
    for (Endpoint e : new LinkedHashSet<>(endpoints)) {
      Optional<CertificateOverrides.Source> file = options.certificates().forHost(e.host());
      if (file.isPresent()) {
        results.put(e, FetchResult.fromFile(e, file.get().file(), file.get().chain()));
      } else if (options.offline()) {
        results.put(e, FetchResult.offline(e));
      } else {
        results.put(e, null); // keeps the order; filled below
        live.add(e);
      }
    }
    if (live.isEmpty()) {
      return results;
    }
    int threads = Math.min(options.maxConcurrency(), live.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, ChainFetcher.daemonThreads("adscp-fetch-"));
    try {
      Map<Endpoint, Future<FetchResult>> futures = new LinkedHashMap<>();
      for (Endpoint e : live) {
        String address = options.resolveFor(e.host()).orElse(null);
        futures.put(e, pool.submit(() -> fetcher.fetch(e, address)));
      }
      int waves = (live.size() + threads - 1) / threads;
      long deadline = System.nanoTime()
          + fetcher.worstCase().multipliedBy(waves).plus(SLACK).toNanos();
      for (Map.Entry<Endpoint, Future<FetchResult>> f : futures.entrySet()) {
        results.put(f.getKey(), await(f.getKey(), f.getValue(), deadline));
      }
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  private static FetchResult await(Endpoint e, Future<FetchResult> f, long deadline) {
    try {
      return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException ex) {
      f.cancel(true);
      return FetchResult.failed(e, FetchResult.Status.TIMED_OUT, TlsMessages.phaseHandshake(),
          null);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return FetchResult.failed(e, FetchResult.Status.TIMED_OUT, TlsMessages.phaseHandshake(),
          null);
    } catch (ExecutionException ex) {
      return FetchResult.failed(e, FetchResult.Status.HANDSHAKE_FAILED,
          String.valueOf(ex.getCause()), null);
    }
  }
}
