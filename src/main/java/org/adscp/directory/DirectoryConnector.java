package org.adscp.directory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.GSSAPIBindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequestProperties;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SASLQualityOfProtection;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.adscp.Messages;
import org.adscp.Trace;
import org.adscp.UnavailableException;
import org.adscp.UsageException;
import org.adscp.directory.ConnectionSpec.Anonymous;
import org.adscp.directory.ConnectionSpec.Credentials;
import org.adscp.directory.ConnectionSpec.Domain;
import org.adscp.directory.ConnectionSpec.Kerberos;
import org.adscp.directory.ConnectionSpec.LdifFiles;
import org.adscp.directory.ConnectionSpec.Simple;
import org.adscp.directory.ConnectionSpec.Url;

/**
 * Opens a bound session to the directory a {@link ConnectionSpec} names: checks first what can
 * be checked without the network (a simple bind in clear is refused before any password is
 * asked for), then connects with TLS verified (chain and host name), fails over between DCs,
 * binds, and reads the RootDSE.
 */
public final class DirectoryConnector {
  private static final String CONFIGURATION_NC = "configurationNamingContext";

  private DirectoryConnector() {}

  /** One address to try, with how to protect it. */
  record Endpoint(String host, int port, Transport transport) {
    String url() {
      return (transport == Transport.LDAPS ? "ldaps://" : "ldap://") + host + ":" + port;
    }
  }

  public static DirectorySession open(ConnectionSpec spec, Trace trace) {
    if (spec.source() instanceof LdifFiles files) {
      return openEmbedded(files, spec, trace);
    }
    if (spec.source() instanceof Url url) {
      Endpoint endpoint = endpointOf(url.url(), spec.startTls());
      refuseCleartext(spec, endpoint.transport());
      return openLive(List.of(endpoint), spec, trace);
    }
    Domain domain = (Domain) spec.source();
    // Checked before DNS is asked: with --domain the transport is LDAPS unless --starttls.
    refuseCleartext(spec, spec.startTls() ? Transport.STARTTLS : Transport.LDAPS);
    List<Endpoint> endpoints = new ArrayList<>();
    for (SrvLocator.DomainController dc : SrvLocator.locate(domain.domain(), domain.dnsServer(), millis(spec), trace)) {
      endpoints.add(
          spec.startTls()
              ? new Endpoint(dc.host(), dc.port(), Transport.STARTTLS)
              : new Endpoint(dc.host(), domain.ldapsPort(), Transport.LDAPS));
    }
    return openLive(endpoints, spec, trace);
  }

  private static DirectorySession openEmbedded(LdifFiles files, ConnectionSpec spec, Trace trace) {
    EmbeddedDirectory embedded = EmbeddedDirectory.serve(files.files(), trace);
    try {
      LDAPConnection connection =
          new LDAPConnection(options(spec), embedded.host(), embedded.port());
      trace.say(Messages.traceEmbedded(embedded.host(), embedded.port()));
      String where = String.join(", ", files.files().stream().map(Object::toString).toList());
      return new DirectorySession(
          connection, "ldif", where, configurationContext(connection, spec, where, trace), embedded);
    } catch (LDAPException e) {
      embedded.close();
      throw new UnavailableException(Messages.embeddedDidNotStart(e.getExceptionMessage()), e);
    } catch (RuntimeException e) {
      embedded.close();
      throw e;
    }
  }

  static Endpoint endpointOf(String url, boolean startTls) {
    LDAPURL parsed;
    try {
      parsed = new LDAPURL(url);
    } catch (LDAPException e) {
      throw new UsageException(Messages.badLdapUrl(url));
    }
    String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
      throw new UsageException(Messages.badLdapUrl(url));
    }
    if (!parsed.hostProvided()) {
      throw new UsageException(Messages.ldapUrlWithoutHost(url));
    }
    if (scheme.equals("ldaps") && startTls) {
      throw new UsageException(Messages.startTlsWithLdaps());
    }
    Transport transport =
        scheme.equals("ldaps") ? Transport.LDAPS : startTls ? Transport.STARTTLS : Transport.PLAIN;
    return new Endpoint(parsed.getHost(), parsed.getPort(), transport);
  }

  private static void refuseCleartext(ConnectionSpec spec, Transport transport) {
    if (spec.credentials() instanceof Simple && !transport.encrypted() && !spec.allowCleartext()) {
      throw new UsageException(Messages.cleartextBindRefused());
    }
  }

  private static DirectorySession openLive(List<Endpoint> endpoints, ConnectionSpec spec, Trace trace) {
    // Asked for here, after the cleartext check and before the first packet, as ldapsearch does.
    byte[] password = spec.credentials() instanceof Simple simple ? encode(simple.password().get()) : null;
    try {
      List<String> failures = new ArrayList<>();
      String lastWhy = null;
      for (Endpoint endpoint : endpoints) {
        LDAPConnection connection;
        try {
          connection = connect(endpoint, spec, trace);
        } catch (LDAPException e) {
          String why = LdapFailures.describeConnect(e, endpoint.host(), endpoint.port(), spec.timeout());
          trace.say(Messages.traceConnectFailed(endpoint.url(), why));
          failures.add(endpoint.host() + ":" + endpoint.port() + " (" + why + ")");
          lastWhy = why;
          continue;
        }
        try {
          bind(connection, endpoint, spec.credentials(), password, trace);
        } catch (LDAPException e) {
          connection.close();
          throw new UnavailableException(LdapFailures.describeBind(e, spec.credentials()), e);
        } catch (RuntimeException e) {
          connection.close();
          throw e;
        }
        // Not part of the bind: anonymous, the RootDSE read is the first request the DC sees.
        try {
          String config = configurationContext(connection, spec, endpoint.url(), trace);
          return new DirectorySession(connection, "ldap", endpoint.url(), config, null);
        } catch (LDAPException e) {
          connection.close();
          throw new UnavailableException(LdapFailures.describeOperation(e, Messages.rootDseRead()), e);
        } catch (RuntimeException e) {
          connection.close();
          throw e;
        }
      }
      throw new UnavailableException(
          endpoints.size() == 1
              ? Messages.cannotConnect(endpoints.get(0).url(), lastWhy)
              : Messages.noDomainControllerAnswered(failures));
    } finally {
      if (password != null) {
        Arrays.fill(password, (byte) 0);
      }
    }
  }

  private static byte[] encode(char[] password) {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] result = new byte[bytes.remaining()];
    bytes.get(result);
    Arrays.fill(password, '\0');
    if (bytes.hasArray()) {
      Arrays.fill(bytes.array(), (byte) 0);
    }
    return result;
  }

  private static int millis(ConnectionSpec spec) {
    return (int) Math.min(Integer.MAX_VALUE, spec.timeout().toMillis());
  }

  private static LDAPConnectionOptions options(ConnectionSpec spec) {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(millis(spec));
    options.setResponseTimeoutMillis(millis(spec));
    options.setFollowReferrals(false);
    // UnboundID checks no host name unless told to; a DC's certificate must name the DC.
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    return options;
  }

  private static SSLSocketFactory tlsFactory(ConnectionSpec spec) {
    try {
      SSLUtil ssl = new SSLUtil(spec.trust().get().trustManager());
      return new HandshakeTimeoutSocketFactory(ssl.createSSLSocketFactory(), millis(spec));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS context", e);
    }
  }

  private static LDAPConnection connect(Endpoint endpoint, ConnectionSpec spec, Trace trace)
      throws LDAPException {
    trace.say(Messages.traceConnect(endpoint.url(), endpoint.transport().name()));
    SocketFactory sockets =
        endpoint.transport() == Transport.LDAPS ? tlsFactory(spec) : SocketFactory.getDefault();
    LDAPConnection connection = new LDAPConnection(sockets, options(spec), endpoint.host(), endpoint.port());
    if (endpoint.transport() == Transport.STARTTLS) {
      try {
        ExtendedResult result =
            connection.processExtendedOperation(new StartTLSExtendedRequest(tlsFactory(spec)));
        if (result.getResultCode() != ResultCode.SUCCESS) {
          throw new LDAPException(result);
        }
      } catch (LDAPException e) {
        connection.close();
        throw e;
      }
    }
    return connection;
  }

  private static void bind(
      LDAPConnection connection, Endpoint endpoint, Credentials credentials, byte[] password, Trace trace)
      throws LDAPException {
    if (credentials instanceof Anonymous) {
      trace.say(Messages.traceAnonymous());
      return;
    }
    BindRequest request;
    if (credentials instanceof Simple simple) {
      trace.say(Messages.traceSimpleBind(simple.bindDn()));
      request = new SimpleBindRequest(simple.bindDn(), password);
    } else {
      Kerberos kerberos = (Kerberos) credentials;
      trace.say(Messages.traceKerberosBind(endpoint.host(), kerberos.ticketCache()));
      request = gssapi(kerberos, endpoint);
    }
    connection.bind(request);
  }

  private static BindRequest gssapi(Kerberos kerberos, Endpoint endpoint) throws LDAPException {
    // Java ignores KRB5_CONFIG; honour it the way the MIT tools do, unless the JVM was told otherwise.
    if (kerberos.krb5Config() != null && System.getProperty("java.security.krb5.conf") == null) {
      System.setProperty("java.security.krb5.conf", kerberos.krb5Config());
    }
    GSSAPIBindRequestProperties properties = new GSSAPIBindRequestProperties(null, (String) null);
    properties.setUseTicketCache(true);
    properties.setRequireCachedCredentials(true);
    properties.setRefreshKrb5Config(true);
    if (kerberos.ticketCache() != null) {
      properties.setTicketCachePath(kerberos.ticketCache());
    }
    // The service ticket is for ldap/<the DC's name as we connected to it>.
    properties.setSASLClientServerName(endpoint.host());
    // AD requires signing on plain LDAP and refuses sign or seal inside TLS.
    if (endpoint.transport().encrypted()) {
      properties.setAllowedQoP(SASLQualityOfProtection.AUTH);
    } else {
      properties.setAllowedQoP(SASLQualityOfProtection.AUTH_CONF, SASLQualityOfProtection.AUTH_INT);
    }
    return new GSSAPIBindRequest(properties);
  }

  private static String configurationContext(
      LDAPConnection connection, ConnectionSpec spec, String where, Trace trace) throws LDAPException {
    if (spec.configurationNamingContext() != null) {
      trace.say(Messages.traceConfigOverride(spec.configurationNamingContext()));
      return spec.configurationNamingContext();
    }
    trace.say(Messages.traceRootDse());
    RootDSE rootDse = connection.getRootDSE();
    String config = rootDse == null ? null : rootDse.getAttributeValue(CONFIGURATION_NC);
    if (config == null || config.isBlank()) {
      throw new UnavailableException(Messages.noConfigurationNamingContext(where));
    }
    trace.say(Messages.traceConfigFromRootDse(config));
    return config;
  }
}
