package org.adscp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.adscp.Messages;
import org.adscp.UsageException;
import org.adscp.directory.ConnectionSpec;
import org.adscp.directory.ConnectionSpec.Credentials;
import org.adscp.tls.TrustAnchors;
import picocli.CommandLine.Option;

/** Where the data comes from (spec §2), shared by every command that reads the directory. */
public final class SourceOptions {
  static final int DEFAULT_LDAPS_PORT = 636;

  @Option(
      names = "--ldif",
      paramLabel = "FILE",
      description = "Read an LDIF export (ldifde or ldapsearch) served by an embedded directory. Repeatable.")
  List<Path> ldif = new ArrayList<>();

  @Option(
      names = {"-H", "--url"},
      paramLabel = "URL",
      description = "A domain controller: ldaps://HOST[:PORT], or ldap://HOST[:PORT] with --starttls or --kerberos.")
  String url;

  @Option(names = "--starttls", description = "Upgrade an ldap:// connection with StartTLS.")
  boolean startTls;

  @Option(
      names = "--domain",
      paramLabel = "DNSDOMAIN",
      description = "Find the domain's DCs through DNS (_ldap._tcp.dc._msdcs.DNSDOMAIN) and fail over between them.")
  String domain;

  @Option(
      names = "--dns-server",
      paramLabel = "HOST[:PORT]",
      description = "Ask this DNS server for --domain's SRV records instead of the system resolver.")
  String dnsServer;

  @Option(
      names = "--ldaps-port",
      paramLabel = "PORT",
      description = "LDAPS port of the DCs found with --domain (default: ${DEFAULT-VALUE}).")
  int ldapsPort = DEFAULT_LDAPS_PORT;

  @Option(names = {"-D", "--bind-dn"}, paramLabel = "DN", description = "Simple bind as this DN (or user@domain).")
  String bindDn;

  @Option(
      names = {"-w", "--bind-password"},
      paramLabel = "-",
      description = "Only '-': prompt for the password. Never a password itself.")
  String passwordMarker;

  @Option(names = "--password-file", paramLabel = "FILE", description = "Read the bind password from the file's first line.")
  Path passwordFile;

  @Option(names = "--kerberos", description = "GSSAPI bind with your Kerberos ticket (KRB5CCNAME honoured).")
  boolean kerberos;

  @Option(
      names = "--trust-store",
      paramLabel = "FILE",
      description = "Also trust these CAs (PEM bundle, JKS or PKCS#12), for the DC and the certificate checks. Repeatable.")
  List<Path> trustStores = new ArrayList<>();

  @Option(names = "--no-default-trust", description = "Trust only the --trust-store anchors, not the JVM's.")
  boolean noDefaultTrust;

  @Option(names = "--allow-cleartext", description = "Allow a simple bind without TLS (the password crosses the network in clear).")
  boolean allowCleartext;

  @Option(names = "--config-nc", paramLabel = "DN", description = "Read this configuration naming context instead of the RootDSE's.")
  String configNc;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Connect and response timeout for LDAP and TLS (default: ${DEFAULT-VALUE}).")
  String timeout = "10";

  /** Checks the options against each other, before anything touches the network. */
  ConnectionSpec toSpec(Environment env, PrintWriter err) {
    Duration timeoutDuration = parseTimeout(timeout);
    int sources = (ldif.isEmpty() ? 0 : 1) + (url == null ? 0 : 1) + (domain == null ? 0 : 1);
    if (sources > 1) {
      throw new UsageException(Messages.sourcesConflict());
    }
    if (noDefaultTrust && trustStores.isEmpty()) {
      throw new UsageException(Messages.noTrustLeft());
    }
    if (passwordMarker != null && !passwordMarker.equals("-")) {
      throw new UsageException(Messages.passwordAsArgument());
    }
    ConnectionSpec.Source source;
    if (!ldif.isEmpty()) {
      refuseLiveOptionsWithLdif();
      source = new ConnectionSpec.LdifFiles(List.copyOf(ldif));
    } else if (url != null) {
      source = new ConnectionSpec.Url(url);
    } else {
      String found = domain != null ? domain : env.joinedDomain().orElseThrow(() -> new UsageException(Messages.noSource()));
      source = new ConnectionSpec.Domain(found, dnsServer, ldapsPort);
    }
    Credentials credentials = credentials(env, err);
    Supplier<TrustAnchors> trust =
        () -> TrustAnchors.load(trustStores, !noDefaultTrust, env.variable("ADSCP_TRUST_STORE_PASSWORD").map(String::toCharArray).orElse(null));
    return new ConnectionSpec(source, startTls, credentials, memoize(trust), timeoutDuration, allowCleartext, configNc);
  }

  private void refuseLiveOptionsWithLdif() {
    String option =
        bindDn != null ? "-D/--bind-dn"
            : passwordMarker != null ? "-w"
            : passwordFile != null ? "--password-file"
            : kerberos ? "--kerberos"
            : startTls ? "--starttls"
            : dnsServer != null ? "--dns-server"
            : null;
    if (option != null) {
      throw new UsageException(Messages.liveOptionWithLdif(option));
    }
  }

  private Credentials credentials(Environment env, PrintWriter err) {
    if (kerberos) {
      if (bindDn != null || passwordMarker != null || passwordFile != null) {
        throw new UsageException(Messages.bindDnWithKerberos());
      }
      return new ConnectionSpec.Kerberos(
          env.variable("KRB5CCNAME").map(SourceOptions::cachePath).orElse(null),
          env.variable("KRB5_CONFIG").map(v -> v.split(":")[0]).orElse(null));
    }
    if (bindDn == null) {
      if (passwordMarker != null || passwordFile != null) {
        throw new UsageException(Messages.passwordWithoutBindDn());
      }
      return new ConnectionSpec.Anonymous();
    }
    String dn = bindDn;
    Supplier<char[]> password;
    if (passwordFile != null) {
      Path file = passwordFile;
      password = () -> readPasswordFile(file);
    } else if (passwordMarker != null) {
      password = () -> env.askPassword(Messages.passwordPrompt(dn), err)
          .orElseThrow(() -> new UsageException(Messages.noPasswordSource(dn)));
    } else {
      password = () -> env.variable("ADSCP_PASSWORD").map(String::toCharArray)
          .orElseThrow(() -> new UsageException(Messages.noPasswordSource(dn)));
    }
    return new ConnectionSpec.Simple(dn, password);
  }

  /** Java reads file caches only; "FILE:/tmp/krb5cc_0" is the path /tmp/krb5cc_0. */
  private static String cachePath(String krb5ccname) {
    return krb5ccname.startsWith("FILE:") ? krb5ccname.substring("FILE:".length()) : krb5ccname;
  }

  private static char[] readPasswordFile(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      int end = content.indexOf('\n');
      String line = end < 0 ? content : content.substring(0, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        throw new UsageException(Messages.passwordFileEmpty(file));
      }
      return line.toCharArray();
    } catch (NoSuchFileException e) {
      throw new UsageException(Messages.passwordFileNotReadable(file, "no such file"));
    } catch (IOException e) {
      throw new UsageException(Messages.passwordFileNotReadable(file, String.valueOf(e.getMessage())));
    }
  }

  private static Duration parseTimeout(String value) {
    try {
      double seconds = Double.parseDouble(value);
      if (!(seconds > 0) || Double.isInfinite(seconds)) {
        throw new NumberFormatException(value);
      }
      return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    } catch (NumberFormatException e) {
      throw new UsageException(Messages.badTimeout(value));
    }
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
