package org.adscp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Every line adscp says to a person, in one place: errors (one line each, saying what is wrong
 * and what to do), and the {@code --verbose} trace. Tests assert these texts, so wording is
 * changed here or nowhere.
 */
public final class Messages {
  private Messages() {}

  // ---- input files -------------------------------------------------------------------------

  public static String ldifNotFound(Path file) {
    return "cannot read LDIF file '" + file + "': no such file";
  }

  public static String ldifNotReadable(Path file, String why) {
    return "cannot read LDIF file '" + file + "': " + why;
  }

  public static String ldifMalformed(Path file, long line, String why) {
    return "malformed LDIF in '" + file + "' at line " + (line + 1) + ": " + oneLine(why);
  }

  public static String ldifBadDn(Path file, String dn, String why) {
    return "malformed LDIF in '" + file + "': the DN '" + dn + "' does not parse: " + oneLine(why);
  }

  public static String ldifEmpty(Path file) {
    return "LDIF file '" + file + "' holds no entries";
  }

  public static String ldifNotAnExport(Path file, String dn, String changeType) {
    return "LDIF file '" + file + "' is not an export: the record for '" + dn + "' is a '"
        + changeType + "' change; export entries with ldifde or ldapsearch";
  }

  public static String ldifHasNoConfigurationPartition(String files) {
    return "no configuration partition in " + files
        + ": no entry lies under CN=Configuration,DC=...; export it with"
        + " ldifde -d \"CN=Configuration,DC=<forest>\" or ldapsearch -b \"CN=Configuration,DC=<forest>\"";
  }

  public static String ldifRejected(String files, String why) {
    return "the export in " + files + " cannot be served: " + oneLine(why);
  }

  public static String embeddedDidNotStart(String why) {
    return "the embedded directory did not start: " + oneLine(why);
  }

  public static String badDn(String dn, String why) {
    return "'" + dn + "' is not a DN: " + oneLine(why);
  }

  public static String trustStoreNotFound(Path file) {
    return "cannot read trust store '" + file + "': no such file";
  }

  public static String trustStoreNotReadable(Path file, String why) {
    return "cannot read trust store '" + file + "': " + why;
  }

  public static String trustStoreUnrecognised(Path file) {
    return "trust store '" + file + "' is neither PEM/DER certificates, PKCS#12 nor JKS"
        + " (for a password-protected store set ADSCP_TRUST_STORE_PASSWORD)";
  }

  public static String trustStoreEmpty(Path file) {
    return "trust store '" + file + "' holds no certificates"
        + " (for a password-protected PKCS#12 store set ADSCP_TRUST_STORE_PASSWORD)";
  }

  public static String passwordFileNotReadable(Path file, String why) {
    return "cannot read password file '" + file + "': " + why;
  }

  public static String passwordFileEmpty(Path file) {
    return "password file '" + file + "' is empty";
  }

  // ---- options -------------------------------------------------------------------------------

  public static String badLdapUrl(String url) {
    return "'" + url + "' is not an LDAP URL: use ldap://HOST[:PORT] or ldaps://HOST[:PORT]";
  }

  public static String ldapUrlWithoutHost(String url) {
    return "'" + url + "' names no host: use ldap://HOST[:PORT] or ldaps://HOST[:PORT]";
  }

  public static String startTlsWithLdaps() {
    return "--starttls upgrades ldap:// connections; an ldaps:// URL is TLS already";
  }

  public static String cleartextBindRefused() {
    return "refusing a simple bind without TLS: the password would cross the network in clear;"
        + " use ldaps://, --starttls or --kerberos (or --allow-cleartext if you really must)";
  }

  public static String passwordAsArgument() {
    return "a password is never given as an argument (it would show in the process list and"
        + " shell history): use -w - to be prompted, --password-file FILE, or ADSCP_PASSWORD";
  }

  public static String noPasswordSource(String bindDn) {
    return "no password for " + bindDn
        + ": use -w - to be prompted, --password-file FILE, or set ADSCP_PASSWORD";
  }

  public static String bindDnWithKerberos() {
    return "--kerberos binds with your ticket; it does not take -D, -w or --password-file";
  }

  public static String passwordWithoutBindDn() {
    return "a password was given but no -D/--bind-dn to bind as";
  }

  public static String sourcesConflict() {
    return "choose one source: --ldif FILE, -H/--url URL, or --domain DOMAIN";
  }

  public static String liveOptionWithLdif(String option) {
    return option + " applies to a live directory, not to --ldif exports";
  }

  public static String noSource() {
    return "no directory to read: pass --ldif FILE (an export), -H ldaps://DC, or --domain DOMAIN"
        + " (on a domain-joined machine the domain is found from USERDNSDOMAIN or the Kerberos"
        + " default_realm)";
  }

  public static String badTimeout(String value) {
    return "--timeout takes a positive number of seconds, not '" + value + "'";
  }

  public static String unknownOption(String option) {
    return "Unknown option: '" + option + "'";
  }

  public static String unmatchedArgument(String argument) {
    return "Unmatched argument: '" + argument + "'";
  }

  public static String tryHelp(String command) {
    return "Try '" + command + " --help' for the options.";
  }

  public static String noTrustLeft() {
    return "--no-default-trust leaves nothing to trust: give the CA with --trust-store FILE";
  }

  public static String badInstant(String value) {
    return "--at takes an ISO-8601 instant or date (2027-03-01, 2027-03-01T09:00:00Z), not '" + value + "'";
  }

  public static String badExpiryWarnDays(int days) {
    return "--expiry-warn-days takes a number of days from 0 up, not " + days;
  }

  public static String passwordPrompt(String bindDn) {
    return "Password for " + bindDn + ": ";
  }

  // ---- connecting and binding ----------------------------------------------------------------

  public static String cannotConnect(String url, String why) {
    return "cannot connect to " + url + ": " + why;
  }

  public static String noDomainControllerAnswered(List<String> failures) {
    return "no domain controller answered: " + String.join("; ", failures);
  }

  public static String connectionRefused() {
    return "connection refused (nothing listens there)";
  }

  public static String connectionClosed() {
    return "the server closed the connection";
  }

  public static String unknownHost(String host) {
    return "unknown host " + host;
  }

  public static String noAnswerWithin(Duration timeout) {
    return "no answer within " + seconds(timeout) + " (--timeout)";
  }

  public static String tlsHostNotOnCertificate(String host) {
    return "the server's certificate does not name '" + host
        + "': connect by a name the certificate carries";
  }

  public static String tlsCertificateUntrusted() {
    return "the server's certificate is not trusted (unknown issuer): add its CA with --trust-store FILE";
  }

  public static String tlsCertificateExpired() {
    return "the server's certificate has expired";
  }

  public static String tlsHandshakeFailed(String why) {
    return "TLS handshake failed: " + oneLine(why);
  }

  public static String bindInvalidCredentials(String bindDn, String reason) {
    return "bind refused for " + bindDn + ": invalid credentials"
        + (reason.isEmpty() ? "" : ", " + reason);
  }

  public static String strongAuthRequired() {
    return "the DC requires a protected connection for this bind: use ldaps://, --starttls or --kerberos";
  }

  public static String bindFailed(String why) {
    return "bind failed: " + why;
  }

  public static String kerberosBindFailed(String why) {
    return "Kerberos bind failed: " + oneLine(why);
  }

  public static String kerberosNoTicket() {
    return "no Kerberos ticket in the cache: run kinit (and check KRB5CCNAME)";
  }

  public static String kerberosNoSpn() {
    return "the KDC knows no ldap/ service for that host name: connect by the DC's FQDN";
  }

  public static String kerberosNoRealm() {
    return "no default Kerberos realm: set KRB5_CONFIG to a krb5.conf that names it";
  }

  public static String noConfigurationNamingContext(String where) {
    return where + " is not an Active Directory domain controller (its RootDSE names no"
        + " configurationNamingContext): pass --config-nc DN";
  }

  public static String srvNotFound(String name) {
    return "no domain controller found: DNS has no SRV record " + name;
  }

  public static String srvFailed(String name, String why) {
    return "DNS lookup of " + name + " failed: " + oneLine(why);
  }

  public static String operationTimedOut(String what) {
    return "no answer to the " + what + " within the --timeout";
  }

  public static String needsAuthentication(String what) {
    return "the DC refused the " + what + " to an anonymous client: bind with -D or --kerberos";
  }

  public static String operationFailed(String what, String why) {
    return "the " + what + " failed: " + why;
  }

  public static String searchDescription(String base, String filter) {
    return "search of " + base + " for " + filter;
  }

  public static String rootDseRead() {
    return "read of the RootDSE";
  }

  public static String directoryReturnedBadDn(String dn) {
    return "the directory returned an entry whose DN does not parse: " + dn;
  }

  public static String internalError(String what) {
    return "internal error: " + oneLine(what) + " (run with --verbose and report it)";
  }

  // ---- findings: URL ------------------------------------------------------------------------

  private static final String SET_URI =
      "Set-ClientAccessService <server> -AutoDiscoverServiceInternalUri"
          + " https://autodiscover.<your domain>/Autodiscover/Autodiscover.xml";

  public static String scpNoUrl() {
    return sentence("no Autodiscover URL: clients skip this SCP (some old EWS clients fail on it)");
  }

  public static String scpNoUrlHint() {
    return sentence("if the server should serve Autodiscover, give it a URL (" + SET_URI + "); otherwise leave it"
        + " empty on purpose");
  }

  public static String urlMultiValue(List<String> values) {
    return sentence(values.size() + " URL values: clients use only one, whichever the DC returns first");
  }

  public static String urlMultiValueHint() {
    return sentence("keep one value: " + SET_URI + " writes exactly one");
  }

  public static String urlWhitespace(String value) {
    return sentence("the URL has white space at its start or end: \"" + value + "\"");
  }

  public static String urlWhitespaceHint(String trimmed) {
    return sentence("write it without the white space: " + trimmed);
  }

  public static String urlMalformed(String value) {
    return sentence("not an absolute URL: " + value + " (one such value aborts the whole SCP lookup of EWS clients)");
  }

  public static String urlMalformedHint() {
    return sentence("write a full https URL: " + SET_URI);
  }

  public static String urlNotHttps(String scheme) {
    return sentence("the URL uses " + scheme + ", not https: clients will not send credentials to it");
  }

  public static String urlNotHttpsHint() {
    return sentence("use https: " + SET_URI);
  }

  public static String urlBadPath(String path, String query, String fragment) {
    String extra = (query == null ? "" : "?" + query) + (fragment == null ? "" : "#" + fragment);
    return sentence("the path is '" + (path.isEmpty() ? "/" : path) + extra + "', not /Autodiscover/Autodiscover.xml:"
        + " Outlook posts to the URL as written");
  }

  public static String urlBadPathHint() {
    return sentence("end the URL in /Autodiscover/Autodiscover.xml, without query or fragment");
  }

  public static String urlPortRedundant() {
    return sentence("the URL names port 443, which https uses anyway");
  }

  public static String urlPortRedundantHint() {
    return sentence("drop the ':443'; it changes nothing, but it is not what Exchange writes");
  }

  public static String urlPortNonstandard(int port) {
    return sentence("the URL names port " + port + (port == 444 ? " (the Exchange back-end site, meant for the servers, not for clients)" : "")
        + ": clients and firewalls expect 443");
  }

  public static String urlPortNonstandardHint() {
    return sentence("point it at the front end on 443: " + SET_URI);
  }

  public static String hostIpLiteral(String host) {
    return sentence("the host is an IP address (" + host + "): no public CA certifies it, and it breaks when the server moves");
  }

  public static String hostIpLiteralHint() {
    return sentence("use a DNS name on the certificate, such as autodiscover.<your domain>");
  }

  public static String hostSingleLabel(String host) {
    return sentence("the host '" + host + "' has no domain: it resolves only through DNS suffix search, and no public CA certifies it");
  }

  public static String hostSingleLabelHint() {
    return sentence("use a fully qualified name on the certificate, such as autodiscover.<your domain>");
  }

  public static String hostInternalName(String host) {
    return sentence("'" + host + "' is an internal name: no public CA may certify it (CA/Browser Forum, since 2015)");
  }

  public static String hostInternalNameHint() {
    return sentence("use a name under a public domain you own, covered by the Exchange certificate (split DNS inside)");
  }

  public static String hostServerSpecific(String host, String server) {
    return sentence("the host '" + host + "' is server " + server + "'s own name, while other SCPs use a shared name:"
        + " what setup writes, and what breaks when that server goes");
  }

  public static String hostServerSpecificHint() {
    return sentence("use the shared name the other SCPs use: " + SET_URI);
  }

  // ---- findings: topology -------------------------------------------------------------------

  public static String sourcePartial(boolean noServers, boolean noSites) {
    String missing = noServers && noSites ? "no Exchange server objects and no AD sites"
        : noServers ? "no Exchange server objects" : "no AD sites";
    return sentence("the source holds " + missing + ": the checks that need them are skipped");
  }

  public static String sourcePartialHint() {
    return sentence("export the servers and sites too: ldifde -r \"(|(objectClass=serviceConnectionPoint)"
        + "(objectClass=msExchExchangeServer)(objectClass=site)(objectClass=subnet))\"");
  }

  public static String siteNone() {
    return sentence("no Site= scope: clients in every site may get this URL (EWS priority 2)");
  }

  public static String siteNoneHint() {
    return sentence("if that is not meant, scope it: Set-ClientAccessService <server> -AutoDiscoverSiteScope <site>");
  }

  public static String siteUnknown(String site) {
    return sentence("Site=" + site + " names no AD site (a typo, or a site renamed since)");
  }

  public static String siteUnknownHint(List<String> sites) {
    return sentence("use a site that exists (" + String.join(", ", sites) + "): Set-ClientAccessService <server>"
        + " -AutoDiscoverSiteScope <site>");
  }

  public static String siteMismatch(String server, String ownSite, List<String> scoped) {
    return sentence("server " + server + " is in site " + ownSite + ", but its SCP is scoped to "
        + String.join(", ", scoped) + " (Exchange never updates Site= when a server moves)");
  }

  public static String siteMismatchHint(String ownSite) {
    return sentence("scope it to where the server is: Set-ClientAccessService <server> -AutoDiscoverSiteScope " + ownSite);
  }

  public static String serverMissing(String server) {
    return sentence("the server object of " + server + " does not exist: a stale SCP of a removed server");
  }

  public static String serverMissingHint() {
    return sentence("delete this SCP (ADSI Edit), or recover the server; clients may be sent to a server that is gone");
  }

  public static String serverLegacy(String server, String product, String version, String newest) {
    return sentence(server + " runs " + product + " (" + version + "), older than the organisation's " + newest);
  }

  public static String serverLegacyHint() {
    return sentence("point it at the new namespace, or clear it once the server is being retired"
        + " (Set-ClientAccessService <server> -AutoDiscoverServiceInternalUri $null)");
  }

  public static String pointerNoTarget() {
    return sentence("pointer SCP without a value: EWS clients fail on it");
  }

  public static String pointerNoTargetHint() {
    return sentence("re-run Export-AutoDiscoverConfig in the source forest, or delete this pointer");
  }

  public static String pointerBadTarget(String value) {
    return sentence("pointer target '" + value + "' is not an LDAP:// URL");
  }

  public static String pointerBadTargetHint() {
    return sentence("a pointer names the other forest as LDAP://<forest>; re-run Export-AutoDiscoverConfig");
  }

  public static String pointerNoDomain() {
    return sentence("pointer without Domain=: with URL SCPs in this forest, clients use it only as a last fallback");
  }

  public static String pointerNoDomainHint() {
    return sentence("re-run Export-AutoDiscoverConfig -MultipleExchangeDeployments $true, which adds Domain= values");
  }

  // ---- fix and apply ------------------------------------------------------------------------

  public static String fileExists(Path file) {
    return "'" + file + "' exists already and is never overwritten (it may be the way back from an earlier run):"
        + " choose another name";
  }

  public static String cannotWrite(Path file, String why) {
    return "cannot write '" + file + "': " + why;
  }

  public static String planNotFound(Path file) {
    return "cannot read plan '" + file + "': no such file";
  }

  public static String planNotReadable(Path file, String why) {
    return "cannot read plan '" + file + "': " + why;
  }

  public static String planMalformed(Path file, long line, String why) {
    return "malformed LDIF in '" + file + "' at line " + line + ": " + oneLine(why);
  }

  public static String planEmpty(Path file) {
    return "'" + file + "' holds no change records";
  }

  public static String planRecordNotModify(String changeType) {
    return "a '" + changeType + "' record: adscp applies only modify records";
  }

  public static String planRecordSeveralAttributes() {
    return "the record changes more than one attribute: adscp plans change one";
  }

  public static String planRecordNotConditional(String type) {
    return "a '" + type + "' without values is not conditional (it would overwrite whatever is there):"
        + " only delete-exact-values and add are applied";
  }

  public static String planRecordEmpty() {
    return "the record changes nothing";
  }

  public static String planRecordAttributeNotAllowed(String attribute) {
    return "'" + attribute + "' is not written: only serviceBindingInformation and keywords of an Autodiscover URL SCP are";
  }

  public static String changeNothingToDo() {
    return "nothing to write";
  }

  public static String changeConflictOnWrite(String code) {
    return "the DC refused the conditional modify (" + code + "): the SCP changed since it was read; nothing was written";
  }

  public static String changeApplied() {
    return "written, and read back";
  }

  public static String changeEntryGone() {
    return "the SCP no longer exists";
  }

  public static String changeAlreadyApplied() {
    return "the SCP holds the new values already";
  }

  public static String changeConflict() {
    return "the SCP holds neither the old nor the new values: someone changed it since the plan was made;"
        + " not written";
  }

  public static String changeWouldApply() {
    return "would be written: the SCP still holds the old values";
  }

  public static String changeNotAnAutodiscoverScp() {
    return "not an Autodiscover URL SCP: never written";
  }

  public static String changePointerNeverWritten() {
    return "a pointer SCP: never written (re-run Export-AutoDiscoverConfig in its source forest instead)";
  }

  public static String modifyOf(String dn) {
    return "modify of " + dn;
  }

  public static String readOf(String dn) {
    return "read of " + dn;
  }

  public static String reasonSetUri(List<String> old, String uri) {
    return (old.isEmpty() ? "no URL" : String.join(" + ", old)) + " -> " + uri;
  }

  public static String reasonClear() {
    return "clear the URL (Set-ClientAccessService -AutoDiscoverServiceInternalUri $null)";
  }

  public static String reasonSiteScope(List<String> old, List<String> sites) {
    return "site scope " + (old.isEmpty() ? "(none)" : String.join(",", old)) + " -> "
        + (sites.isEmpty() ? "(none)" : String.join(",", sites));
  }

  public static String planRecordRefused(int index, String why) {
    return "record " + index + " refused: " + why;
  }

  public static String applyToAnExport() {
    return "an LDIF export is a copy: nothing written to it would reach a DC; make the plan with --plan here"
        + " and apply it to a DC with: adscp apply PLAN -H ldaps://DC ... --apply";
  }

  public static String selectionMatchedNothing(String what) {
    return "no Autodiscover URL SCP matches " + what;
  }

  public static String newUrlRefused(String uri, String errors) {
    return "refusing to write " + uri + ", which would itself be an error: " + errors
        + " (--force writes it anyway)";
  }

  public static String planHeader(String where, String command) {
    return "adscp plan, made from " + where + "\n" + command
        + "\nEach record deletes the exact old values and adds the new ones: a DC that no longer holds the old"
        + " values rejects it whole.";
  }

  public static String rollbackHeader(String planHeader) {
    return "adscp rollback: undoes exactly the plan below, once it has been applied\n" + planHeader;
  }

  public static String reasonUndo(String reason) {
    return "undo: " + reason;
  }

  public static String planWritten(Path file) {
    return "Plan written to " + file;
  }

  public static String rollbackWritten(Path file) {
    return "Rollback written to " + file + " (apply it with: adscp apply " + file + " ... --apply)";
  }

  public static String traceModify(String dn, String attribute, int deleted, int added) {
    return "modify " + dn + ": delete " + deleted + " exact value(s) and add " + added + " of " + attribute;
  }

  // ---- --verbose -----------------------------------------------------------------------------

  public static String traceLoaded(int entries, int addedParents, Object configNc) {
    return "loaded " + entries + " entries (" + addedParents + " missing parents added as containers);"
        + " configuration partition " + configNc;
  }

  public static String traceEmbedded(String host, int port) {
    return "embedded directory listening on ldap://" + host + ":" + port;
  }

  public static String traceConnect(String url, String transport) {
    return "connect " + url + " (" + transport + ")";
  }

  public static String traceConnectFailed(String url, String why) {
    return "connect " + url + " failed: " + why;
  }

  public static String traceAnonymous() {
    return "no bind (anonymous)";
  }

  public static String traceSimpleBind(String dn) {
    return "simple bind as " + dn;
  }

  public static String traceKerberosBind(String host, String cache) {
    return "GSSAPI bind for ldap/" + host + (cache == null ? "" : " with ticket cache " + cache);
  }

  public static String traceRootDse() {
    return "read RootDSE";
  }

  public static String traceConfigOverride(String dn) {
    return "configuration partition " + dn + " (--config-nc)";
  }

  public static String traceConfigFromRootDse(String dn) {
    return "configuration partition " + dn + " (RootDSE)";
  }

  public static String traceSearch(String base, String filter, int pageSize) {
    return "search base=" + base + " scope=sub filter=" + filter + " (paged, " + pageSize + " per page)";
  }

  public static String tracePages(int pages) {
    return "  " + pages + (pages == 1 ? " page" : " pages");
  }

  public static String traceNoSuchBase(String base) {
    return "  " + base + " does not exist: nothing there";
  }

  public static String traceReferenceIgnored(String urls) {
    return "  continuation reference not followed: " + urls;
  }

  public static String traceSrvLookup(String name, String server) {
    return "DNS SRV " + name + (server == null ? "" : " at " + server);
  }

  public static String traceSrvFound(List<String> hosts) {
    return "  domain controllers: " + String.join(", ", hosts);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * Findings read as sentences in a report: a capital first letter, a full stop at the end, except
   * after a URL or a command the reader may copy, where a full stop would be taken along.
   */
  static String sentence(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String first = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    String lastWord = first.substring(first.lastIndexOf(' ') + 1);
    boolean copyable = lastWord.contains("/") || lastWord.contains("$") || lastWord.contains("=");
    return first.endsWith(".") || first.endsWith("?") || first.endsWith("!") || copyable ? first : first + ".";
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
  }

  /** The SDK's messages run over several lines and carry its revision; one line is enough. */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String s = text.replaceAll("\\s+", " ").trim();
    int sdk = s.indexOf(", ldapSDKVersion=");
    return sdk >= 0 ? s.substring(0, sdk) : s;
  }
}
