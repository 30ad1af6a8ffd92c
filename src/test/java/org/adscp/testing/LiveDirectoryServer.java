package org.adscp.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSASLBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.adscp.testing.LdapsTestCertificates.ServerIdentity;

/**
 * A stand-in domain controller: an in-memory directory on loopback with an LDAP listener that
 * offers StartTLS and an LDAPS listener, both presenting the given server certificate; one bind
 * identity; a RootDSE naming the configuration partition (unless told not to); and one Exchange
 * URL SCP at its usual place. Counts the bind requests it receives.
 */
public final class LiveDirectoryServer implements AutoCloseable {
  public static final String BASE_DN = "DC=contoso,DC=com";
  public static final String CONFIG_NC = "CN=Configuration,DC=contoso,DC=com";
  public static final String BIND_DN = "CN=Audit,OU=Admins,DC=contoso,DC=com";
  public static final String PASSWORD = "Corr3ct-Horse-Battery";
  public static final String SERVER_DN =
      "CN=EX01,CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,"
          + "CN=Contoso,CN=Microsoft Exchange,CN=Services," + CONFIG_NC;
  public static final String SCP_DN = "CN=EX01,CN=Autodiscover,CN=Protocols," + SERVER_DN;
  public static final String SCP_URL = "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml";
  public static final String SITE = "HQ";

  private final InMemoryDirectoryServer server;
  private final AtomicInteger binds = new AtomicInteger();

  private LiveDirectoryServer(ServerIdentity identity, boolean withConfigurationNamingContext) throws LDAPException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
    config.setSchema(null);
    config.addAdditionalBindCredentials(BIND_DN, PASSWORD);
    if (withConfigurationNamingContext) {
      config.setCustomRootDSEAttributes(
          List.of(
              new Attribute("configurationNamingContext", CONFIG_NC),
              new Attribute("defaultNamingContext", BASE_DN),
              new Attribute("dnsHostName", identity.name())));
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, identity.startTlsSocketFactory()),
        InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0, identity.serverSocketFactory(), null));
    config.addInMemoryOperationInterceptor(
        new InMemoryOperationInterceptor() {
          @Override
          public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
            binds.incrementAndGet();
          }

          @Override
          public void processSASLBindRequest(InMemoryInterceptedSASLBindRequest request) {
            binds.incrementAndGet();
          }
        });
    server = new InMemoryDirectoryServer(config);
    seed();
  }

  /** Starts a server presenting {@code identity}, its RootDSE naming the configuration partition. */
  public static LiveDirectoryServer start(ServerIdentity identity) throws LDAPException {
    return start(identity, true);
  }

  /**
   * @param withConfigurationNamingContext false for a directory that is not AD: its RootDSE has
   *     no {@code configurationNamingContext}
   */
  public static LiveDirectoryServer start(ServerIdentity identity, boolean withConfigurationNamingContext)
      throws LDAPException {
    LiveDirectoryServer live = new LiveDirectoryServer(identity, withConfigurationNamingContext);
    live.server.startListening();
    return live;
  }

  private void seed() throws LDAPException {
    add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: contoso");
    container(CONFIG_NC, "configuration");
    container("CN=Services," + CONFIG_NC, "container");
    container("CN=Microsoft Exchange,CN=Services," + CONFIG_NC, "msExchConfigurationContainer");
    container("CN=Contoso,CN=Microsoft Exchange,CN=Services," + CONFIG_NC, "msExchOrganizationContainer");
    container("CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services," + CONFIG_NC, "msExchAdminGroupContainer");
    container(
        "CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,"
            + "CN=Microsoft Exchange,CN=Services," + CONFIG_NC,
        "msExchAdminGroup");
    container(
        "CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,"
            + "CN=Contoso,CN=Microsoft Exchange,CN=Services," + CONFIG_NC,
        "msExchServersContainer");
    container(SERVER_DN, "msExchExchangeServer");
    container("CN=Protocols," + SERVER_DN, "container");
    container("CN=Autodiscover,CN=Protocols," + SERVER_DN, "container");
    add(
        "dn: " + SCP_DN,
        "objectClass: top",
        "objectClass: leaf",
        "objectClass: connectionPoint",
        "objectClass: serviceConnectionPoint",
        "cn: EX01",
        "keywords: 77378F46-2C66-4aa9-A6A6-3E7A48B19596",
        "keywords: Site=" + SITE,
        "serviceBindingInformation: " + SCP_URL,
        "serviceClassName: ms-Exchange-AutoDiscover-Service",
        "serviceDNSName: EX01.contoso.com");
  }

  private void container(String dn, String objectClass) throws LDAPException {
    String cn = dn.substring(3, dn.indexOf(',')); // every RDN here is CN=...
    add("dn: " + dn, "objectClass: top", "objectClass: " + objectClass, "cn: " + cn);
  }

  private void add(String... ldif) throws LDAPException {
    try {
      server.add(ldif);
    } catch (LDIFException e) {
      throw new IllegalStateException("malformed test entry", e);
    }
  }

  /** The LDAP listener's port (StartTLS offered). */
  public int ldapPort() {
    return server.getListenPort("ldap");
  }

  public int ldapsPort() {
    return server.getListenPort("ldaps");
  }

  public String ldapUrl() {
    return "ldap://localhost:" + ldapPort();
  }

  public String ldapsUrl() {
    return "ldaps://localhost:" + ldapsPort();
  }

  /** Simple and SASL bind requests received since the start. */
  public int bindRequests() {
    return binds.get();
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
