package org.adscp.scp;

/** One relative distinguished name, its value unescaped: {@code CN=EX01} is ("CN", "EX01"). */
public record Rdn(String type, String value) {}
