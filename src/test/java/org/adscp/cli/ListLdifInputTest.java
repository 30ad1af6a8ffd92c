package org.adscp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.util.json.JSONObject;
import com.unboundid.util.json.JSONString;
import com.unboundid.util.json.JSONValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adscp.Messages;
import org.adscp.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code list --ldif} takes exports as administrators have them, and refuses what is not one. */
class ListLdifInputTest {
  private static final String CONFIG = "CN=Configuration,DC=contoso,DC=com";
  private static final String SCP_DN =
      "CN=EX01,CN=Autodiscover,CN=Protocols,CN=EX01,CN=Servers,"
          + "CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,"
          + "CN=Microsoft Exchange,CN=Services," + CONFIG;

  @TempDir Path dir;

  private static String scpRecord(boolean ldifde, String... extra) {
    StringBuilder b = new StringBuilder("dn: " + SCP_DN + "\n");
    if (ldifde) {
      b.append("changetype: add\n");
    }
    b.append("objectClass: top\nobjectClass: leaf\nobjectClass: connectionPoint\n")
        .append("objectClass: serviceConnectionPoint\ncn: EX01\n")
        .append("keywords: 77378F46-2C66-4aa9-A6A6-3E7A48B19596\nkeywords: Site=HQ\n")
        .append("serviceBindingInformation: https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml\n")
        .append("whenCreated: 20250530090000.0Z\nwhenChanged: 20250601101500.0Z\n");
    for (String line : extra) {
      b.append(line).append('\n');
    }
    return b.append('\n').toString();
  }

  private Path write(String name, byte[] content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  private static JSONObject onlyScp(Cli.Result r) throws Exception {
    assertEquals(0, r.exitCode(), r::toString);
    List<JSONValue> scps = new JSONObject(r.out()).getFieldAsArray("scps");
    assertEquals(1, scps.size(), r::toString);
    return (JSONObject) scps.get(0);
  }

  @Test
  void filteredLdifdeExportWithoutParentsIsServedAtItsOwnDns() throws Exception {
    Path file = write("scp.ldf", scpRecord(true, "objectGUID:: AAECAwQFBgcICQoLDA0ODw==",
        "uSNCreated: 12345", "msExchSomethingUnknown: kept").getBytes(StandardCharsets.UTF_8));
    JSONObject scp = onlyScp(Cli.run("list", "--ldif", file.toString(), "--format", "json"));
    assertEquals(SCP_DN, scp.getFieldAsString("dn"));
    assertEquals("EX01", scp.getFieldAsString("server"));
    assertEquals("2025-05-30T09:00:00Z", scp.getFieldAsString("whenCreated"));
    assertEquals("2025-06-01T10:15:00Z", scp.getFieldAsString("whenChanged"));
  }

  @Test
  void utf16ExportFromLdifdeDashUIsRead() throws Exception {
    byte[] text = scpRecord(true).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[text.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(text, 0, withBom, 2, text.length);
    JSONObject scp = onlyScp(Cli.run("list", "--ldif", write("u.ldf", withBom).toString(), "--format", "json"));
    assertEquals(List.of("HQ"), strings(scp.getFieldAsArray("sites")));
  }

  @Test
  void utf8ByteOrderMarkAndCrLfAreAccepted() throws Exception {
    byte[] text = scpRecord(false).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    JSONObject scp = onlyScp(Cli.run("list", "--ldif", write("b.ldif", withBom).toString(), "--format", "json"));
    assertEquals(
        List.of("https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml"), strings(scp.getFieldAsArray("urls")));
  }

  @Test
  void base64ValuesKeepTheirSpacesAndNonAsciiBytesExactly() throws Exception {
    String record =
        "dn: " + SCP_DN + "\nobjectClass: serviceConnectionPoint\ncn: EX01\n"
            + "keywords: 77378F46-2C66-4aa9-A6A6-3E7A48B19596\n"
            + "serviceBindingInformation:: " + b64(" https://autodiscover.contoso.com/x ") + "\n"
            + "serviceBindingInformation:: " + b64("https://autodiscover.bücher.example/😀") + "\n\n";
    JSONObject scp = onlyScp(Cli.run("list", "--ldif", write("s.ldif", record.getBytes(StandardCharsets.UTF_8)).toString(), "--format", "json"));
    assertEquals(
        List.of(" https://autodiscover.contoso.com/x ", "https://autodiscover.bücher.example/😀"),
        strings(scp.getFieldAsArray("urls")));
  }

  @Test
  void severalFilesAreOneForest() throws Exception {
    Path containers = write("a.ldif", ("dn: " + CONFIG + "\nobjectClass: configuration\ncn: Configuration\n\n").getBytes(StandardCharsets.UTF_8));
    Path scps = write("b.ldif", scpRecord(false).getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("list", "--ldif", containers.toString(), "--ldif", scps.toString(), "--format", "json");
    onlyScp(r);
    JSONObject source = new JSONObject(r.out()).getFieldAsObject("source");
    assertEquals("ldif", source.getFieldAsString("kind"));
    assertEquals(containers + ", " + scps, source.getFieldAsString("where"));
    assertEquals(CONFIG, source.getFieldAsString("configNC"));
  }

  @Test
  void missingFileIsAUsageErrorInOneLine() {
    Path missing = dir.resolve("nope.ldif");
    Cli.Result r = Cli.run("list", "--ldif", missing.toString());
    assertEquals(2, r.exitCode(), r::toString);
    assertArrayEquals(new String[] {"adscp: " + Messages.ldifNotFound(missing)}, r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void unreadableFileIsAUsageError() throws Exception {
    Cli.Result r = Cli.run("list", "--ldif", dir.toString());
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("adscp: cannot read LDIF file '" + dir + "'"), r::toString);
    assertEquals(1, r.errLines().length, r::toString);
  }

  @Test
  void malformedLdifNamesTheLine() throws Exception {
    Path file = write("bad.ldif", ("dn: " + CONFIG + "\nobjectClass: configuration\ncn: Configuration\n\n"
        + "dn: " + SCP_DN + "\nthis line has no colon\n\n").getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("list", "--ldif", file.toString());
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals(1, r.errLines().length, r::toString);
    assertTrue(r.err().startsWith("adscp: malformed LDIF in '" + file + "' at line 6: "), r::toString);
    assertTrue(!r.err().contains("\tat "), r::toString);
  }

  @Test
  void exportWithoutConfigurationPartitionIsRefused() throws Exception {
    Path file = write("users.ldif", "dn: CN=Alice,CN=Users,DC=contoso,DC=com\nobjectClass: user\ncn: Alice\n\n".getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("list", "--ldif", file.toString());
    assertEquals(2, r.exitCode(), r::toString);
    assertArrayEquals(new String[] {"adscp: " + Messages.ldifHasNoConfigurationPartition(file.toString())}, r.errLines());
  }

  @Test
  void changeRecordsAreNotAnExport() throws Exception {
    Path file = write("change.ldif", ("dn: " + SCP_DN + "\nchangetype: modify\nreplace: keywords\nkeywords: x\n-\n\n").getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("list", "--ldif", file.toString());
    assertEquals(2, r.exitCode(), r::toString);
    assertArrayEquals(new String[] {"adscp: " + Messages.ldifNotAnExport(file, SCP_DN, "modify")}, r.errLines());
  }

  @Test
  void emptyFileIsRefused() throws Exception {
    Path file = write("empty.ldif", new byte[0]);
    Cli.Result r = Cli.run("list", "--ldif", file.toString());
    assertEquals(2, r.exitCode(), r::toString);
    assertArrayEquals(new String[] {"adscp: " + Messages.ldifEmpty(file)}, r.errLines());
  }

  @Test
  void configNcOverrideReadsAnotherPartition() throws Exception {
    Path file = write("scp.ldif", scpRecord(false).getBytes(StandardCharsets.UTF_8));
    Cli.Result r = Cli.run("list", "--ldif", file.toString(), "--config-nc", "CN=Services," + CONFIG, "--format", "json");
    onlyScp(r);
    assertEquals("CN=Services," + CONFIG,
        new JSONObject(r.out()).getFieldAsObject("source").getFieldAsString("configNC"));
  }

  @Test
  void emojiInADnSurvivesTheJson() throws Exception {
    String dn = SCP_DN.replace("CN=Contoso,", "CN=Contoso 😀,");
    String record = "dn:: " + b64(dn) + "\nobjectClass: serviceConnectionPoint\ncn: EX01\n"
        + "keywords: 77378F46-2C66-4aa9-A6A6-3E7A48B19596\n\n";
    JSONObject scp = onlyScp(Cli.run("list", "--ldif", write("e.ldif", record.getBytes(StandardCharsets.UTF_8)).toString(), "--format", "json"));
    assertEquals(dn, scp.getFieldAsString("dn"));
    assertEquals("Contoso 😀", scp.getFieldAsString("organization"));
  }

  private static String b64(String s) {
    return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> strings(List<JSONValue> array) {
    return array.stream().map(v -> ((JSONString) v).stringValue()).toList();
  }
}
