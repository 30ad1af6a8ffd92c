package org.adscp.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.adscp.Messages;
import org.adscp.Trace;
import org.adscp.UnavailableException;

/**
 * Finds a domain's DCs the way the Windows DC locator does: the SRV records
 * {@code _ldap._tcp.dc._msdcs.<domain>}, lowest priority first, then highest weight.
 */
final class SrvLocator {
  /** One DC as an SRV record names it. */
  record DomainController(String host, int port, int priority, int weight) {}

  private SrvLocator() {}

  static String recordName(String domain) {
    return "_ldap._tcp.dc._msdcs." + domain;
  }

  static List<DomainController> locate(String domain, String dnsServer, int timeoutMillis, Trace trace) {
    String name = recordName(domain);
    trace.say(Messages.traceSrvLookup(name, dnsServer));
    Hashtable<String, String> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    env.put(Context.PROVIDER_URL, dnsServer == null ? "dns:" : "dns://" + dnsServer);
    env.put("com.sun.jndi.dns.timeout.initial", Integer.toString(Math.max(1, timeoutMillis / 2)));
    env.put("com.sun.jndi.dns.timeout.retries", "1");
    List<DomainController> found = new ArrayList<>();
    try {
      DirContext ctx = new InitialDirContext(env);
      try {
        Attributes attributes = ctx.getAttributes(name, new String[] {"SRV"});
        Attribute srv = attributes.get("SRV");
        if (srv != null) {
          NamingEnumeration<?> values = srv.getAll();
          while (values.hasMore()) {
            DomainController dc = parse(String.valueOf(values.next()));
            if (dc != null) {
              found.add(dc);
            }
          }
        }
      } finally {
        ctx.close();
      }
    } catch (NameNotFoundException e) {
      throw new UnavailableException(Messages.srvNotFound(name));
    } catch (NamingException e) {
      throw new UnavailableException(Messages.srvFailed(name, e.getExplanation()), e);
    }
    if (found.isEmpty()) {
      throw new UnavailableException(Messages.srvNotFound(name));
    }
    found.sort(
        Comparator.comparingInt(DomainController::priority)
            .thenComparing(Comparator.comparingInt(DomainController::weight).reversed()));
    trace.say(Messages.traceSrvFound(found.stream().map(dc -> dc.host() + ":" + dc.port()).toList()));
    return found;
  }

  /** "priority weight port target." */
  static DomainController parse(String record) {
    String[] parts = record.trim().split("\\s+");
    if (parts.length != 4) {
      return null;
    }
    try {
      String host = parts[3].endsWith(".") ? parts[3].substring(0, parts[3].length() - 1) : parts[3];
      if (host.isEmpty()) {
        return null; // "." means: no such service here (RFC 2782)
      }
      return new DomainController(
          host.toLowerCase(Locale.ROOT),
          Integer.parseInt(parts[2]),
          Integer.parseInt(parts[0]),
          Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
