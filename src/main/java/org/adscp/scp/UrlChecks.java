package org.adscp.scp;

import static org.adscp.scp.FindingCode.HOST_INTERNAL_NAME;
import static org.adscp.scp.FindingCode.HOST_IP_LITERAL;
import static org.adscp.scp.FindingCode.HOST_SERVER_SPECIFIC;
import static org.adscp.scp.FindingCode.HOST_SINGLE_LABEL;
import static org.adscp.scp.FindingCode.SCP_NO_URL;
import static org.adscp.scp.FindingCode.URL_BAD_PATH;
import static org.adscp.scp.FindingCode.URL_MALFORMED;
import static org.adscp.scp.FindingCode.URL_MULTI_VALUE;
import static org.adscp.scp.FindingCode.URL_NOT_HTTPS;
import static org.adscp.scp.FindingCode.URL_PORT_NONSTANDARD;
import static org.adscp.scp.FindingCode.URL_PORT_REDUNDANT;
import static org.adscp.scp.FindingCode.URL_WHITESPACE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adscp.Messages;

/**
 * The checks of spec §5 on the URL values of URL SCPs: what each value is, and what a client
 * does with it. Each value is judged trimmed; white space itself is its own finding.
 */
public final class UrlChecks {
  private UrlChecks() {}

  public static List<Finding> check(ForestConfiguration forest) {
    List<Finding> findings = new ArrayList<>();
    List<ServiceConnectionPoint> urlScps =
        forest.scps().stream().filter(s -> s.kind() == ScpKind.URL).toList();
    boolean sharedNameInUse = urlScps.stream().anyMatch(s -> usesSharedName(s, forest));
    for (ServiceConnectionPoint scp : urlScps) {
      checkScp(scp, forest, sharedNameInUse, findings);
    }
    return findings;
  }

  private static void checkScp(
      ServiceConnectionPoint scp, ForestConfiguration forest, boolean sharedNameInUse, List<Finding> out) {
    String dn = scp.dn().text();
    if (scp.bindings().isEmpty()) {
      out.add(Finding.of(SCP_NO_URL, dn, null, Messages.scpNoUrl(), Messages.scpNoUrlHint()));
      return;
    }
    if (scp.bindings().size() > 1) {
      out.add(Finding.of(URL_MULTI_VALUE, dn, null, Messages.urlMultiValue(scp.bindings()), Messages.urlMultiValueHint()));
    }
    for (String value : scp.bindings()) {
      checkValue(scp, value, forest, sharedNameInUse, out);
    }
  }

  private static void checkValue(
      ServiceConnectionPoint scp, String value, ForestConfiguration forest, boolean sharedNameInUse, List<Finding> out) {
    String dn = scp.dn().text();
    out.addAll(valueFindings(dn, value));
    AutodiscoverUrl.parse(value.strip())
        .filter(url -> !url.hostIsIpLiteral() && url.hostName().contains("."))
        .filter(url -> sharedNameInUse && isServerSpecific(scp, url, forest))
        .ifPresent(url -> out.add(Finding.of(HOST_SERVER_SPECIFIC, dn, value,
            Messages.hostServerSpecific(url.host(), scp.placement().map(ExchangePlacement::server).orElse("?")),
            Messages.hostServerSpecificHint())));
  }

  /**
   * What one value is, on its own: white space, URL form, scheme, path, port, host. Also what
   * {@code fix --uri} judges a new URL by, before it may be written.
   */
  public static List<Finding> valueFindings(String dn, String value) {
    List<Finding> out = new ArrayList<>();
    String trimmed = value.strip();
    if (!trimmed.equals(value)) {
      out.add(Finding.of(URL_WHITESPACE, dn, value, Messages.urlWhitespace(value), Messages.urlWhitespaceHint(trimmed)));
    }
    Optional<AutodiscoverUrl> parsed = AutodiscoverUrl.parse(trimmed);
    if (parsed.isEmpty()) {
      out.add(Finding.of(URL_MALFORMED, dn, value, Messages.urlMalformed(trimmed), Messages.urlMalformedHint()));
      return out;
    }
    AutodiscoverUrl url = parsed.get();
    if (!url.isHttps()) {
      out.add(Finding.of(URL_NOT_HTTPS, dn, value, Messages.urlNotHttps(url.scheme()), Messages.urlNotHttpsHint()));
    }
    if (!url.hasStandardPath()) {
      out.add(Finding.of(URL_BAD_PATH, dn, value, Messages.urlBadPath(url.path(), url.query(), url.fragment()),
          Messages.urlBadPathHint()));
    }
    if (url.port() == 443) {
      out.add(Finding.of(URL_PORT_REDUNDANT, dn, value, Messages.urlPortRedundant(), Messages.urlPortRedundantHint()));
    } else if (url.port() > 0) {
      out.add(Finding.of(URL_PORT_NONSTANDARD, dn, value, Messages.urlPortNonstandard(url.port()),
          Messages.urlPortNonstandardHint()));
    }
    if (url.hostIsIpLiteral()) {
      out.add(Finding.of(HOST_IP_LITERAL, dn, value, Messages.hostIpLiteral(url.host()), Messages.hostIpLiteralHint()));
    } else if (!url.hostName().contains(".")) {
      out.add(Finding.of(HOST_SINGLE_LABEL, dn, value, Messages.hostSingleLabel(url.host()), Messages.hostSingleLabelHint()));
    } else if (HostNames.isInternal(url.host())) {
      out.add(Finding.of(HOST_INTERNAL_NAME, dn, value, Messages.hostInternalName(url.host()),
          Messages.hostInternalNameHint()));
    }
    return out;
  }

  /** The host is the server's own: its FQDN, or a name whose first label is the server's name. */
  static boolean isServerSpecific(ServiceConnectionPoint scp, AutodiscoverUrl url, ForestConfiguration forest) {
    if (scp.placement().isEmpty()) {
      return false;
    }
    String server = scp.placement().get().server();
    if (url.firstLabel().equalsIgnoreCase(server)) {
      return true;
    }
    return forest.serverOf(scp).flatMap(ExchangeServer::fqdn).map(f -> f.equalsIgnoreCase(url.hostName())).orElse(false);
  }

  private static boolean usesSharedName(ServiceConnectionPoint scp, ForestConfiguration forest) {
    return scp.bindings().stream()
        .map(v -> AutodiscoverUrl.parse(v.strip()))
        .flatMap(Optional::stream)
        .anyMatch(u -> !u.hostIsIpLiteral() && !isServerSpecific(scp, u, forest));
  }
}
