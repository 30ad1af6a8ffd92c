package org.adscp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
