package org.adscp;

/**
 * The work could not be done: no connection, a refused bind, an LDAP error (exit code 3). The
 * message is the one line the user sees.
 */
public class UnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
