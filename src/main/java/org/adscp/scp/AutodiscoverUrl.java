package org.adscp.scp;

import com.google.common.net.InetAddresses;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value of {@code serviceBindingInformation}, trimmed and taken apart as an absolute URL, the
 * way a client's URI parser would: scheme, host (IDN in A-label form, lower case), explicit port,
 * path, query, fragment. A value that is not an absolute URL with a host does not parse; EWS
 * aborts its whole SCP lookup on one such value.
 *
 * @param host the host in A-label form, lower case, without IPv6 brackets
 * @param port the explicit port, or -1 when none is written
 */
public record AutodiscoverUrl(
    String value, String scheme, String host, int port, String path, String query, String fragment) {

  /** The path clients POST to; SOAP clients keep only the host, Outlook uses the whole URL. */
  public static final String STANDARD_PATH = "/autodiscover/autodiscover.xml";

  private static final Pattern ABSOLUTE =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$");
  private static final Pattern HOST_PORT = Pattern.compile("^(\\[[^\\]]+\\]|[^:\\[\\]]+)(?::(\\d{1,5}))?$");

  public static Optional<AutodiscoverUrl> parse(String trimmed) {
    if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      return Optional.empty();
    }
    Matcher m = ABSOLUTE.matcher(trimmed);
    if (!m.matches()) {
      return Optional.empty();
    }
    String authority = m.group(2);
    int at = authority.lastIndexOf('@');
    Matcher hp = HOST_PORT.matcher(at >= 0 ? authority.substring(at + 1) : authority);
    if (!hp.matches()) {
      return Optional.empty();
    }
    int port = -1;
    if (hp.group(2) != null) {
      port = Integer.parseInt(hp.group(2));
      if (port < 1 || port > 65535) {
        return Optional.empty();
      }
    }
    Optional<String> host = asciiHost(hp.group(1));
    if (host.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AutodiscoverUrl(
            trimmed,
            m.group(1).toLowerCase(Locale.ROOT),
            host.get(),
            port,
            m.group(3),
            m.group(4),
            m.group(5)));
  }

  private static Optional<String> asciiHost(String written) {
    if (written.startsWith("[")) {
      String inner = written.substring(1, written.length() - 1);
      return InetAddresses.isInetAddress(inner) && inner.contains(":")
          ? Optional.of(inner.toLowerCase(Locale.ROOT))
          : Optional.empty();
    }
    try {
      String ascii = IDN.toASCII(written, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
      return ascii.isEmpty() || ascii.startsWith(".") ? Optional.empty() : Optional.of(ascii);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public boolean isHttps() {
    return scheme.equals("https");
  }

  /** The port a client connects to: the explicit one, else the scheme's. */
  public int effectivePort() {
    if (port > 0) {
      return port;
    }
    return scheme.equals("http") ? 80 : 443;
  }

  public boolean hasStandardPath() {
    return path.equalsIgnoreCase(STANDARD_PATH) && query == null && fragment == null;
  }

  public boolean hostIsIpLiteral() {
    return InetAddresses.isInetAddress(host);
  }

  /** The host without a trailing dot, for label checks. */
  public String hostName() {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /** The first DNS label of the host ({@code ex01} for {@code ex01.contoso.com}). */
  public String firstLabel() {
    String name = hostName();
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
