package org.adscp.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.StaticUtils;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.adscp.Messages;
import org.adscp.Trace;
import org.adscp.UnavailableException;
import org.adscp.UsageException;
import org.adscp.scp.AdSite;
import org.adscp.scp.AdSubnet;
import org.adscp.scp.DistinguishedName;
import org.adscp.scp.ExchangeServer;
import org.adscp.scp.ExchangeVersion;
import org.adscp.scp.ForestConfiguration;
import org.adscp.scp.Rdn;
import org.adscp.scp.ScpKeywords;
import org.adscp.scp.ServiceConnectionPoint;

/**
 * Reads the configuration partition in four paged searches whatever the size of the forest:
 * the Autodiscover SCPs, the Exchange servers, the AD sites, the subnets.
 *
 * <p>AD and Samba answer a subtree search of the configuration partition with a continuation
 * reference to the schema partition. It is not an error, and not followed: nothing we look for
 * lives there.
 */
public final class ConfigurationReader {
  /** Below AD's MaxPageSize (1000), so a DC never has to cut a page short. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  static final String SCP_FILTER =
      Filter.createANDFilter(
              Filter.createEqualityFilter("objectClass", "serviceConnectionPoint"),
              Filter.createORFilter(
                  Filter.createEqualityFilter("keywords", ScpKeywords.URL_GUID),
                  Filter.createEqualityFilter("keywords", ScpKeywords.POINTER_GUID)))
          .toString();

  private static final String[] SCP_ATTRIBUTES = {
    "cn", "keywords", "serviceBindingInformation", "whenCreated", "whenChanged"
  };
  private static final String[] SERVER_ATTRIBUTES = {
    "cn", "msExchServerSite", "versionNumber", "serialNumber", "msExchCurrentServerRoles", "networkAddress"
  };

  private final LDAPInterface connection;
  private final int pageSize;
  private final Trace trace;

  public ConfigurationReader(LDAPInterface connection, int pageSize, Trace trace) {
    this.connection = connection;
    this.pageSize = pageSize;
    this.trace = trace;
  }

  public ForestConfiguration read(String configurationNamingContext) {
    DN config = parseDn(configurationNamingContext);
    List<ServiceConnectionPoint> scps = new ArrayList<>();
    search(config, SCP_FILTER, SCP_ATTRIBUTES, e -> toScp(e).ifPresent(scps::add));
    List<ExchangeServer> servers = new ArrayList<>();
    search(
        child(config, "CN=Microsoft Exchange,CN=Services"),
        "(objectClass=msExchExchangeServer)",
        SERVER_ATTRIBUTES,
        e -> servers.add(toServer(e)));
    List<AdSite> sites = new ArrayList<>();
    search(child(config, "CN=Sites"), "(objectClass=site)", new String[] {"cn"},
        e -> sites.add(new AdSite(dnOf(e), name(e))));
    List<AdSubnet> subnets = new ArrayList<>();
    search(child(config, "CN=Subnets,CN=Sites"), "(objectClass=subnet)", new String[] {"cn", "siteObject"},
        e -> subnets.add(new AdSubnet(dnOf(e), name(e), dnValue(e, "siteObject"))));
    return new ForestConfiguration(configurationNamingContext, scps, servers, sites, subnets);
  }

  private static DN parseDn(String text) {
    try {
      return new DN(text);
    } catch (LDAPException e) {
      throw new UsageException(Messages.badDn(text, e.getExceptionMessage()), e);
    }
  }

  private static DN child(DN parent, String relative) {
    try {
      RDN[] head = new DN(relative).getRDNs();
      RDN[] tail = parent.getRDNs();
      RDN[] all = Arrays.copyOf(head, head.length + tail.length);
      System.arraycopy(tail, 0, all, head.length, tail.length);
      return new DN(all);
    } catch (LDAPException e) {
      throw new IllegalArgumentException(relative, e);
    }
  }

  /** A paged subtree search; a base that does not exist is an empty result (a partial export). */
  private void search(DN base, String filter, String[] attributes, Consumer<SearchResultEntry> each) {
    String what = Messages.searchDescription(base.toString(), filter);
    trace.say(Messages.traceSearch(base.toString(), filter, pageSize));
    try {
      SearchRequest request = new SearchRequest(base.toString(), SearchScope.SUB, filter, attributes);
      ASN1OctetString cookie = null;
      int pages = 0;
      do {
        request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
        SearchResult result = connection.search(request);
        pages++;
        result.getSearchEntries().forEach(each);
        for (SearchResultReference reference : result.getSearchReferences()) {
          trace.say(Messages.traceReferenceIgnored(String.join(" ", reference.getReferralURLs())));
        }
        SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
        cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
      } while (cookie != null);
      trace.say(Messages.tracePages(pages));
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        trace.say(Messages.traceNoSuchBase(base.toString()));
        return;
      }
      throw new UnavailableException(LdapFailures.describeOperation(e, what), e);
    }
  }

  private static Optional<ServiceConnectionPoint> toScp(SearchResultEntry e) {
    return ServiceConnectionPoint.from(
        dnOf(e),
        name(e),
        values(e, "keywords"),
        values(e, "serviceBindingInformation"),
        time(e, "whenCreated"),
        time(e, "whenChanged"));
  }

  private static ExchangeServer toServer(SearchResultEntry e) {
    ExchangeVersion version =
        ExchangeVersion.fromSerialNumber(e.getAttributeValue("serialNumber"))
            .or(() -> {
              Long number = e.getAttributeValueAsLong("versionNumber");
              return number == null ? Optional.empty() : ExchangeVersion.fromVersionNumber(number);
            })
            .orElse(null);
    return new ExchangeServer(
        dnOf(e),
        name(e),
        dnValue(e, "msExchServerSite"),
        version,
        e.getAttributeValueAsInteger("msExchCurrentServerRoles"),
        values(e, "networkAddress"));
  }

  private static List<String> values(SearchResultEntry e, String attribute) {
    String[] v = e.getAttributeValues(attribute);
    return v == null ? List.of() : List.of(v);
  }

  private static String name(SearchResultEntry e) {
    String cn = e.getAttributeValue("cn");
    return cn != null ? cn : dnOf(e).leafValue();
  }

  private static Instant time(SearchResultEntry e, String attribute) {
    String value = e.getAttributeValue(attribute);
    if (value == null) {
      return null;
    }
    try {
      return StaticUtils.decodeGeneralizedTime(value).toInstant();
    } catch (ParseException ex) {
      return null;
    }
  }

  private static DistinguishedName dnValue(SearchResultEntry e, String attribute) {
    String value = e.getAttributeValue(attribute);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return toDomain(new DN(value), value);
    } catch (LDAPException ex) {
      return null;
    }
  }

  private static DistinguishedName dnOf(SearchResultEntry e) {
    try {
      return toDomain(e.getParsedDN(), e.getDN());
    } catch (LDAPException ex) {
      throw new UnavailableException(Messages.directoryReturnedBadDn(e.getDN()), ex);
    }
  }

  static DistinguishedName toDomain(DN dn, String text) {
    List<Rdn> rdns = new ArrayList<>();
    for (RDN rdn : dn.getRDNs()) {
      rdns.add(new Rdn(rdn.getAttributeNames()[0], rdn.getAttributeValues()[0]));
    }
    return new DistinguishedName(text, rdns);
  }
}
