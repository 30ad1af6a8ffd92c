package org.adscp.report;

/**
 * Where the data of a report came from.
 *
 * @param kind "ldif" or "ldap"
 * @param where the LDIF file(s), or the DC's URL
 * @param configurationNamingContext the partition that was read
 */
public record SourceDescription(String kind, String where, String configurationNamingContext) {}
