import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an ldapsearch-style export of N Exchange servers, each with its URL SCP, in 4 sites. */
public class GenerateForest {
  public static void main(String[] args) throws Exception {
    int servers = Integer.parseInt(args[0]);
    Path file = Path.of(args[1]);
    String config = "CN=Configuration,DC=contoso,DC=com";
    String serversDn = "CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,"
        + "CN=Contoso,CN=Microsoft Exchange,CN=Services," + config;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("dn: " + config + "\nobjectClass: top\nobjectClass: configuration\ncn: Configuration\n\n");
      for (int s = 0; s < 4; s++) {
        w.write("dn: CN=Site" + s + ",CN=Sites," + config + "\nobjectClass: site\ncn: Site" + s + "\n\n");
      }
      for (int i = 0; i < servers; i++) {
        String name = String.format("EX%05d", i);
        w.write("dn: CN=" + name + "," + serversDn + "\nobjectClass: msExchExchangeServer\ncn: " + name
            + "\nmsExchServerSite: CN=Site" + (i % 4) + ",CN=Sites," + config
            + "\nserialNumber: Version 15.2 (Build 31748.10)\n\n");
        w.write("dn: CN=" + name + ",CN=Autodiscover,CN=Protocols,CN=" + name + "," + serversDn
            + "\nobjectClass: serviceConnectionPoint\ncn: " + name
            + "\nkeywords: 77378F46-2C66-4aa9-A6A6-3E7A48B19596\nkeywords: Site=Site" + (i % 4)
            + "\nserviceBindingInformation: https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml\n\n");
      }
    }
  }
}
