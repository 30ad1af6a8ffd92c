package org.adscp;

/**
 * The user asked for something that cannot be done as asked: a bad option, an unreadable or
 * malformed input file (exit code 2). The message is the one line the user sees.
 */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
