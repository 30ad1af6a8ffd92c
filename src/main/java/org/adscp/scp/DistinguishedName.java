package org.adscp.scp;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A distinguished name as the directory returned it, with its RDNs already parsed (leaf first) by
 * the directory layer, so that the domain can walk up the tree without an LDAP library.
 *
 * <p>Two DNs are the same object when their RDNs agree ignoring case, which is how Active
 * Directory compares them; {@link #key()} is that comparison key.
 */
public final class DistinguishedName {
  private final String text;
  private final List<Rdn> rdns;
  private final String key;

  public DistinguishedName(String text, List<Rdn> rdns) {
    this.text = Objects.requireNonNull(text, "text");
    this.rdns = List.copyOf(rdns);
    this.key =
        this.rdns.stream()
            .map(r -> lower(r.type()) + "=" + lower(r.value()))
            .collect(Collectors.joining("\u0000"));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** The DN as the directory wrote it. */
  public String text() {
    return text;
  }

  public List<Rdn> rdns() {
    return rdns;
  }

  /** The value of the leaf RDN ({@code EX01} for {@code CN=EX01,CN=Servers,…}), or "" for the root. */
  public String leafValue() {
    return rdns.isEmpty() ? "" : rdns.get(0).value();
  }

  /** The RDN {@code levels} steps up from the leaf (0 is the leaf), or null above the root. */
  public Rdn rdnAt(int levels) {
    return levels < rdns.size() ? rdns.get(levels) : null;
  }

  /** True when the RDN {@code levels} up is {@code type=value}, ignoring case. */
  public boolean rdnIs(int levels, String type, String value) {
    Rdn rdn = rdnAt(levels);
    return rdn != null && rdn.type().equalsIgnoreCase(type) && rdn.value().equalsIgnoreCase(value);
  }

  /**
   * The ancestor {@code levels} steps up. Its text is written from the parsed RDNs (RFC 4514
   * escaping), since the directory only gave us this DN's own text.
   */
  public DistinguishedName ancestor(int levels) {
    List<Rdn> rest = rdns.subList(Math.min(levels, rdns.size()), rdns.size());
    return new DistinguishedName(format(rest), rest);
  }

  /** Writes RDNs as an RFC 4514 string. */
  public static String format(List<Rdn> rdns) {
    return rdns.stream().map(r -> r.type() + "=" + escape(r.value())).collect(Collectors.joining(","));
  }

  private static String escape(String value) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean special = ",+\"\\<>;=".indexOf(c) >= 0;
      boolean edge = (i == 0 && (c == ' ' || c == '#')) || (i == value.length() - 1 && c == ' ');
      if (special || edge) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** The comparison key: RDN types and values, lower-cased. */
  public String key() {
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DistinguishedName other && key.equals(other.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
