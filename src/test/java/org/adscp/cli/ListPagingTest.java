package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONValue;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.adscp.testing.Cli;
import org.adscp.testing.GeneratedForest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forest with more SCPs than AD serves to one search (MaxPageSize, 1000): the embedded
 * directory enforces that limit, so only a paged read gets them all.
 */
class ListPagingTest {
  @TempDir Path dir;

  @Test
  void listReadsEveryScpOfAForestLargerThanMaxPageSize() throws Exception {
    Path ldif = GeneratedForest.write(dir.resolve("big.ldif"), 1100, 4);
    Cli.Result r = Cli.run("list", "--ldif", ldif.toString(), "--format", "json");
    assertEquals(0, r.exitCode(), r.err());
    List<JSONValue> scps = new JSONObject(r.out()).getFieldAsArray("scps");
    assertEquals(1100, scps.size());
    Set<String> dns = new HashSet<>();
    for (JSONValue v : scps) {
      JSONObject scp = (JSONObject) v;
      dns.add(scp.getFieldAsString("dn"));
      assertEquals("15.2.1748.10", scp.getFieldAsString("version"), scp::toString);
    }
    assertEquals(1100, dns.size());
    assertEquals(true, dns.contains(GeneratedForest.scpDn(1099)));
  }
}
