package org.adscp.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONValue;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.adscp.testing.Cli;
import org.adscp.testing.GeneratedForest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DC connection that drops in the middle of a plan of many records: each record is either
 * applied or not (one modify request each), and running {@code apply} again finishes the rest.
 */
class ApplyInterruptedTest {
  private static final String NEW = "https://mail.contoso.com/Autodiscover/Autodiscover.xml";
  private static final int SCPS = 30;
  private static final int DROP_AFTER = 10;

  @TempDir Path dir;
  private InMemoryDirectoryServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutDown(true);
    }
  }

  /** The generated forest over LDAP; after the 10th modify has been carried out, every connection drops. */
  private String serveDroppingAfterTenModifies(AtomicInteger modifies) throws Exception {
    LdifExport export = LdifExport.read(List.of(GeneratedForest.write(dir.resolve("f.ldif"), SCPS, 1)));
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(export.roots().toArray(new DN[0]));
    config.setSchema(AdSchema.forEntries(export.entries()));
    config.setEnforceAttributeSyntaxCompliance(false);
    config.setEnforceSingleStructuralObjectClass(false);
    config.setCustomRootDSEAttributes(List.of(new Attribute("configurationNamingContext", GeneratedForest.CONFIG)));
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
    config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
      @Override
      public void processModifyResult(InMemoryInterceptedModifyResult result) {
        if (modifies.incrementAndGet() == DROP_AFTER) {
          // The write is done; its answer never arrives, as when a DC or the network goes away.
          server.closeAllConnections(false);
        }
      }
    });
    server = new InMemoryDirectoryServer(config);
    server.addEntries(export.entries());
    server.startListening();
    return "ldap://127.0.0.1:" + server.getListenPort();
  }

  private List<String> statuses(Cli.Result r) throws Exception {
    List<String> statuses = new ArrayList<>();
    for (JSONValue v : new JSONObject(r.out()).getFieldAsArray("changes")) {
      statuses.add(((JSONObject) v).getFieldAsString("status"));
    }
    return statuses;
  }

  private Map<String, String> urls() throws Exception {
    Map<String, String> byDn = new HashMap<>();
    try (LDAPConnection c = new LDAPConnection("127.0.0.1", server.getListenPort())) {
      for (int i = 0; i < SCPS; i++) {
        byDn.put(GeneratedForest.scpDn(i),
            String.join("|", c.getEntry(GeneratedForest.scpDn(i)).getAttributeValues("serviceBindingInformation")));
      }
    }
    return byDn;
  }

  @Test
  void aDroppedConnectionLeavesEachRecordWholeAndApplyAgainFinishesTheRest() throws Exception {
    AtomicInteger modifies = new AtomicInteger();
    String url = serveDroppingAfterTenModifies(modifies);
    Path plan = dir.resolve("plan.ldif");
    Cli.Result planned = Cli.run("fix", "-H", url, "--uri", NEW, "--all", "--force", "--offline",
        "--plan", plan.toString(), "--format", "json");
    assertEquals(0, planned.exitCode(), planned::toString);
    assertEquals(SCPS, statuses(planned).size());

    Cli.Result first = Cli.run("apply", plan.toString(), "-H", url, "--apply", "--timeout", "2", "--format", "json");
    assertEquals(3, first.exitCode(), first::toString);
    List<String> firstStatuses = statuses(first);
    assertEquals(List.of("applied"), firstStatuses.subList(0, DROP_AFTER - 1).stream().distinct().toList());
    assertTrue(firstStatuses.subList(DROP_AFTER - 1, SCPS).stream().allMatch("failed"::equals), firstStatuses::toString);
    // every SCP holds either its old value or the new one, never a mixture or nothing
    Map<String, String> between = urls();
    long done = between.values().stream().filter(NEW::equals).count();
    assertEquals(DROP_AFTER, done, "the 10th write was carried out although its answer was lost");
    assertTrue(between.values().stream().allMatch(v -> v.equals(NEW)
        || v.equals("https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml")), between::toString);

    Cli.Result second = Cli.run("apply", plan.toString(), "-H", url, "--apply", "--format", "json");
    assertEquals(0, second.exitCode(), second::toString);
    List<String> secondStatuses = statuses(second);
    assertEquals(DROP_AFTER, secondStatuses.stream().filter("already-applied"::equals).count(), secondStatuses::toString);
    assertEquals(SCPS - DROP_AFTER, secondStatuses.stream().filter("applied"::equals).count(), secondStatuses::toString);
    assertTrue(urls().values().stream().allMatch(NEW::equals));
  }
}
