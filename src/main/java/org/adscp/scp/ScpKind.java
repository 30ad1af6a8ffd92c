package org.adscp.scp;

import java.util.Locale;

/** What an Autodiscover SCP is for, told by the GUID in its keywords. */
public enum ScpKind {
  /** Holds an Autodiscover URL ({@link ScpKeywords#URL_GUID}). */
  URL,
  /** Points clients at another forest ({@link ScpKeywords#POINTER_GUID}). */
  POINTER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
