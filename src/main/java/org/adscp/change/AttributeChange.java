package org.adscp.change;

import java.util.List;
import java.util.Objects;

/**
 * One conditional change to one attribute of one URL SCP: the exact values it held when it was
 * read, and the values it is to hold. Written as one modify that deletes the old values and adds
 * the new ones, so that a DC that no longer holds the old values rejects it whole.
 *
 * @param server the SCP's server, for the comment of the LDIF record; may be null
 * @param reason why, for the comment of the LDIF record
 */
public record AttributeChange(
    String dn, String server, String attribute, List<String> oldValues, List<String> newValues, String reason) {

  public static final String URL_ATTRIBUTE = "serviceBindingInformation";
  public static final String KEYWORDS_ATTRIBUTE = "keywords";

  public AttributeChange {
    Objects.requireNonNull(dn, "dn");
    Objects.requireNonNull(attribute, "attribute");
    oldValues = List.copyOf(oldValues);
    newValues = List.copyOf(newValues);
  }

  /** The change that undoes this one exactly. */
  public AttributeChange reversed(String why) {
    return new AttributeChange(dn, server, attribute, newValues, oldValues, why);
  }

  /** True when the attribute is one adscp may write: the URL or the keywords of a URL SCP. */
  public static boolean writable(String attribute) {
    return attribute.equalsIgnoreCase(URL_ATTRIBUTE) || attribute.equalsIgnoreCase(KEYWORDS_ATTRIBUTE);
  }

  /** Two value lists are the same when they hold the same values byte for byte, in any order. */
  public static boolean sameValues(List<String> a, List<String> b) {
    return a.size() == b.size() && a.stream().sorted().toList().equals(b.stream().sorted().toList());
  }
}
