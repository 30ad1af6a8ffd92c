package org.adscp.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * The throwaway Samba AD DC of {@code scripts/samba-dc}, as its {@code env} command describes it.
 * Without one, integration tests are skipped with one line saying why, except in CI, where
 * they must run.
 *
 * <p>Each integration test class loads what it needs ({@link #load}) in its {@code @BeforeAll},
 * so the order in which the classes run does not matter.
 */
public final class SambaDc {
  /** The fixture the integration tests expect when nothing else is loaded. */
  public static final String DEFAULT_FIXTURE = "ldif-fixtures/multi-site.ldif";

  private static final long SCRIPT_TIMEOUT_SECONDS = 300;

  /** Whether the one line saying why the integration tests are skipped has been printed. */
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  private SambaDc() {}

  /**
   * Whether the environment describes a DC. A {@code @BeforeAll} loads only then, so that without
   * one each test is reported skipped (by {@link #require}) rather than the class vanishing.
   */
  public static boolean configured() {
    String url = System.getenv("ADSCP_TEST_URL");
    return url != null && !url.isEmpty();
  }

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

  /** The Kerberos realm of the DC, e.g. CONTOSO.COM. */
  public static String realm() {
    return require("ADSCP_TEST_REALM");
  }

  /** The DC's own log (samba's standard output). */
  public static Path log() {
    return Path.of(require("ADSCP_TEST_DC_LOG"));
  }

  /**
   * The fixture the list tests read (relative to the project root): {@code ADSCP_TEST_FIXTURE},
   * which scripts/test sets, else {@link #DEFAULT_FIXTURE}.
   */
  public static String fixture() {
    String value = System.getenv("ADSCP_TEST_FIXTURE");
    return value == null || value.isEmpty() ? DEFAULT_FIXTURE : value;
  }

  /** The Kerberos environment for a GSSAPI bind: the ticket cache and krb5.conf of the DC. */
  public static Map<String, String> kerberosEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("KRB5CCNAME", require("KRB5CCNAME"));
    env.put("KRB5_CONFIG", require("ADSCP_TEST_KRB5_CONF"));
    return env;
  }

  /**
   * Makes the DC hold exactly these exports (paths relative to the project root, or absolute):
   * {@code scripts/samba-dc load --replace}, which first removes whatever earlier loads added.
   */
  public static void load(String... exports) {
    require("ADSCP_TEST_URL");
    List<String> args = new ArrayList<>(List.of("load", "--replace"));
    for (String e : exports) {
      Path p = Fixtures.root().resolve(e);
      args.add(p.startsWith(Fixtures.root()) ? Fixtures.root().relativize(p).toString() : p.toString());
    }
    script(args.toArray(new String[0]));
  }

  /** Sets the debug level of every samba process of the DC ({@code scripts/samba-dc debug}). */
  public static void debugLevel(int level) {
    require("ADSCP_TEST_URL");
    script("debug", Integer.toString(level));
  }

  /**
   * Runs {@code scripts/samba-dc ARGS} from the project root; its output goes to the test log.
   * A non-zero exit fails the test with that output.
   */
  public static String script(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Fixtures.root().resolve("scripts/samba-dc").toString());
    command.addAll(Arrays.asList(args));
    String shown = "scripts/samba-dc " + String.join(" ", args);
    try {
      Process p =
          new ProcessBuilder(command).directory(Fixtures.root().toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[][] output = new byte[1][];
      Thread reader = new Thread(() -> output[0] = readAll(p.getInputStream()), "samba-dc-output");
      reader.setDaemon(true);
      reader.start();
      if (!p.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(shown + " did not end within " + SCRIPT_TIMEOUT_SECONDS + " s");
      }
      reader.join(10_000);
      String out = output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8);
      System.out.println("[" + shown + "]");
      System.out.print(out.indent(4));
      if (p.exitValue() != 0) {
        fail(shown + " exited " + p.exitValue() + ":\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + shown, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + shown, e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** The lines the DC has logged after the first {@code skip} lines of {@link #log()}. */
  public static List<String> logLinesAfter(long skip) {
    try (var lines = Files.lines(log(), StandardCharsets.ISO_8859_1)) {
      return lines.skip(skip).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many lines the DC's log has now. */
  public static long logLineCount() {
    try (var lines = Files.lines(log(), StandardCharsets.ISO_8859_1)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      String why = "no Samba DC: " + name + " is not set (run scripts/test as root, or eval \"$(scripts/samba-dc env)\")";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + "; CI must run the integration tests");
      }
      if (!TOLD.getAndSet(true)) {
        System.err.println("skipped: " + why);
      }
      Assumptions.abort(why);
    }
    return value;
  }
}
