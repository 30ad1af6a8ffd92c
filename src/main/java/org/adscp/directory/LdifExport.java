package org.adscp.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldif.DuplicateValueBehavior;
import com.unboundid.ldif.LDIFAddChangeRecord;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.LDIFRecord;
import com.unboundid.ldif.TrailingSpaceBehavior;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.adscp.Messages;
import org.adscp.UsageException;

/**
 * One or more LDIF exports of a forest, read as administrators have them: from {@code ldifde}
 * (records with {@code changetype: add}, possibly UTF-16 with {@code -u}) or from
 * {@code ldapsearch} (plain entries, folded lines, base64 values), with Windows line ends.
 *
 * <p>A filtered export ({@code ldifde -r "(objectClass=serviceConnectionPoint)"}) lacks the
 * containers above its entries; they are added as plain containers so that the entries can be
 * served at their own DNs. Nothing of the export itself is changed or dropped.
 */
final class LdifExport {
  private final List<Entry> entries;
  private final List<DN> configurationContexts;
  private final Set<DN> roots;
  private final int addedParents;

  private LdifExport(List<Entry> entries, List<DN> configurationContexts, Set<DN> roots, int added) {
    this.entries = entries;
    this.configurationContexts = configurationContexts;
    this.roots = roots;
    this.addedParents = added;
  }

  /** Reads the files in order; the first one that holds a configuration partition names the forest. */
  static LdifExport read(List<Path> files) {
    Map<DN, Entry> byDn = new LinkedHashMap<>();
    Set<DN> configs = new LinkedHashSet<>();
    for (Path file : files) {
      for (Entry entry : readFile(file)) {
        DN dn = parsedDn(file, entry);
        byDn.merge(dn, entry, LdifExport::mergeDuplicate);
        DN config = configurationContextOf(dn);
        if (config != null) {
          configs.add(config);
        }
      }
    }
    if (configs.isEmpty()) {
      throw new UsageException(Messages.ldifHasNoConfigurationPartition(describe(files)));
    }
    Set<DN> roots = new LinkedHashSet<>();
    for (DN dn : byDn.keySet()) {
      roots.add(rootOf(dn));
    }
    int before = byDn.size();
    addMissingParents(byDn, roots);
    // Parents before children, whatever order the export came in.
    List<Entry> sorted =
        byDn.entrySet().stream()
            .sorted(Comparator.comparingInt(e -> e.getKey().getRDNs().length))
            .map(Map.Entry::getValue)
            .toList();
    return new LdifExport(sorted, List.copyOf(configs), roots, byDn.size() - before);
  }

  private static String describe(List<Path> files) {
    return files.size() == 1 ? files.get(0).toString() : files.toString();
  }

  private static DN parsedDn(Path file, Entry entry) {
    try {
      return entry.getParsedDN();
    } catch (LDAPException e) {
      throw new UsageException(Messages.ldifBadDn(file, entry.getDN(), e.getExceptionMessage()), e);
    }
  }

  private static Entry mergeDuplicate(Entry first, Entry second) {
    Entry merged = first.duplicate();
    second.getAttributes().forEach(merged::addAttribute);
    return merged;
  }

  private static List<Entry> readFile(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(Messages.ldifNotFound(file));
    } catch (AccessDeniedException e) {
      throw new UsageException(Messages.ldifNotReadable(file, "permission denied"));
    } catch (IOException e) {
      throw new UsageException(Messages.ldifNotReadable(file, String.valueOf(e.getMessage())), e);
    }
    List<Entry> entries = new ArrayList<>();
    try (LDIFReader reader = new LDIFReader(new ByteArrayInputStream(asUtf8(bytes)))) {
      reader.setDuplicateValueBehavior(DuplicateValueBehavior.STRIP);
      // Keep a value's trailing space: it is data (an SCP URL with one is a finding), not noise.
      reader.setTrailingSpaceBehavior(TrailingSpaceBehavior.RETAIN);
      LDIFRecord record;
      while ((record = reader.readLDIFRecord()) != null) {
        entries.add(asEntry(file, record));
      }
    } catch (LDIFException e) {
      throw new UsageException(
          Messages.ldifMalformed(file, e.getLineNumber(), e.getExceptionMessage()), e);
    } catch (IOException e) {
      throw new UsageException(Messages.ldifNotReadable(file, String.valueOf(e.getMessage())), e);
    }
    if (entries.isEmpty()) {
      throw new UsageException(Messages.ldifEmpty(file));
    }
    return entries;
  }

  private static Entry asEntry(Path file, LDIFRecord record) {
    if (record instanceof Entry entry) {
      return entry;
    }
    if (record instanceof LDIFAddChangeRecord add) {
      return add.getEntryToAdd();
    }
    LDIFChangeRecord change = (LDIFChangeRecord) record;
    throw new UsageException(
        Messages.ldifNotAnExport(file, change.getDN(), change.getChangeType().getName()));
  }

  /** ldifde -u writes UTF-16LE with a byte-order mark; Notepad adds a UTF-8 one. */
  private static byte[] asUtf8(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE)
          .getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE)
          .getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      byte[] rest = new byte[bytes.length - 3];
      System.arraycopy(bytes, 3, rest, 0, rest.length);
      return rest;
    }
    return bytes;
  }

  /** {@code CN=Configuration,DC=…} above (or at) {@code dn}, or null. */
  static DN configurationContextOf(DN dn) {
    RDN[] rdns = dn.getRDNs();
    for (int i = rdns.length - 1; i >= 0; i--) {
      if (!isDomainComponent(rdns[i])) {
        boolean isConfig =
            i < rdns.length - 1
                && rdns[i].hasAttribute("cn")
                && rdns[i].hasAttributeValue("cn", "Configuration");
        return isConfig ? suffix(rdns, i) : null;
      }
    }
    return null;
  }

  private static boolean isDomainComponent(RDN rdn) {
    return rdn.getAttributeNames().length == 1 && rdn.hasAttribute("dc");
  }

  private static DN suffix(RDN[] rdns, int from) {
    RDN[] tail = new RDN[rdns.length - from];
    System.arraycopy(rdns, from, tail, 0, tail.length);
    return new DN(tail);
  }

  /** The DC= suffix of a DN, or its last RDN when it has none. */
  private static DN rootOf(DN dn) {
    RDN[] rdns = dn.getRDNs();
    int i = rdns.length;
    while (i > 0 && isDomainComponent(rdns[i - 1])) {
      i--;
    }
    return i == rdns.length ? suffix(rdns, rdns.length - 1) : suffix(rdns, i);
  }

  private static void addMissingParents(Map<DN, Entry> byDn, Set<DN> roots) {
    for (DN dn : new ArrayList<>(byDn.keySet())) {
      DN current = dn;
      while (current != null && !current.isNullDN()) {
        if (!byDn.containsKey(current)) {
          byDn.put(current, placeholder(current));
        }
        if (roots.contains(current)) {
          break;
        }
        current = current.getParent();
      }
    }
  }

  private static Entry placeholder(DN dn) {
    RDN rdn = dn.getRDN();
    String type = rdn.getAttributeNames()[0];
    String value = rdn.getAttributeValues()[0];
    Entry e = new Entry(dn);
    switch (type.toLowerCase(Locale.ROOT)) {
      case "dc" -> e.addAttribute("objectClass", "top", "domainDNS");
      case "ou" -> e.addAttribute("objectClass", "top", "organizationalUnit");
      case "cn" -> e.addAttribute(
          "objectClass", "top", value.equalsIgnoreCase("Configuration") ? "configuration" : "container");
      default -> e.addAttribute("objectClass", "top", "extensibleObject");
    }
    e.addAttribute(type, value);
    return e;
  }

  List<Entry> entries() {
    return entries;
  }

  /** The configuration partition the tool reads: that of the first file that has one. */
  DN configurationContext() {
    return configurationContexts.get(0);
  }

  Set<DN> roots() {
    return roots;
  }

  int addedParents() {
    return addedParents;
  }
}
