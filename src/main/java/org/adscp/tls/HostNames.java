package org.adscp.tls;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Small, pure helpers for host names and IP literals, shared by the matcher and the fetcher.
 * Nothing here looks anything up in DNS.
 */
final class HostNames {
  private HostNames() {}

  /** ASCII-only lower-casing: RFC 9525 compares DNS labels case-insensitively in ASCII only. */
  static String asciiLower(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (b == null) {
          b = new StringBuilder(s);
        }
        b.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return b == null ? s : b.toString();
  }

  /** Removes one trailing dot, the root label of a fully qualified name. */
  static String stripOneTrailingDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * The address of an IP literal (IPv4 dotted quad, or IPv6 with or without brackets and zone),
   * or empty when {@code s} is not one. Never consults DNS: only strings made of address
   * characters reach {@link InetAddress#getByName}, which parses literals without a lookup.
   */
  static Optional<InetAddress> ipLiteral(String s) {
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    String t = s;
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    int zone = t.indexOf('%');
    String core = zone >= 0 ? t.substring(0, zone) : t;
    if (core.indexOf(':') >= 0) {
      for (int i = 0; i < core.length(); i++) {
        char c = core.charAt(i);
        boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
            || c == ':' || c == '.';
        if (!ok) {
          return Optional.empty();
        }
      }
      return parse(core);
    }
    if (isDottedQuad(core)) {
      return parse(core);
    }
    return Optional.empty();
  }

  private static boolean isDottedQuad(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (p.charAt(i) < '0' || p.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static Optional<InetAddress> parse(String literal) {
    try {
      return Optional.of(InetAddress.getByName(literal));
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The reference identifier for a DNS host: one trailing dot removed, IDN U-labels converted to
   * A-labels, ASCII lower case. Empty when the name cannot be converted or has an empty label.
   */
  static Optional<String> dnsReference(String host) {
    String h = stripOneTrailingDot(host);
    if (h.isEmpty()) {
      return Optional.empty();
    }
    String ascii;
    try {
      ascii = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    ascii = asciiLower(ascii);
    if (ascii.isEmpty() || ascii.startsWith(".") || ascii.endsWith(".") || ascii.contains("..")) {
      return Optional.empty();
    }
    return Optional.of(ascii);
  }

  /** The canonical text of an address: dotted quad, or the JDK's full IPv6 form. */
  static String addressText(InetAddress a) {
    return a.getHostAddress();
  }
}
