package org.adscp.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema of the embedded directory: the standard LDAP schema, the AD and Exchange
 * attributes adscp reads (ad-schema.ldif), and whatever else an export carries.
 *
 * <p>A production export holds dozens of attributes no small schema knows (objectSid,
 * msExch… of every kind). Rejecting them would make the embedded mode useless on real exports,
 * and dropping them would lose data, so each unknown attribute is defined as it comes (a
 * case-insensitive string, or an octet string when its values are not text) and AD's
 * {@code top} is given every attribute as MAY, which is close to what AD's own {@code top}
 * allows. What adscp reads keeps its real matching rules and single-valuedness.
 */
final class AdSchema {
  private static final String RESOURCE = "ad-schema.ldif";
  private static final String DIRECTORY_STRING = "1.3.6.1.4.1.1466.115.121.1.15";
  private static final String OCTET_STRING = "1.3.6.1.4.1.1466.115.121.1.40";

  private AdSchema() {}

  /** The standard schema plus the AD and Exchange definitions adscp reads. */
  static Schema base() {
    try (InputStream in = AdSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LDIFException | LDAPException e) {
      throw new IllegalStateException("the bundled schema does not parse", e);
    }
  }

  /** The base schema, extended so that every attribute and object class of {@code entries} fits. */
  static Schema forEntries(Collection<Entry> entries) {
    Schema base = base();
    Set<String> allAttributes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    base.getAttributeTypes().forEach(t -> allAttributes.add(t.getNameOrOID()));
    Set<String> newAttributeTypes = new LinkedHashSet<>();
    Set<String> newClasses = new LinkedHashSet<>();
    Set<String> seenUnknown = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Entry entry : entries) {
      for (Attribute attribute : entry.getAttributes()) {
        String name = attribute.getBaseName();
        if (base.getAttributeType(name) == null && seenUnknown.add(name)) {
          newAttributeTypes.add(definitionOf(name, attribute));
          allAttributes.add(name);
        }
      }
      for (String objectClass : entry.getObjectClassValues()) {
        if (base.getObjectClass(objectClass) == null && seenUnknown.add("class:" + objectClass)) {
          newClasses.add(
              "( " + oidFor(objectClass) + " NAME '" + objectClass + "' SUP top STRUCTURAL )");
        }
      }
    }
    Entry extension = new Entry("cn=schema");
    extension.addAttribute("objectClass", "top", "ldapSubentry", "subschema");
    newAttributeTypes.forEach(d -> extension.addAttribute("attributeTypes", d));
    newClasses.forEach(d -> extension.addAttribute("objectClasses", d));
    extension.addAttribute(
        "objectClasses",
        "( 2.5.6.0 NAME 'top' ABSTRACT MUST objectClass MAY ( "
            + String.join(" $ ", allAttributes)
            + " ) )");
    try {
      return Schema.mergeSchemas(base, new Schema(extension));
    } catch (RuntimeException e) {
      throw new IllegalStateException("could not extend the schema for the export", e);
    }
  }

  private static String definitionOf(String name, Attribute attribute) {
    String syntax = allText(attribute) ? DIRECTORY_STRING : OCTET_STRING;
    String equality = syntax.equals(OCTET_STRING) ? "octetStringMatch" : "caseIgnoreMatch";
    return "( " + oidFor(name) + " NAME '" + name + "' EQUALITY " + equality + " SYNTAX " + syntax + " )";
  }

  private static boolean allText(Attribute attribute) {
    for (byte[] value : attribute.getValueByteArrays()) {
      try {
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value));
      } catch (CharacterCodingException e) {
        return false;
      }
    }
    return true;
  }

  /** A descriptive OID for a synthesized definition; the in-memory server accepts these. */
  private static String oidFor(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-oid";
  }
}
