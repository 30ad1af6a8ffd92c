/*
 * PrepareExport - loads LDIF exports of an Active Directory configuration partition into the
 * Samba test DC of scripts/samba-dc, the way an administrator's export would have to be
 * replayed into another forest.
 *
 * Run with Java 17 as a single source file (scripts/samba-dc load compiles it once into the
 * state folder instead, which saves a second and a half per load):
 *
 *   java -cp unboundid-ldapsdk-7.0.5.jar scripts/samba/PrepareExport.java \
 *        --url ldaps://localhost:636 --trust ca.pem --bind-dn DN --password-file FILE \
 *        [--source-suffix DN] [--target-suffix DN] [--output FILE] [--timestamps-dir DIR]
 *        [--unload RECORD.ldif]... [--dry-run] [-v] [EXPORT.ldif...]
 *
 * What it does with each export (parsing and writing with the UnboundID LDAP SDK only):
 *  - reads ldifde exports (records with "changetype: add") and ldapsearch output (plain
 *    entries, "version: 1", folded lines, comments, base64 "::" values, and the non-entry
 *    records ldapsearch prints: "search:"/"result:" trailers and "ref:" references, ignored);
 *    UTF-8 with or without BOM, UTF-16 with BOM, LF or CRLF. Values are kept byte for byte,
 *    trailing spaces included (DN values are re-written by the DN move, and the DC normalises
 *    them anyway). Any other change type (modify, delete, moddn) is an error.
 *  - finds the export's forest root (the DC= RDNs after CN=Configuration, or the common
 *    trailing DC= RDNs of all entries; --source-suffix overrides) and moves every DN, and every
 *    value of every attribute whose syntax in the DC's schema is DN, DN-Binary or DN-String,
 *    from that suffix onto the DC's forest root (rootDomainNamingContext).
 *  - drops the attributes the DC sets itself: a fixed list (objectGUID, objectSid, whenCreated,
 *    whenChanged, uSNCreated, uSNChanged, instanceType, distinguishedName, name, objectCategory,
 *    dSCorePropagationData, nTSecurityDescriptor, ...) plus every attribute the DC's schema marks
 *    systemOnly (objectClass excepted) or constructed, such as systemFlags and the back links
 *    (memberOf, siteObjectBL, ...). An attribute the DC's schema does not know is an error.
 *  - reduces objectClass to what the DC's schema can take: the most derived structural class,
 *    its superclasses and auxiliary classes; a value listed before it that is not one of its
 *    superclasses here (real Exchange derives msExchExchangeServer from "server", the test
 *    schema from "container") is dropped and reported; any other unknown class is an error.
 *  - orders the entries parents first, and entries that other entries' DN values point to
 *    before those entries (file order otherwise); creates missing parents as plain containers
 *    (organizationalUnit for OU=); skips entries the DC already has (CN=Configuration,
 *    CN=Sites, CN=Default-First-Site-Name, ...); adds the rest over LDAPS as the bind DN;
 *    stops at the first error with the entry, the result code and the DC's message.
 *  - reads every added entry back and checks that the values of its string attributes are
 *    byte-identical to the export's.
 *  - --output FILE records, as LDIF add records, exactly the entries this run added (each one
 *    written and flushed after the DC accepted it, so the record holds what was added even when
 *    the load stops half way); entries it found already in the DC are only comments there.
 *  - --timestamps-dir DIR: the export's whenCreated and whenChanged of every added entry, as LDIF
 *    modify records, one file per naming context (named after it, in upper case: the file name
 *    of that partition under the DC's private/sam.ldb.d/). AD and Samba set both themselves on
 *    an add and refuse them over LDAP, relax control or not; scripts/samba-dc writes these
 *    records into the partition's database directly, below Samba's modules.
 *  - --unload RECORD.ldif (repeatable): first removes from the DC the entries recorded by the
 *    --output of earlier runs, children before parents, then deletes those record files; an
 *    entry already gone is fine, an entry that has children no load added stops the removal.
 *    The exports are all parsed and prepared first, so a bad export removes nothing.
 * Exit status: 0 loaded, 1 load failed, 2 usage or unreadable/malformed export.
 */

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.*;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.ldif.*;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;

import java.io.*;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PrepareExport {

    /** Attributes a DC sets itself; dropped even where the DC's schema would not say so. */
    static final Set<String> DC_OWNED = lowerSet(
        "objectGUID", "objectSid", "whenCreated", "whenChanged", "uSNCreated", "uSNChanged",
        "instanceType", "distinguishedName", "name", "objectCategory", "dSCorePropagationData",
        "nTSecurityDescriptor", "replPropertyMetaData", "replUpToDateVector", "repsFrom", "repsTo",
        "isDeleted", "isRecycled", "lastKnownParent", "uSNDSALastObjRemoved", "uSNLastObjRem",
        "createTimeStamp", "modifyTimeStamp", "structuralObjectClass", "subSchemaSubEntry",
        "entryDN", "entryUUID", "hasSubordinates", "numSubordinates", "canonicalName",
        "allowedAttributes", "allowedAttributesEffective", "allowedChildClasses",
        "allowedChildClassesEffective", "sDRightsEffective", "msDS-ReplAttributeMetaData",
        "msDS-ReplValueMetaData", "msDS-NCReplCursors", "msDS-NCReplInboundNeighbors",
        "msDS-NCReplOutboundNeighbors", "msDS-Approx-Immed-Subordinates", "tokenGroups",
        "primaryGroupToken");

    static final Pattern EXTENDED_DN_PREFIX = Pattern.compile("^(?:<[A-Za-z]+=[^>]*>;)+");
    static final Pattern DN_WITH_DATA = Pattern.compile("^([BS]):(\\d+):(.*)$", Pattern.DOTALL);

    // ---------------------------------------------------------------------------------- options
    String url = "ldaps://localhost:636";
    String trust;
    String bindDn;
    String passwordFile;
    String sourceSuffixOpt;
    String targetSuffixOpt;
    String output;
    String timestampsDir;
    final List<String> unload = new ArrayList<>();
    boolean dryRun;
    boolean verbose;
    final List<String> files = new ArrayList<>();

    // -------------------------------------------------------------------------- DC's schema info
    static final class AttrInfo {
        String name; String syntax; boolean systemOnly; boolean constructed;
    }
    static final class ClassInfo {
        String name; String superClass; int category; // 0 = 88, 1 structural, 2 abstract, 3 aux
    }
    final Map<String, AttrInfo> attrs = new HashMap<>();
    final Map<String, ClassInfo> classes = new HashMap<>();

    LDAPConnection conn;
    DN targetSuffix;
    final List<DN> namingContexts = new ArrayList<>();
    final Map<String, LDIFWriter> timestampWriters = new TreeMap<>();
    final Map<String, Boolean> existsCache = new HashMap<>();

    public static void main(String[] args) {
        PrepareExport p = new PrepareExport();
        int rc;
        try {
            p.parseArgs(args);
            rc = p.run();
        } catch (UsageError e) {
            System.err.println("[load] " + e.getMessage());
            rc = 2;
        } catch (LoadError e) {
            System.err.println("[load] FAILED: " + e.getMessage());
            rc = 1;
        } catch (LDAPException e) {
            System.err.println("[load] FAILED: " + describe(e));
            rc = 1;
        } catch (Exception e) {
            System.err.println("[load] FAILED: " + e);
            if (p.verbose) e.printStackTrace();
            rc = 1;
        } finally {
            if (p.conn != null) p.conn.close();
        }
        System.exit(rc);
    }

    static final class UsageError extends Exception { private static final long serialVersionUID = 1L; UsageError(String m) { super(m); } }
    static final class LoadError extends Exception { private static final long serialVersionUID = 1L; LoadError(String m) { super(m); } }

    void parseArgs(String[] a) throws UsageError {
        for (int i = 0; i < a.length; i++) {
            String s = a[i];
            switch (s) {
                case "--url": url = val(a, ++i, s); break;
                case "--trust": trust = val(a, ++i, s); break;
                case "--bind-dn": bindDn = val(a, ++i, s); break;
                case "--password-file": passwordFile = val(a, ++i, s); break;
                case "--source-suffix": sourceSuffixOpt = val(a, ++i, s); break;
                case "--target-suffix": targetSuffixOpt = val(a, ++i, s); break;
                case "--output": output = val(a, ++i, s); break;
                case "--timestamps-dir": timestampsDir = val(a, ++i, s); break;
                case "--unload": unload.add(val(a, ++i, s)); break;
                case "--dry-run": dryRun = true; break;
                case "-v": case "--verbose": verbose = true; break;
                case "--": files.addAll(Arrays.asList(a).subList(i + 1, a.length)); i = a.length; break;
                case "-h": case "--help":
                    throw new UsageError("usage: PrepareExport --url ldaps://HOST:636 --trust CA.pem --bind-dn DN"
                        + " --password-file FILE [--source-suffix DN] [--target-suffix DN] [--output FILE]"
                        + " [--timestamps-dir DIR] [--unload RECORD.ldif]... [--dry-run] [-v] [EXPORT.ldif...]");
                default:
                    if (s.startsWith("-") && !s.equals("-")) throw new UsageError("unknown option " + s);
                    files.add(s);
            }
        }
        if (files.isEmpty() && unload.isEmpty()) throw new UsageError("no LDIF export given");
        if (trust == null || bindDn == null || passwordFile == null)
            throw new UsageError("--trust, --bind-dn and --password-file are required");
    }

    static String val(String[] a, int i, String opt) throws UsageError {
        if (i >= a.length) throw new UsageError(opt + " needs a value");
        return a[i];
    }

    // ------------------------------------------------------------------------------------- run
    int run() throws Exception {
        // Parse every export and every record first, so that a malformed file fails before
        // anything is written or removed.
        List<List<Entry>> parsed = new ArrayList<>();
        for (String f : files) parsed.add(parseExport(Path.of(f)));
        List<DN> recorded = new ArrayList<>();
        for (String f : unload) recorded.addAll(parseRecord(Path.of(f)));

        long t0 = System.nanoTime();
        connect();
        RootDSE root = conn.getRootDSE();
        String rootDomain = root.getAttributeValue("rootDomainNamingContext");
        targetSuffix = new DN(targetSuffixOpt != null ? targetSuffixOpt : rootDomain);
        String[] ncs = root.getAttributeValues("namingContexts");
        if (ncs != null) for (String nc : ncs) namingContexts.add(new DN(nc));
        List<Prepared> prepared = new ArrayList<>();
        if (!files.isEmpty()) {
            readSchema(new DN(root.getAttributeValue("schemaNamingContext")), parsed);
            if (verbose) log(String.format("connected and read the DC's schema (%d attributes, %d classes) in %d ms",
                attrs.size(), classes.size(), (System.nanoTime() - t0) / 1_000_000));
            for (int i = 0; i < files.size(); i++) prepared.add(prepare(files.get(i), parsed.get(i)));
        }
        if (!unload.isEmpty()) {
            if (dryRun) log("would remove the " + recorded.size() + " entries recorded in " + String.join(", ", unload));
            else removeRecorded(recorded);
        }
        if (prepared.isEmpty()) return 0;

        LDIFWriter out = output == null ? null : new LDIFWriter(output);
        try {
            if (out != null) {
                out.writeComment("Added to the DC by scripts/samba-dc load from " + String.join(", ", files)
                    + " (entries found already there are comments)", false, true);
            }
            for (Prepared p : prepared) apply(p, out);
        } finally {
            if (out != null) out.close();
            for (LDIFWriter w : timestampWriters.values()) w.close();
        }
        return 0;
    }

    /** The DNs of the add records of a record file written by --output, in file order. */
    List<DN> parseRecord(Path file) throws UsageError {
        List<DN> dns = new ArrayList<>();
        try (LDIFReader r = new LDIFReader(file.toFile())) {
            r.setSchema(null);
            while (true) {
                LDIFChangeRecord rec = r.readChangeRecord(true);
                if (rec == null) break;
                if (rec instanceof LDIFAddChangeRecord) dns.add(rec.getParsedDN());
            }
        } catch (LDIFException | LDAPException e) {
            throw new UsageError(file + ": not a record of an earlier load: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageError(file + ": cannot read: " + e.getMessage());
        }
        return dns;
    }

    /**
     * Deletes the recorded entries, deepest first (the later-added first among equals), then the
     * record files. Only what a load added is recorded, so the DC's own entries are never touched.
     */
    void removeRecorded(List<DN> recorded) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Integer> position = new LinkedHashMap<>();
        Map<String, DN> byKey = new HashMap<>();
        for (int i = 0; i < recorded.size(); i++) {
            String k = recorded.get(i).toNormalizedString();
            position.put(k, i);
            byKey.put(k, recorded.get(i));
        }
        List<DN> order = new ArrayList<>();
        for (String k : position.keySet()) order.add(byKey.get(k));
        order.sort(Comparator.comparingInt((DN d) -> d.getRDNs().length).reversed()
            .thenComparing(d -> -position.get(d.toNormalizedString())));
        int removed = 0, gone = 0;
        for (DN dn : order) {
            try {
                conn.delete(dn.toString());
                removed++;
                if (verbose) log("removed " + dn);
            } catch (LDAPException ex) {
                if (ex.getResultCode() == ResultCode.NO_SUCH_OBJECT) { gone++; continue; }
                String why = describe(ex);
                if (ex.getResultCode() == ResultCode.NOT_ALLOWED_ON_NONLEAF) {
                    List<String> kids = new ArrayList<>();
                    try {
                        SearchRequest q = new SearchRequest(dn.toString(), SearchScope.ONE, "(objectClass=*)", "1.1");
                        q.setSizeLimit(5);
                        for (SearchResultEntry c : conn.search(q).getSearchEntries()) kids.add(c.getDN());
                    } catch (LDAPException ignored) { }
                    why += "; it holds entries that no load added: " + String.join("; ", kids);
                }
                throw new LoadError("cannot remove " + dn + " (added by an earlier load): " + why
                    + " (removed " + removed + " so far; run again after fixing it)");
            }
        }
        for (String f : unload) Files.deleteIfExists(Path.of(f));
        existsCache.clear();
        log(String.format("removed the %d entries earlier loads added%s (%d ms)", removed,
            gone > 0 ? " (" + gone + " more were already gone)" : "", (System.nanoTime() - t0) / 1_000_000));
    }

    void connect() throws Exception {
        LDAPURL u = new LDAPURL(url);
        SSLUtil ssl = new SSLUtil(new PEMFileTrustManager(new File(trust)));
        LDAPConnectionOptions o = new LDAPConnectionOptions();
        o.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        o.setConnectTimeoutMillis(10_000);
        o.setResponseTimeoutMillis(120_000);
        o.setFollowReferrals(false);
        if (u.getScheme().equalsIgnoreCase("ldaps")) {
            conn = new LDAPConnection(ssl.createSSLSocketFactory(), o, u.getHost(), u.getPort());
        } else {
            conn = new LDAPConnection(o, u.getHost(), u.getPort());
            ExtendedResult r = conn.processExtendedOperation(new StartTLSExtendedRequest(ssl.createSSLContext()));
            if (r.getResultCode() != ResultCode.SUCCESS) throw new LoadError("StartTLS refused: " + r.getDiagnosticMessage());
        }
        String pw = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
        conn.bind(bindDn, pw);
    }

    /** Reads from the DC's schema only what the exports use: their attributes and classes. */
    void readSchema(DN schemaNc, List<List<Entry>> exports) throws LDAPException {
        Set<String> attrNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> classNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        attrNames.addAll(List.of("objectClass", "cn", "ou"));
        classNames.addAll(List.of("top", "container", "organizationalUnit"));
        for (List<Entry> l : exports) {
            for (Entry e : l) {
                for (Attribute a : e.getAttributes()) attrNames.add(a.getBaseName());
                String[] oc = e.getObjectClassValues();
                if (oc != null) classNames.addAll(Arrays.asList(oc));
            }
        }
        for (SearchResultEntry e : schemaObjects(schemaNc, "attributeSchema", attrNames,
                "lDAPDisplayName", "attributeSyntax", "systemOnly", "systemFlags")) {
            AttrInfo a = new AttrInfo();
            a.name = e.getAttributeValue("lDAPDisplayName");
            a.syntax = e.getAttributeValue("attributeSyntax");
            a.systemOnly = "TRUE".equalsIgnoreCase(e.getAttributeValue("systemOnly"));
            Integer flags = e.getAttributeValueAsInteger("systemFlags");
            a.constructed = flags != null && (flags & 4) != 0;
            attrs.put(a.name.toLowerCase(Locale.ROOT), a);
        }
        // the classes, then their superclasses until the chains are complete
        Set<String> want = classNames;
        while (!want.isEmpty()) {
            Set<String> next = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (SearchResultEntry e : schemaObjects(schemaNc, "classSchema", want,
                    "lDAPDisplayName", "subClassOf", "objectClassCategory")) {
                ClassInfo c = new ClassInfo();
                c.name = e.getAttributeValue("lDAPDisplayName");
                c.superClass = e.getAttributeValue("subClassOf");
                Integer cat = e.getAttributeValueAsInteger("objectClassCategory");
                c.category = cat == null ? 1 : cat;
                classes.put(c.name.toLowerCase(Locale.ROOT), c);
                if (c.superClass != null && !classes.containsKey(c.superClass.toLowerCase(Locale.ROOT))) next.add(c.superClass);
            }
            next.removeIf(n -> classes.containsKey(n.toLowerCase(Locale.ROOT)));
            want = next;
        }
        if (!attrs.containsKey("objectclass") || !classes.containsKey("container"))
            throw new LDAPException(ResultCode.NO_RESULTS_RETURNED, "could not read the DC's schema under " + schemaNc);
    }

    List<SearchResultEntry> schemaObjects(DN schemaNc, String type, Collection<String> names, String... attributes)
            throws LDAPException {
        List<SearchResultEntry> out = new ArrayList<>();
        List<String> all = new ArrayList<>(names);
        for (int i = 0; i < all.size(); i += 100) {
            List<Filter> or = new ArrayList<>();
            for (String n : all.subList(i, Math.min(all.size(), i + 100))) or.add(Filter.createEqualityFilter("lDAPDisplayName", n));
            Filter f = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", type), Filter.createORFilter(or));
            out.addAll(pagedSearch(schemaNc.toString(), SearchScope.ONE, f.toString(), attributes));
        }
        return out;
    }

    List<SearchResultEntry> pagedSearch(String base, SearchScope scope, String filter, String... attributes) throws LDAPException {
        List<SearchResultEntry> all = new ArrayList<>();
        ASN1OctetString cookie = null;
        do {
            SearchRequest r = new SearchRequest(base, scope, filter, attributes);
            r.setControls(new SimplePagedResultsControl(500, cookie));
            SearchResult res = conn.search(r);
            all.addAll(res.getSearchEntries());
            SimplePagedResultsControl c = SimplePagedResultsControl.get(res);
            cookie = c == null ? null : c.getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
        return all;
    }

    // ------------------------------------------------------------------------------- parsing
    /** Reads an export; returns its entries (add records) in file order. */
    List<Entry> parseExport(Path file) throws UsageError {
        String text;
        try {
            byte[] raw = Files.readAllBytes(file);
            Charset cs = StandardCharsets.UTF_8;
            int off = 0;
            if (raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF) {
                off = 3;
            } else if (raw.length >= 2 && (raw[0] & 0xff) == 0xFF && (raw[1] & 0xff) == 0xFE) {
                cs = StandardCharsets.UTF_16LE; off = 2;
            } else if (raw.length >= 2 && (raw[0] & 0xff) == 0xFE && (raw[1] & 0xff) == 0xFF) {
                cs = StandardCharsets.UTF_16BE; off = 2;
            }
            text = new String(raw, off, raw.length - off, cs);
        } catch (IOException e) {
            throw new UsageError(file + ": cannot read: " + e.getMessage());
        }

        // Blank out (keeping the line numbers) what is not an LDIF entry or change record:
        // ldapsearch's "search: n"/"result: 0 Success" trailer and "ref: ..." references.
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) lines[i] = lines[i].substring(0, lines[i].length() - 1);
        }
        int ignoredRecords = 0;
        boolean first = true;
        int i = 0;
        while (i < lines.length) {
            if (lines[i].isEmpty()) { i++; continue; }
            int start = i;
            while (i < lines.length && !lines[i].isEmpty()) i++;
            // record = lines[start, i)
            int k = start;
            boolean inComment = false;
            boolean decided = false;
            while (k < i && !decided) {
                String l = lines[k];
                if (l.startsWith("#")) { inComment = true; k++; continue; }
                if (l.startsWith(" ") && inComment) { k++; continue; }
                inComment = false;
                String lower = l.toLowerCase(Locale.ROOT);
                if (first && lower.startsWith("version:")) {
                    lines[k] = "#" + l;      // the optional "version: 1" line of the first record
                    // skip its continuation lines too (there are none in practice)
                    k++;
                    while (k < i && lines[k].startsWith(" ")) { lines[k] = "#"; k++; }
                    continue;
                }
                if (!(lower.startsWith("dn:"))) {
                    for (int m = start; m < i; m++) lines[m] = "";
                    ignoredRecords++;
                }
                decided = true;
            }
            first = false;
        }

        List<Entry> entries = new ArrayList<>();
        LDIFReader r = new LDIFReader(new BufferedReader(new StringReader(String.join("\n", lines))));
        r.setDuplicateValueBehavior(DuplicateValueBehavior.RETAIN);
        r.setTrailingSpaceBehavior(TrailingSpaceBehavior.RETAIN);
        r.setSchema(null);
        try {
            while (true) {
                LDIFChangeRecord rec = r.readChangeRecord(true);
                if (rec == null) break;
                if (!(rec instanceof LDIFAddChangeRecord)) {
                    throw new UsageError(file + ": " + rec.getChangeType().getName() + " record for " + rec.getDN()
                        + ": only entries and \"changetype: add\" records can be loaded");
                }
                entries.add(((LDIFAddChangeRecord) rec).getEntryToAdd());
            }
        } catch (LDIFException e) {
            throw new UsageError(file + ": malformed LDIF near line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UsageError(file + ": " + e.getMessage());
        } finally {
            try { r.close(); } catch (IOException ignored) { }
        }
        if (entries.isEmpty()) throw new UsageError(file + ": no entries in this export");
        if (ignoredRecords > 0 && verbose) log(file + ": ignored " + ignoredRecords + " non-entry record(s) (ldapsearch trailer/references)");
        return entries;
    }

    // ------------------------------------------------------------------------------ rewriting
    static final class Node {
        int index;
        DN dn;
        String key;              // normalized DN
        Entry entry;             // prepared entry (rewritten, DC-owned attributes dropped)
        Set<String> softDeps = new LinkedHashSet<>();  // other export entries its DN values name
        String whenCreated;      // the export's, in AD's form (yyyyMMddHHmmss.0Z), or null
        String whenChanged;
        boolean done;
    }

    /** One export, rewritten for the DC and checked, before anything is sent. */
    static final class Prepared {
        String file;
        DN source;
        boolean moving;
        List<Node> nodes;
        Map<String, Node> byKey;
        Map<String, Integer> dropped;
        Set<String> classNotes;
    }

    Prepared prepare(String file, List<Entry> exportEntries) throws Exception {
        DN source = sourceSuffixOpt != null ? new DN(sourceSuffixOpt) : detectForestRoot(file, exportEntries);
        boolean moving = !source.equals(targetSuffix);

        List<String> problems = new ArrayList<>();
        Map<String, Integer> dropped = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Set<String> classNotes = new TreeSet<>();
        Map<String, Node> byKey = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();

        for (Entry src : exportEntries) {
            Node n = new Node();
            n.index = nodes.size();
            DN dn = src.getParsedDN();
            n.dn = moving ? move(dn, source, targetSuffix) : dn;
            n.key = n.dn.toNormalizedString();
            if (byKey.containsKey(n.key)) { problems.add("the export holds " + dn + " twice"); continue; }
            List<Attribute> kept = new ArrayList<>();
            for (Attribute a : src.getAttributes()) {
                String base = a.getBaseName();
                String lower = base.toLowerCase(Locale.ROOT);
                if (a.hasOptions()) {
                    Set<String> opts = a.getOptions();
                    if (!(opts.size() == 1 && opts.iterator().next().equalsIgnoreCase("binary"))) {
                        problems.add(dn + ": attribute " + a.getName() + " has options (range retrieval?); export it without");
                        continue;
                    }
                }
                AttrInfo info = attrs.get(lower);
                boolean systemSet = info != null && (info.constructed || (info.systemOnly && !lower.equals("objectclass")));
                if (lower.equals("whencreated") || lower.equals("whenchanged")) {
                    String t = adTime(a.getValue());
                    if (a.size() != 1 || t == null) problems.add(dn + ": " + base + " '" + a.getValue() + "' is not one generalized time");
                    else if (lower.equals("whencreated")) n.whenCreated = t;
                    else n.whenChanged = t;
                }
                if (DC_OWNED.contains(lower) || systemSet) {
                    dropped.merge(base, 1, Integer::sum);
                    continue;
                }
                if (info == null) {
                    problems.add(dn + ": attribute " + base + " is not in the DC's schema");
                    continue;
                }
                if (lower.equals("objectclass")) {
                    Attribute oc = normalizeObjectClass(dn, a, problems, classNotes);
                    if (oc != null) kept.add(oc);
                    continue;
                }
                if (isDnSyntax(info.syntax)) {
                    String[] vals = a.getValues();
                    String[] nv = new String[vals.length];
                    for (int v = 0; v < vals.length; v++) {
                        try {
                            nv[v] = moving ? moveDnValue(vals[v], source, targetSuffix) : stripExtendedDn(vals[v]);
                        } catch (LDAPException e) {
                            problems.add(dn + ": " + base + " value '" + vals[v] + "' is not a DN: " + e.getExceptionMessage());
                            nv[v] = vals[v];
                        }
                    }
                    kept.add(new Attribute(base, nv));
                } else {
                    kept.add(a);
                }
            }
            n.entry = new Entry(n.dn, kept);
            byKey.put(n.key, n);
            nodes.add(n);
        }
        // soft dependencies: DN values that name other entries of this export
        for (Node n : nodes) {
            for (Attribute a : n.entry.getAttributes()) {
                AttrInfo info = attrs.get(a.getBaseName().toLowerCase(Locale.ROOT));
                if (info == null || !isDnSyntax(info.syntax)) continue;
                for (String v : a.getValues()) {
                    String k = dnKey(v);
                    if (k != null && !k.equals(n.key) && byKey.containsKey(k)) n.softDeps.add(k);
                }
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(file + ": " + problems.size() + " problem(s), nothing loaded:");
            for (int p = 0; p < Math.min(problems.size(), 20); p++) sb.append("\n    ").append(problems.get(p));
            if (problems.size() > 20) sb.append("\n    ...");
            throw new LoadError(sb.toString());
        }

        Prepared p = new Prepared();
        p.file = file; p.source = source; p.moving = moving; p.nodes = nodes; p.byKey = byKey;
        p.dropped = dropped; p.classNotes = classNotes;
        return p;
    }

    /** The export's generalized time in AD's own form (yyyyMMddHHmmss.0Z, UTC), or null. */
    static String adTime(String value) {
        try {
            Date d = com.unboundid.util.StaticUtils.decodeGeneralizedTime(value.trim());
            java.text.SimpleDateFormat f = new java.text.SimpleDateFormat("yyyyMMddHHmmss'.0Z'", Locale.ROOT);
            f.setTimeZone(TimeZone.getTimeZone("UTC"));
            return f.format(d);
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    void apply(Prepared prep, LDIFWriter out) throws Exception {
        String file = prep.file;
        DN source = prep.source;
        boolean moving = prep.moving;
        List<Node> nodes = prep.nodes;
        Map<String, Node> byKey = prep.byKey;
        Map<String, Integer> dropped = prep.dropped;
        Set<String> classNotes = prep.classNotes;
        List<Node> order = order(nodes, byKey);
        long tAdd = System.nanoTime();

        int added = 0, skipped = 0, parents = 0;
        List<String> skippedDns = new ArrayList<>();
        List<Entry> addedEntries = new ArrayList<>();
        Map<String, List<Modification>> deferred = new LinkedHashMap<>();
        Set<String> addedKeys = new HashSet<>();
        for (Node n : order) {
            if (exists(n.dn)) {
                skipped++;
                skippedDns.add(n.dn.toString());
                if (out != null) out.writeComment("already in the DC, not added: " + n.dn, false, false);
                if (verbose) log("exists, skipped: " + n.dn);
                continue;
            }
            // missing parents, created top-down as plain containers
            List<DN> missing = new ArrayList<>();
            DN p = n.dn.getParent();
            while (p != null && !p.isNullDN() && !exists(p)) {
                if (!p.isDescendantOf(targetSuffix, false)) break;
                missing.add(p);
                p = p.getParent();
            }
            if (p == null || p.isNullDN() || !exists(p)) {
                throw new LoadError(file + ": " + n.dn + " has no existing ancestor under " + targetSuffix);
            }
            Collections.reverse(missing);
            for (DN m : missing) {
                Entry c = placeholder(file, m);
                if (add(file, c, out, "missing parent, created as a plain " + c.getAttributeValue("objectClass"))) parents++;
                existsCache.put(m.toNormalizedString(), true);
            }
            // DN values naming export entries not added yet (only in reference cycles): later
            Entry e = n.entry.duplicate();
            for (String dep : n.softDeps) {
                Node target = byKey.get(dep);
                if (target.done || addedKeys.contains(dep)) continue;
                for (Attribute a : n.entry.getAttributes()) {
                    AttrInfo info = attrs.get(a.getBaseName().toLowerCase(Locale.ROOT));
                    if (info == null || !isDnSyntax(info.syntax)) continue;
                    List<String> later = new ArrayList<>();
                    for (String v : a.getValues()) if (dep.equals(dnKey(v))) later.add(v);
                    if (later.isEmpty()) continue;
                    for (String v : later) e.removeAttributeValue(a.getName(), v);
                    deferred.computeIfAbsent(n.dn.toString(), x -> new ArrayList<>())
                        .add(new Modification(ModificationType.ADD, a.getName(), later.toArray(new String[0])));
                }
            }
            boolean isNew = add(file, e, out, null);
            existsCache.put(n.key, true);
            n.done = true;
            if (!isNew) {
                skipped++;
                skippedDns.add(n.dn.toString());
                deferred.remove(n.dn.toString());
                continue;
            }
            addedKeys.add(n.key);
            addedEntries.add(n.entry);
            added++;
            if (!dryRun) recordTimestamps(n);
        }
        for (Map.Entry<String, List<Modification>> d : deferred.entrySet()) {
            if (dryRun) continue;
            try {
                conn.modify(d.getKey(), d.getValue());
            } catch (LDAPException ex) {
                throw new LoadError(file + ": cannot set the deferred DN values of " + d.getKey() + ": " + describe(ex));
            }
        }
        long tVerify = System.nanoTime();
        if (!dryRun) verify(file, addedEntries);
        if (verbose) log(String.format("adds %d ms, read-back check %d ms", (tVerify - tAdd) / 1_000_000,
            (System.nanoTime() - tVerify) / 1_000_000));

        StringBuilder s = new StringBuilder();
        s.append(file).append(": ").append(dryRun ? "would add " : "added ").append(added).append(" entr").append(added == 1 ? "y" : "ies");
        if (parents > 0) s.append(" + ").append(parents).append(" missing parent container").append(parents == 1 ? "" : "s");
        s.append(", skipped ").append(skipped).append(" already present");
        if (moving) s.append(", moved ").append(source).append(" -> ").append(targetSuffix);
        log(s.toString());
        if (!dropped.isEmpty()) log("  dropped DC-owned attributes: " + String.join(", ", dropped.keySet()));
        for (String note : classNotes) log("  " + note);
        if (verbose && skipped > 0) log("  skipped: " + String.join("; ", skippedDns));
    }

    /** Forest root of an export: the DC= RDNs after CN=Configuration, else the common trailing DC= RDNs. */
    DN detectForestRoot(String file, List<Entry> entries) throws LDAPException, LoadError {
        DN common = null;
        for (Entry e : entries) {
            RDN[] r = e.getParsedDN().getRDNs();
            int j = r.length;
            while (j > 0 && r[j - 1].hasAttribute("dc")) j--;
            if (j == r.length) continue;                       // no DC= suffix
            if (j > 0 && r[j - 1].hasAttribute("cn") && r[j - 1].getAttributeValues()[0].equalsIgnoreCase("Configuration")) {
                return new DN(Arrays.copyOfRange(r, j, r.length));
            }
            DN suffix = new DN(Arrays.copyOfRange(r, j, r.length));
            if (common == null) common = suffix;
            else if (!suffix.isDescendantOf(common, true)) {
                if (common.isDescendantOf(suffix, false)) common = suffix;
                else throw new LoadError(file + ": the export mixes forests (" + common + " and " + suffix
                    + "); say which to move with --source-suffix");
            }
        }
        if (common == null) throw new LoadError(file + ": no DC= suffix in the export's DNs; pass --source-suffix");
        return common;
    }

    static DN move(DN dn, DN from, DN to) {
        if (!dn.isDescendantOf(from, true)) return dn;
        RDN[] r = dn.getRDNs();
        int keep = r.length - from.getRDNs().length;
        List<RDN> out = new ArrayList<>(Arrays.asList(r).subList(0, keep));
        out.addAll(Arrays.asList(to.getRDNs()));
        return new DN(out);
    }

    static String stripExtendedDn(String v) {
        Matcher m = EXTENDED_DN_PREFIX.matcher(v);
        return m.find() ? v.substring(m.end()) : v;
    }

    /** Moves a DN value (DN, or B:n:hex:DN / S:n:string:DN) onto the target suffix. */
    static String moveDnValue(String value, DN from, DN to) throws LDAPException {
        Matcher m = DN_WITH_DATA.matcher(value);
        if (m.matches()) {
            int len = Integer.parseInt(m.group(2));
            String rest = m.group(3);
            if (rest.length() > len && rest.charAt(len) == ':') {
                String data = rest.substring(0, len);
                String dn = rest.substring(len + 1);
                return m.group(1) + ":" + len + ":" + data + ":" + move(new DN(stripExtendedDn(dn)), from, to);
            }
        }
        DN dn = new DN(stripExtendedDn(value));
        return dn.isDescendantOf(from, true) ? move(dn, from, to).toString() : dn.toString();
    }

    static String dnKey(String value) {
        try {
            Matcher m = DN_WITH_DATA.matcher(value);
            if (m.matches()) {
                int len = Integer.parseInt(m.group(2));
                String rest = m.group(3);
                if (rest.length() > len && rest.charAt(len) == ':') value = rest.substring(len + 1);
            }
            return new DN(stripExtendedDn(value)).toNormalizedString();
        } catch (LDAPException | NumberFormatException e) {
            return null;
        }
    }

    static boolean isDnSyntax(String syntax) {
        return "2.5.5.1".equals(syntax) || "2.5.5.7".equals(syntax) || "2.5.5.14".equals(syntax);
    }

    Attribute normalizeObjectClass(DN dn, Attribute a, List<String> problems, Set<String> notes) {
        String[] vals = a.getValues();
        int target = -1, targetDepth = -1;
        for (int i = 0; i < vals.length; i++) {
            ClassInfo c = classes.get(vals[i].toLowerCase(Locale.ROOT));
            if (c == null || !(c.category == 1 || c.category == 0)) continue;
            int d = depth(c);
            if (d >= targetDepth) { target = i; targetDepth = d; }
        }
        if (target < 0) {
            problems.add(dn + ": no objectClass value is a structural class of the DC's schema: " + String.join(", ", vals));
            return null;
        }
        ClassInfo tc = classes.get(vals[target].toLowerCase(Locale.ROOT));
        Set<String> chain = new HashSet<>();
        for (ClassInfo c = tc; c != null; ) {
            if (!chain.add(c.name.toLowerCase(Locale.ROOT))) break;
            c = c.superClass == null ? null : classes.get(c.superClass.toLowerCase(Locale.ROOT));
        }
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < vals.length; i++) {
            String lower = vals[i].toLowerCase(Locale.ROOT);
            ClassInfo c = classes.get(lower);
            if (chain.contains(lower) || (c != null && c.category == 3)) { keep.add(vals[i]); continue; }
            if (i < target) {
                notes.add("objectClass " + vals[i] + " dropped from " + tc.name + " entries: not a superclass of "
                    + tc.name + " in the DC's schema" + (c == null ? " (unknown there)" : ""));
                continue;
            }
            problems.add(dn + ": objectClass " + vals[i] + (c == null ? " is not in the DC's schema" : " does not fit " + tc.name));
        }
        return new Attribute(a.getName(), keep.toArray(new String[0]));
    }

    int depth(ClassInfo c) {
        int d = 0;
        Set<String> seen = new HashSet<>();
        while (c != null && c.superClass != null && !c.superClass.equalsIgnoreCase(c.name) && seen.add(c.name)) {
            d++;
            c = classes.get(c.superClass.toLowerCase(Locale.ROOT));
        }
        return d;
    }

    /** Parents before children, referenced entries before referencing ones, file order otherwise. */
    static List<Node> order(List<Node> nodes, Map<String, Node> byKey) {
        List<Node> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Node> pending = new ArrayList<>(nodes);
        while (!pending.isEmpty()) {
            Node pick = null;
            for (Node n : pending) {
                if (hardReady(n, byKey, placed) && placed.containsAll(n.softDeps)) { pick = n; break; }
            }
            if (pick == null) {          // a reference cycle: take the first whose parent is placed
                for (Node n : pending) if (hardReady(n, byKey, placed)) { pick = n; break; }
            }
            if (pick == null) pick = pending.get(0);   // cannot happen: the parent relation is a tree
            pending.remove(pick);
            placed.add(pick.key);
            out.add(pick);
        }
        return out;
    }

    static boolean hardReady(Node n, Map<String, Node> byKey, Set<String> placed) {
        for (DN p = n.dn.getParent(); p != null && !p.isNullDN(); p = p.getParent()) {
            String k = p.toNormalizedString();
            if (byKey.containsKey(k) && !placed.contains(k)) return false;
        }
        return true;
    }

    Entry placeholder(String file, DN dn) throws LoadError {
        RDN rdn = dn.getRDN();
        String[] names = rdn.getAttributeNames();
        String[] values = rdn.getAttributeValues();
        if (names.length == 1 && names[0].equalsIgnoreCase("cn"))
            return new Entry(dn, new Attribute("objectClass", "container"), new Attribute("cn", values[0]));
        if (names.length == 1 && names[0].equalsIgnoreCase("ou"))
            return new Entry(dn, new Attribute("objectClass", "organizationalUnit"), new Attribute("ou", values[0]));
        throw new LoadError(file + ": the parent " + dn + " is missing and cannot be created as a container");
    }

    boolean exists(DN dn) throws LDAPException {
        String k = dn.toNormalizedString();
        Boolean b = existsCache.get(k);
        if (b != null) return b;
        boolean e;
        try {
            SearchResult r = conn.search(new SearchRequest(dn.toString(), SearchScope.BASE, "(objectClass=*)", "1.1"));
            e = r.getEntryCount() > 0;
        } catch (LDAPSearchException ex) {
            if (ex.getResultCode() == ResultCode.NO_SUCH_OBJECT) e = false;
            else throw ex;
        }
        existsCache.put(k, e);
        return e;
    }

    /** The export's whenCreated/whenChanged of an added entry, for its naming context's file. */
    void recordTimestamps(Node n) throws IOException, LDAPException {
        if (timestampsDir == null || (n.whenCreated == null && n.whenChanged == null)) return;
        DN nc = null;
        for (DN c : namingContexts) {
            if (n.dn.isDescendantOf(c, true) && (nc == null || c.getRDNs().length > nc.getRDNs().length)) nc = c;
        }
        if (nc == null) return;
        String name = nc.toNormalizedString().toUpperCase(Locale.ROOT);
        LDIFWriter w = timestampWriters.get(name);
        if (w == null) {
            Files.createDirectories(Path.of(timestampsDir));
            w = new LDIFWriter(Path.of(timestampsDir, name + ".ldif").toFile());
            timestampWriters.put(name, w);
        }
        List<Modification> mods = new ArrayList<>();
        if (n.whenCreated != null) mods.add(new Modification(ModificationType.REPLACE, "whenCreated", n.whenCreated));
        if (n.whenChanged != null) mods.add(new Modification(ModificationType.REPLACE, "whenChanged", n.whenChanged));
        w.writeChangeRecord(new LDIFModifyChangeRecord(n.dn.toString(), mods.toArray(new Modification[0])));
    }

    /**
     * Adds one entry; true when the DC took it (or, in a dry run, would be asked to). Only then
     * is it recorded in --output, after the DC's answer: the record is what a later --unload
     * removes, and it must never name an entry this load did not create.
     */
    boolean add(String file, Entry e, LDIFWriter out, String comment) throws Exception {
        if (verbose) log((dryRun ? "would add " : "add ") + e.getDN() + (comment == null ? "" : " (" + comment + ")"));
        if (dryRun) {
            if (out != null) out.writeChangeRecord(new LDIFAddChangeRecord(e), comment);
            return true;
        }
        try {
            conn.add(e);
            if (out != null) {
                out.writeChangeRecord(new LDIFAddChangeRecord(e), comment);
                out.flush();
            }
            return true;
        } catch (LDAPException ex) {
            if (ex.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                log("  exists, skipped: " + e.getDN());
                if (out != null) out.writeComment("already in the DC, not added: " + e.getDN(), false, false);
                return false;
            }
            String why = describe(ex);
            if (ex.getResultCode() == ResultCode.CONSTRAINT_VIOLATION) why += danglingReferences(e);
            throw new LoadError(file + ": cannot add " + e.getDN() + ": " + why);
        }
    }

    /** For an add refused with "Referenced object not found": which DN values name nothing. */
    String danglingReferences(Entry e) {
        List<String> missing = new ArrayList<>();
        for (Attribute a : e.getAttributes()) {
            AttrInfo info = attrs.get(a.getBaseName().toLowerCase(Locale.ROOT));
            if (info == null || !isDnSyntax(info.syntax)) continue;
            for (String v : a.getValues()) {
                try {
                    String k = dnKey(v);
                    if (k != null && !exists(new DN(k))) missing.add(a.getBaseName() + ": " + v);
                } catch (LDAPException ignored) { }
            }
        }
        return missing.isEmpty() ? "" : "; these DN values name objects that are neither in the export nor in the DC: "
            + String.join("; ", missing);
    }

    /** Reads the added entries back: string values must be byte-identical to the export's. */
    void verify(String file, List<Entry> added) throws LDAPException, LoadError {
        List<String> bad = new ArrayList<>();
        for (Entry want : added) {
            SearchResultEntry got = conn.getEntry(want.getDN(), "*");
            if (got == null) { bad.add(want.getDN() + " is not readable after the add"); continue; }
            for (Attribute a : want.getAttributes()) {
                AttrInfo info = attrs.get(a.getBaseName().toLowerCase(Locale.ROOT));
                if (info == null || !isStringSyntax(info.syntax) || a.getBaseName().equalsIgnoreCase("objectClass")) continue;
                Attribute g = got.getAttribute(a.getBaseName());
                List<String> w = sortedHex(a.getValueByteArrays());
                List<String> h = g == null ? List.of() : sortedHex(g.getValueByteArrays());
                if (!w.equals(h)) bad.add(want.getDN() + ": " + a.getBaseName() + " reads back as "
                    + (g == null ? "(absent)" : Arrays.toString(g.getValues())) + ", the export holds " + Arrays.toString(a.getValues()));
            }
        }
        if (!bad.isEmpty()) throw new LoadError(file + ": the DC does not hold the values byte for byte:\n    " + String.join("\n    ", bad));
    }

    static boolean isStringSyntax(String s) {
        return s != null && (s.equals("2.5.5.12") || s.equals("2.5.5.3") || s.equals("2.5.5.4")
            || s.equals("2.5.5.5") || s.equals("2.5.5.6") || s.equals("2.5.5.10"));
    }

    static List<String> sortedHex(byte[][] vals) {
        List<String> l = new ArrayList<>();
        for (byte[] v : vals) l.add(com.unboundid.util.StaticUtils.toHex(v));
        Collections.sort(l);
        return l;
    }

    static String describe(LDAPException e) {
        String d = e.getDiagnosticMessage();
        return e.getResultCode().getName() + " (" + e.getResultCode().intValue() + ")"
            + (d == null || d.isEmpty() ? (e.getMessage() == null ? "" : ": " + e.getMessage()) : ": " + d.trim());
    }

    static void log(String s) { System.err.println("[load] " + s); }

    static Set<String> lowerSet(String... s) {
        Set<String> r = new HashSet<>();
        for (String x : s) r.add(x.toLowerCase(Locale.ROOT));
        return r;
    }
}
