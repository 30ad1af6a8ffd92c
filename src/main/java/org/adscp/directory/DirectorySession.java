package org.adscp.directory;

import com.unboundid.ldap.sdk.LDAPConnection;

/**
 * A bound connection to the directory (a DC, or the embedded one serving an export), with the
 * configuration partition it serves. Closing it closes the connection and stops an embedded
 * directory.
 *
 * @param kind "ldap" for a DC, "ldif" for an export
 * @param where the DC's URL, or the LDIF file(s)
 */
public record DirectorySession(
    LDAPConnection connection,
    String kind,
    String where,
    String configurationNamingContext,
    AutoCloseable owned)
    implements AutoCloseable {

  @Override
  public void close() {
    connection.close();
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        // nothing to lose: the embedded directory holds only what was read from the files
      }
    }
  }
}
