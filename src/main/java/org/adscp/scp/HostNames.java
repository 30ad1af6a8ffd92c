package org.adscp.scp;

import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Set;

/**
 * Which host names a public CA may put on a certificate. Since 2015 the CA/Browser Forum's
 * Baseline Requirements forbid "internal names": names that do not end in a registered public
 * suffix (.local, .lan, .corp, .internal, …). The public suffix list bundled with Guava is the
 * well-kept source of which suffixes are registered (its ICANN section).
 */
public final class HostNames {
  /**
   * Suffixes reserved for private use whatever a suffix list says: the ones administrators use
   * (spec §5), and those reserved by RFC 6761 (test, example, invalid, localhost), RFC 6762
   * (local), RFC 8375 (home.arpa) and RFC 9476 (alt), and ICANN's 2024 reservation of internal.
   */
  private static final Set<String> PRIVATE_SUFFIXES =
      Set.of("local", "lan", "internal", "corp", "home", "localdomain", "intranet", "private",
          "test", "example", "invalid", "localhost", "home.arpa", "alt");

  private HostNames() {}

  /** True when {@code host} (A-label form, with at least one dot) is under no registered suffix. */
  public static boolean isInternal(String host) {
    String name = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).toLowerCase(Locale.ROOT);
    for (String suffix : PRIVATE_SUFFIXES) {
      if (name.equals(suffix) || name.endsWith("." + suffix)) {
        return true;
      }
    }
    try {
      InternetDomainName domain = InternetDomainName.from(name);
      // A registry suffix alone (co.uk) is no host of anyone's either; only names under one are public.
      return !domain.isUnderRegistrySuffix();
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
