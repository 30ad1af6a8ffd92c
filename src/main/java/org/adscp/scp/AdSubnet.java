package org.adscp.scp;

/**
 * An AD subnet object: its name is the prefix ({@code 10.1.0.0/16}), {@code siteObject} the site
 * its clients belong to (null when unassigned, as happens).
 */
public record AdSubnet(DistinguishedName dn, String prefix, DistinguishedName site) {}
