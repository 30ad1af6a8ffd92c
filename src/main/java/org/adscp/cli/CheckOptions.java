package org.adscp.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.adscp.Messages;
import org.adscp.UsageException;
import org.adscp.tls.CertificateFileException;
import org.adscp.tls.CertificateOverrides;
import org.adscp.tls.CollectorOptions;
import picocli.CommandLine.Option;

/** The options of the checks (spec §4), shared by {@code audit} and the commands that run them. */
public final class CheckOptions {
  @Option(
      names = "--cert",
      paramLabel = "[HOST=]FILE",
      description = "The certificate (PEM or DER, leaf first) a URL host presents; HOST= binds it to one host. Repeatable. Hosts without one are fetched live.")
  List<String> certificates = new ArrayList<>();

  @Option(names = "--offline", description = "Fetch nothing over the network: hosts without --cert are CERT_UNAVAILABLE.")
  boolean offline;

  @Option(
      names = "--resolve",
      paramLabel = "HOST=ADDR[:PORT]",
      description = "Connect to ADDR (and PORT) for HOST, to check a new server before the DNS cut-over; the handshake still names HOST. Repeatable.")
  List<String> resolve = new ArrayList<>();

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description = "Judge certificate dates as of this ISO-8601 instant or date (default: now), e.g. 2027-03-01.")
  String at;

  @Option(names = "--expiry-warn-days", paramLabel = "N", description = "Warn when a certificate expires within N days (default: ${DEFAULT-VALUE}).")
  int expiryWarnDays = 30;

  Instant instant() {
    if (at == null) {
      return Instant.now();
    }
    try {
      return Instant.parse(at);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(at).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDate.parse(at).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new UsageException(Messages.badInstant(at));
        }
      }
    }
  }

  int warnDays() {
    if (expiryWarnDays < 0) {
      throw new UsageException(Messages.badExpiryWarnDays(expiryWarnDays));
    }
    return expiryWarnDays;
  }

  CollectorOptions collectorOptions() {
    CollectorOptions options = CollectorOptions.defaults().withOffline(offline);
    try {
      for (String value : resolve) {
        options = options.withResolve(value);
      }
      return options.withCertificates(CertificateOverrides.fromOptions(certificates));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (CertificateFileException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
