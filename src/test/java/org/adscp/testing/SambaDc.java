package org.adscp.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The throwaway Samba AD DC of {@code scripts/samba-dc}, as its {@code env} command describes it.
 * Without one, integration tests are skipped with one line saying why, except in CI, where
 * they must run.
 */
public final class SambaDc {
  private SambaDc() {}

  public static String url() {
    return require("ADSCP_TEST_URL");
  }

  public static String startTlsUrl() {
    return require("ADSCP_TEST_STARTTLS_URL");
  }

  public static String bindDn() {
    return require("ADSCP_TEST_BIND_DN");
  }

  public static String passwordFile() {
    return require("ADSCP_TEST_PASSWORD_FILE");
  }

  public static String trustStore() {
    return require("ADSCP_TEST_TRUST_STORE");
  }

  /** The fixture loaded into the DC (relative to the project root). */
  public static String fixture() {
    return require("ADSCP_TEST_FIXTURE");
  }

  /** The Kerberos environment for a GSSAPI bind: the ticket cache and krb5.conf of the DC. */
  public static Map<String, String> kerberosEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("KRB5CCNAME", require("KRB5CCNAME"));
    env.put("KRB5_CONFIG", require("ADSCP_TEST_KRB5_CONF"));
    return env;
  }

  private static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      String why = "no Samba DC: " + name + " is not set (run scripts/test as root, or eval \"$(scripts/samba-dc env)\")";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + "; CI must run the integration tests");
      }
      System.err.println("skipped: " + why);
      Assumptions.abort(why);
    }
    return value;
  }
}
