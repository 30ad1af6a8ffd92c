package org.adscp.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.adscp.Messages;
import org.adscp.UnavailableException;
import org.adscp.Trace;
import org.adscp.UsageException;

/**
 * An LDIF export served by UnboundID's in-memory directory over real LDAP on loopback, so that
 * the rest of adscp talks to it exactly as to a domain controller: one code path for both.
 *
 * <p>It behaves like AD where that matters to us: a RootDSE with the naming contexts, at most
 * {@value #AD_MAX_PAGE_SIZE} entries per search (AD's MaxPageSize, so an unpaged search of a big
 * forest fails here as it would there), no generated operational attributes.
 */
public final class EmbeddedDirectory implements AutoCloseable {
  /** AD's default MaxPageSize. */
  static final int AD_MAX_PAGE_SIZE = 1000;

  private final InMemoryDirectoryServer server;
  private final LdifExport export;

  private EmbeddedDirectory(InMemoryDirectoryServer server, LdifExport export) {
    this.server = server;
    this.export = export;
  }

  /** Loads the exports and starts listening on an ephemeral loopback port. */
  public static EmbeddedDirectory serve(List<Path> ldifFiles, Trace trace) {
    LdifExport export = LdifExport.read(ldifFiles);
    trace.say(Messages.traceLoaded(export.entries().size(), export.addedParents(), export.configurationContext()));
    try {
      InMemoryDirectoryServerConfig config =
          new InMemoryDirectoryServerConfig(export.roots().toArray(new DN[0]));
      config.setSchema(AdSchema.forEntries(export.entries()));
      config.setEnforceAttributeSyntaxCompliance(false);
      config.setEnforceSingleStructuralObjectClass(false);
      config.setGenerateOperationalAttributes(false);
      config.setMaxSizeLimit(AD_MAX_PAGE_SIZE);
      config.setCustomRootDSEAttributes(rootDse(export));
      config.setListenerConfigs(
          InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
      config.setVendorName("adscp embedded directory");
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      server.addEntries(export.entries());
      server.startListening();
      return new EmbeddedDirectory(server, export);
    } catch (LDAPException e) {
      if (e.getResultCode().isConnectionUsable()) {
        throw new UsageException(
            Messages.ldifRejected(ldifFiles.size() == 1 ? ldifFiles.get(0).toString() : ldifFiles.toString(),
                e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getExceptionMessage()),
            e);
      }
      throw new UnavailableException(Messages.embeddedDidNotStart(e.getExceptionMessage()), e);
    }
  }

  private static List<Attribute> rootDse(LdifExport export) {
    DN config = export.configurationContext();
    String forestRoot = config.getParentString();
    return List.of(
        new Attribute("configurationNamingContext", config.toString()),
        new Attribute("defaultNamingContext", forestRoot),
        new Attribute("rootDomainNamingContext", forestRoot));
  }

  public String host() {
    return InetAddress.getLoopbackAddress().getHostAddress();
  }

  public int port() {
    return server.getListenPort("ldap");
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}
