package org.adscp.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.adscp.Messages;
import org.adscp.UsageException;

/**
 * The certificates adscp trusts, for LDAPS/StartTLS to the DC and for judging the Autodiscover
 * hosts alike: the JVM's default anchors (and on Windows the Windows root store) plus every
 * {@code --trust-store} file, unless {@code --no-default-trust}. An enterprise CA added for the
 * DC must not make the public CA of the Exchange certificate untrusted, hence "plus".
 */
public final class TrustAnchors {
  private final List<X509Certificate> anchors;

  private TrustAnchors(List<X509Certificate> anchors) {
    this.anchors = List.copyOf(anchors);
  }

  /**
   * @param files PEM bundles, JKS or PKCS#12 stores
   * @param storePassword for JKS/PKCS#12 stores whose certificates are encrypted; may be null
   */
  public static TrustAnchors load(List<Path> files, boolean includeDefaults, char[] storePassword) {
    Map<String, X509Certificate> bySubjectAndKey = new LinkedHashMap<>();
    if (includeDefaults) {
      jvmDefaults().forEach(c -> bySubjectAndKey.putIfAbsent(identity(c), c));
      windowsRoots().forEach(c -> bySubjectAndKey.putIfAbsent(identity(c), c));
    }
    for (Path file : files) {
      List<X509Certificate> found = readStore(file, storePassword);
      if (found.isEmpty()) {
        throw new UsageException(Messages.trustStoreEmpty(file));
      }
      found.forEach(c -> bySubjectAndKey.putIfAbsent(identity(c), c));
    }
    return new TrustAnchors(new ArrayList<>(bySubjectAndKey.values()));
  }

  /** The JVM's default anchors only. */
  public static TrustAnchors jvmDefault() {
    return load(List.of(), true, null);
  }

  private static String identity(X509Certificate c) {
    // The same anchor may come from the JVM and from a --trust-store: one subject with one key.
    return c.getSubjectX500Principal().getName() + "|" + Base64.getEncoder().encodeToString(c.getPublicKey().getEncoded());
  }

  public List<X509Certificate> certificates() {
    return anchors;
  }

  /** A PKIX trust manager over exactly these anchors. */
  public X509TrustManager trustManager() {
    try {
      KeyStore store = asKeyStore();
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(store);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509TrustManager from PKIX");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a trust manager", e);
    }
  }

  /** The anchors as an in-memory key store, for PKIX path building. */
  public KeyStore asKeyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate c : anchors) {
        store.setCertificateEntry("anchor-" + i++, c);
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a key store of trust anchors", e);
    }
  }

  private static List<X509Certificate> jvmDefaults() {
    try {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      List<X509Certificate> result = new ArrayList<>();
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x509) {
          Collections.addAll(result, x509.getAcceptedIssuers());
        }
      }
      return result;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the JVM's default trust anchors", e);
    }
  }

  private static List<X509Certificate> windowsRoots() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return List.of();
    }
    try {
      KeyStore root = KeyStore.getInstance("Windows-ROOT");
      root.load(null, null);
      return certificatesOf(root);
    } catch (GeneralSecurityException | IOException e) {
      return List.of();
    }
  }

  private static List<X509Certificate> readStore(Path file, char[] password) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(Messages.trustStoreNotFound(file));
    } catch (IOException e) {
      throw new UsageException(Messages.trustStoreNotReadable(file, String.valueOf(e.getMessage())), e);
    }
    List<X509Certificate> asCertificates = tryCertificates(bytes);
    if (!asCertificates.isEmpty()) {
      return asCertificates;
    }
    for (String type : List.of("PKCS12", "JKS")) {
      List<X509Certificate> fromStore = tryKeyStore(bytes, type, password);
      if (fromStore != null) {
        return fromStore;
      }
    }
    throw new UsageException(Messages.trustStoreUnrecognised(file));
  }

  private static List<X509Certificate> tryCertificates(byte[] bytes) {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      List<X509Certificate> result = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        result.add((X509Certificate) c);
      }
      return result;
    } catch (CertificateException | IOException e) {
      return List.of();
    }
  }

  /** Null when the bytes are not a store of that type; a JKS reads without a password. */
  private static List<X509Certificate> tryKeyStore(byte[] bytes, String type, char[] password) {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password);
      return certificatesOf(store);
    } catch (GeneralSecurityException | IOException e) {
      return null;
    }
  }

  private static List<X509Certificate> certificatesOf(KeyStore store) throws KeyStoreException {
    List<X509Certificate> result = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      Certificate c = store.getCertificate(alias);
      if (c instanceof X509Certificate x509) {
        result.add(x509);
      }
    }
    return result;
  }
}
