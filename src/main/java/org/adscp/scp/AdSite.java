package org.adscp.scp;

/** An Active Directory site ({@code CN=<name>,CN=Sites,<configuration NC>}). */
public record AdSite(DistinguishedName dn, String name) {}
