package org.adscp.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import org.adscp.Messages;
import org.adscp.UsageException;
import org.adscp.scp.DistinguishedName;

/** A DN the user typed, parsed as the directory would, for the domain to compare. */
public final class Dns {
  private Dns() {}

  public static DistinguishedName parse(String text) {
    try {
      return ConfigurationReader.toDomain(new DN(text), text);
    } catch (LDAPException e) {
      throw new UsageException(Messages.badDn(text, e.getExceptionMessage()), e);
    }
  }
}
