package org.adscp.directory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.adscp.Messages;
import org.adscp.directory.ConnectionSpec.Credentials;
import org.adscp.directory.ConnectionSpec.Kerberos;
import org.adscp.directory.ConnectionSpec.Simple;

/**
 * Turns what UnboundID and the JDK report into the one line an administrator needs: what went
 * wrong, in their words, without the SDK's revision numbers and stack of wrapped messages.
 */
final class LdapFailures {
  /** The "data 52e" part of AD's (and Samba's) AcceptSecurityContext diagnostics. */
  private static final Pattern AD_DATA = Pattern.compile("data ([0-9a-fA-F]{3,8})");

  private LdapFailures() {}

  static String describeConnect(LDAPException e, String host, int port, Duration timeout) {
    Throwable cause = rootCause(e);
    if (e.getMessage() != null && e.getMessage().contains("Hostname verification failed")) {
      return Messages.tlsHostNotOnCertificate(host);
    }
    if (hasCause(e, CertificateExpiredException.class)) {
      return Messages.tlsCertificateExpired();
    }
    if (hasCause(e, CertPathBuilderException.class) || hasCause(e, CertPathValidatorException.class)) {
      return Messages.tlsCertificateUntrusted();
    }
    if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
      return Messages.connectionRefused();
    }
    if (cause instanceof UnknownHostException) {
      return Messages.unknownHost(host);
    }
    if (cause instanceof SocketTimeoutException || e.getResultCode() == ResultCode.TIMEOUT) {
      return Messages.noAnswerWithin(timeout);
    }
    // UnboundID stops waiting for its connect thread after the connect timeout, while the TLS
    // handshake in that thread is still waiting for the server's hello; the host-name verifier
    // then finds no session: "peer not authenticated". A handshake that failed in time arrives
    // as its own exception (certificate, protocol), so this one means: no answer in time.
    if (hasCause(e, SSLPeerUnverifiedException.class)) {
      return Messages.noAnswerWithin(timeout);
    }
    if (hasCause(e, SSLException.class)) {
      return Messages.tlsHandshakeFailed(cause.getMessage());
    }
    if (e.getResultCode() == ResultCode.SERVER_DOWN) {
      return Messages.connectionClosed();
    }
    return resultText(e);
  }

  static String describeBind(LDAPException e, Credentials credentials) {
    ResultCode code = e.getResultCode();
    if (code == ResultCode.INVALID_CREDENTIALS && credentials instanceof Simple simple) {
      return Messages.bindInvalidCredentials(simple.bindDn(), adReason(e.getDiagnosticMessage()));
    }
    if (code == ResultCode.STRONG_AUTH_REQUIRED) {
      return Messages.strongAuthRequired();
    }
    if (credentials instanceof Kerberos) {
      return Messages.kerberosBindFailed(kerberosReason(e));
    }
    if (code == ResultCode.TIMEOUT) {
      return Messages.operationTimedOut("bind");
    }
    return Messages.bindFailed(resultText(e));
  }

  static String describeOperation(LDAPException e, String what) {
    if (e.getResultCode() == ResultCode.TIMEOUT) {
      return Messages.operationTimedOut(what);
    }
    if (e.getResultCode() == ResultCode.OPERATIONS_ERROR
        && String.valueOf(e.getDiagnosticMessage()).contains("without authentication")) {
      return Messages.needsAuthentication(what);
    }
    return Messages.operationFailed(what, resultText(e));
  }

  private static String resultText(LDAPException e) {
    String diagnostic = e.getDiagnosticMessage();
    String name = e.getResultCode().getName();
    return e.getResultCode().intValue()
        + " ("
        + name
        + ")"
        + (diagnostic == null || diagnostic.isBlank() ? "" : ": " + diagnostic.trim());
  }

  /** AD's sub-status codes for error 49, as documented for AcceptSecurityContext. */
  static String adReason(String diagnostic) {
    if (diagnostic == null) {
      return "";
    }
    Matcher m = AD_DATA.matcher(diagnostic);
    if (!m.find()) {
      return "";
    }
    return switch (m.group(1).toLowerCase(Locale.ROOT)) {
      case "52e" -> "wrong password or user name (AD data 52e)";
      case "525" -> "no such user (AD data 525)";
      case "530" -> "not permitted to log on at this time (AD data 530)";
      case "531" -> "not permitted to log on at this workstation (AD data 531)";
      case "532" -> "password expired (AD data 532)";
      case "533" -> "account disabled (AD data 533)";
      case "701" -> "account expired (AD data 701)";
      case "773" -> "password must be changed (AD data 773)";
      case "775" -> "account locked out (AD data 775)";
      default -> "AD data " + m.group(1);
    };
  }

  private static String kerberosReason(LDAPException e) {
    String text = String.valueOf(e.getMessage());
    if (text.contains("Unable to obtain Principal Name") || text.contains("No credentials")) {
      return Messages.kerberosNoTicket();
    }
    if (text.contains("Server not found in Kerberos database")) {
      return Messages.kerberosNoSpn();
    }
    if (text.contains("Cannot locate default realm")) {
      return Messages.kerberosNoRealm();
    }
    Throwable cause = rootCause(e);
    return cause.getMessage() != null ? cause.getMessage() : resultText(e);
  }

  private static Throwable rootCause(Throwable t) {
    Throwable current = t;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
