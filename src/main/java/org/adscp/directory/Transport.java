package org.adscp.directory;

/** How one LDAP connection is protected. */
enum Transport {
  /** TLS from the first byte (ldaps://). */
  LDAPS,
  /** Plain LDAP upgraded with the StartTLS extended operation. */
  STARTTLS,
  /** No TLS: fit only for Kerberos with integrity protection, or a bind allowed in clear. */
  PLAIN;

  boolean encrypted() {
    return this != PLAIN;
  }
}
