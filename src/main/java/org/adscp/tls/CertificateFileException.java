package org.adscp.tls;

/**
 * A {@code --cert} (or chain) file that cannot be read or holds no certificate: a usage error
 * (exit code 2), reported before anything is fetched. The message is one line naming the file.
 */
public final class CertificateFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public CertificateFileException(String message, Throwable cause) {
    super(message, cause);
  }

  public CertificateFileException(String message) {
    super(message);
  }
}
