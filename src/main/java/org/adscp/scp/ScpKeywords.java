package org.adscp.scp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code keywords} of an SCP: the GUID that marks what it is, and the {@code Site=} and
 * {@code Domain=} scopes. Every client compares these without regard to case (EWS uses
 * OrdinalIgnoreCase, Exchange a case-insensitive filter), and so do we; the values themselves are
 * kept exactly as the directory holds them, because a write must reproduce them.
 */
public record ScpKeywords(List<String> values) {
  /** Marks a URL SCP ("Autodiscover URI map GUID" in MS-OXDISCO), in the case Exchange writes it. */
  public static final String URL_GUID = "77378F46-2C66-4aa9-A6A6-3E7A48B19596";

  /** Marks a pointer SCP ("Autodiscover directory service map GUID"), as Exchange writes it. */
  public static final String POINTER_GUID = "67661d7F-8FC4-4fa7-BFAC-E1D7794C1F68";

  private static final String SITE_PREFIX = "site=";
  private static final String DOMAIN_PREFIX = "domain=";

  public ScpKeywords {
    values = List.copyOf(values);
  }

  public boolean marksUrl() {
    return contains(URL_GUID);
  }

  public boolean marksPointer() {
    return contains(POINTER_GUID);
  }

  /** The kind these keywords mark, URL winning over pointer; empty for any other SCP. */
  public Optional<ScpKind> kind() {
    if (marksUrl()) {
      return Optional.of(ScpKind.URL);
    }
    return marksPointer() ? Optional.of(ScpKind.POINTER) : Optional.empty();
  }

  private boolean contains(String keyword) {
    return values.stream().anyMatch(keyword::equalsIgnoreCase);
  }

  /** The site names of the {@code Site=} values, in the directory's order, as written. */
  public List<String> sites() {
    return withPrefix(SITE_PREFIX);
  }

  /** The SMTP domains of the {@code Domain=} values, in the directory's order, as written. */
  public List<String> domains() {
    return withPrefix(DOMAIN_PREFIX);
  }

  private List<String> withPrefix(String prefix) {
    return values.stream()
        .filter(v -> v.length() >= prefix.length())
        .filter(v -> v.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix))
        .map(v -> v.substring(prefix.length()))
        .toList();
  }
}
