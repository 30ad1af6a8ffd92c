package org.adscp.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.adscp.scp.ForestConfiguration;
import org.adscp.scp.ServiceConnectionPoint;
import org.adscp.testing.GeneratedForest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four paged searches, against a directory that enforces a page limit as AD does. */
class ConfigurationReaderTest {
  private static final int PAGE = 100;

  @TempDir Path dir;

  private final List<InMemoryDirectoryServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(s -> s.shutDown(true));
  }

  /** A directory that, like AD, returns at most {@link #PAGE} entries to any one search request. */
  private InMemoryDirectoryServer directory(Path ldif, AtomicInteger searches, List<String> trace) throws Exception {
    LdifExport export = LdifExport.read(List.of(ldif));
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(export.roots().toArray(new com.unboundid.ldap.sdk.DN[0]));
    config.setSchema(AdSchema.forEntries(export.entries()));
    config.setEnforceSingleStructuralObjectClass(false);
    config.setEnforceAttributeSyntaxCompliance(false);
    config.setMaxSizeLimit(PAGE);
    config.addInMemoryOperationInterceptor(
        new InMemoryOperationInterceptor() {
          @Override
          public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
            searches.incrementAndGet();
            trace.add(request.getRequest().getBaseDN());
          }
        });
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.addEntries(export.entries());
    server.startListening();
    servers.add(server);
    return server;
  }

  private ForestConfiguration read(InMemoryDirectoryServer server) throws Exception {
    try (LDAPConnection c = server.getConnection()) {
      return new ConfigurationReader(c, PAGE, line -> {}).read(GeneratedForest.CONFIG);
    }
  }

  @Test
  void moreScpsThanOnePageAreAllRead() throws Exception {
    AtomicInteger searches = new AtomicInteger();
    InMemoryDirectoryServer server =
        directory(GeneratedForest.write(dir.resolve("f.ldif"), 250, 3), searches, new ArrayList<>());
    ForestConfiguration forest = read(server);
    assertEquals(250, forest.scps().size());
    assertEquals(250, forest.servers().size());
    assertEquals(
        GeneratedForest.scpDn(249),
        forest.scps().stream().map(s -> s.dn().text()).filter(d -> d.contains("EX00249")).findFirst().orElseThrow());
    ServiceConnectionPoint any = forest.scps().get(0);
    assertEquals("15.2.1748.10", forest.serverOf(any).orElseThrow().version().toString());
    assertEquals(3, forest.sites().size());
    assertEquals(3, forest.subnets().size());
  }

  @Test
  void theLimitIsRealSoAnUnpagedReadWouldFail() throws Exception {
    InMemoryDirectoryServer server =
        directory(GeneratedForest.write(dir.resolve("f.ldif"), 250, 3), new AtomicInteger(), new ArrayList<>());
    try (LDAPConnection c = server.getConnection()) {
      LDAPSearchException e =
          assertThrows(
              LDAPSearchException.class,
              () -> c.search(GeneratedForest.CONFIG, SearchScope.SUB, ConfigurationReader.SCP_FILTER));
      assertEquals(ResultCode.SIZE_LIMIT_EXCEEDED, e.getResultCode());
    }
  }

  @Test
  void theNumberOfSearchRequestsGrowsWithPagesNotWithScps() throws Exception {
    AtomicInteger small = new AtomicInteger();
    read(directory(GeneratedForest.write(dir.resolve("s.ldif"), 10, 2), small, new ArrayList<>()));
    AtomicInteger large = new AtomicInteger();
    read(directory(GeneratedForest.write(dir.resolve("l.ldif"), 950, 2), large, new ArrayList<>()));
    // four searches (SCPs, servers, sites, subnets); a big forest only adds pages to the first two
    assertEquals(4, small.get());
    assertEquals(4 + 9 + 9, large.get());
  }

  @Test
  void aPartialExportWithoutServersOrSitesReadsAsEmpty() throws Exception {
    Path scpsOnly = dir.resolve("scps.ldif");
    java.nio.file.Files.writeString(
        scpsOnly,
        "dn: " + GeneratedForest.scpDn(1) + "\nobjectClass: serviceConnectionPoint\ncn: EX00001\n"
            + "keywords: 77378F46-2C66-4aa9-A6A6-3E7A48B19596\n\n");
    InMemoryDirectoryServer server = directory(scpsOnly, new AtomicInteger(), new ArrayList<>());
    // No CN=Sites at all: the search base does not exist, which is not an error.
    server.deleteSubtree("CN=Sites," + GeneratedForest.CONFIG);
    ForestConfiguration forest = read(server);
    assertEquals(1, forest.scps().size());
    assertEquals(List.of(), forest.servers());
    assertEquals(List.of(), forest.sites());
    assertEquals(List.of(), forest.subnets());
  }

  @Test
  void aContinuationReferenceToTheSchemaIsNotAnError() throws Exception {
    InMemoryDirectoryServer server =
        directory(GeneratedForest.write(dir.resolve("f.ldif"), 3, 1), new AtomicInteger(), new ArrayList<>());
    // What AD and Samba return for a subtree search of the configuration partition.
    server.add(
        "dn: CN=Schema," + GeneratedForest.CONFIG,
        "objectClass: referral",
        "objectClass: extensibleObject",
        "cn: Schema",
        "ref: ldaps://contoso.com/CN=Schema," + GeneratedForest.CONFIG);
    List<String> trace = new ArrayList<>();
    try (LDAPConnection c = server.getConnection()) {
      ForestConfiguration forest = new ConfigurationReader(c, PAGE, trace::add).read(GeneratedForest.CONFIG);
      assertEquals(3, forest.scps().size());
    }
    assertEquals(
        1, trace.stream().filter(l -> l.contains("continuation reference not followed: ldaps://contoso.com/CN=Schema")).count(),
        trace::toString);
  }
}
