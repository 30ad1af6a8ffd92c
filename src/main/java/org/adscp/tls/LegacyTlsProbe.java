package org.adscp.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks a server, in a hand-written TLS 1.1 ClientHello, whether it will speak TLS 1.0 or 1.1, and
 * reads the certificate chain it then presents.
 *
 * <p>Why by hand: JDK 17 lists TLSv1 and TLSv1.1 in {@code jdk.tls.disabledAlgorithms}, and
 * SunJSSE checks every handshake against that property through a static constraint that a
 * socket's own {@code SSLParameters.setAlgorithmConstraints} can only narrow, never widen
 * ({@code sun.security.ssl.SSLAlgorithmConstraints#permits} ANDs the user constraints with the
 * static {@code tlsDisabledAlgConstraints}, read once when the class loads). Enabling the old
 * protocols would mean changing the JVM-global security property before SunJSSE first loads,
 * for the whole process, including LDAPS to the DC. There is no other provider on our class path.
 *
 * <p>Up to TLS 1.2 the server's ServerHello and Certificate messages travel in clear, so a
 * ClientHello offering at most TLS 1.1 followed by reading those two messages tells us, with no
 * cryptography of our own: the version the server agrees to, and the chain it presents. We then
 * close the connection; no key exchange is done and nothing is sent in the clear beyond the
 * hello. A server that agrees to TLS 1.0/1.1 in its ServerHello and sends its certificate has
 * shown that it would complete the handshake at that version; it is what {@code TLS_LEGACY_ONLY}
 * needs, and the chain is then judged like any other.
 */
final class LegacyTlsProbe {

  static final int TLS10 = 0x0301;
  static final int TLS11 = 0x0302;

  private static final int CONTENT_ALERT = 21;
  private static final int CONTENT_HANDSHAKE = 22;
  private static final int HS_CLIENT_HELLO = 1;
  private static final int HS_SERVER_HELLO = 2;
  private static final int HS_CERTIFICATE = 11;
  private static final int HS_SERVER_HELLO_DONE = 14;
  private static final int MAX_RECORD = 16384 + 2048;
  private static final int MAX_HANDSHAKE_BYTES = 1 << 20;

  /** Suites a TLS 1.0/1.1 server may choose, ECDHE first, then DHE, RSA, 3DES, RC4. */
  private static final int[] CIPHER_SUITES = {
    0xC014, 0xC013, 0xC00A, 0xC009, // ECDHE_RSA/ECDSA with AES_256/128_CBC_SHA
    0x0039, 0x0033, // DHE_RSA with AES_256/128_CBC_SHA
    0x0035, 0x002F, // RSA with AES_256/128_CBC_SHA
    0xC012, 0x0016, 0x000A, // 3DES_EDE_CBC_SHA (ECDHE_RSA, DHE_RSA, RSA)
    0x0005, 0x0004, // RSA with RC4_128_SHA / MD5
    0x00FF // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
  };

  /** x25519, secp256r1, secp384r1, secp521r1. */
  private static final int[] GROUPS = {0x001D, 0x0017, 0x0018, 0x0019};

  private static final Map<Integer, String> ALERTS = Map.ofEntries(
      Map.entry(0, "close_notify"), Map.entry(10, "unexpected_message"),
      Map.entry(20, "bad_record_mac"), Map.entry(40, "handshake_failure"),
      Map.entry(42, "bad_certificate"), Map.entry(47, "illegal_parameter"),
      Map.entry(50, "decode_error"), Map.entry(51, "decrypt_error"),
      Map.entry(70, "protocol_version"), Map.entry(71, "insufficient_security"),
      Map.entry(80, "internal_error"), Map.entry(86, "inappropriate_fallback"),
      Map.entry(90, "user_canceled"), Map.entry(112, "unrecognized_name"));

  private LegacyTlsProbe() {}

  /** What the server answered. */
  record Answer(int version, List<X509Certificate> chain) {
    boolean legacy() {
      return version == TLS10 || version == TLS11;
    }
  }

  /** The server did not agree to TLS 1.0/1.1, or answered something that is not TLS. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** The protocol name the JDK uses for a version number. */
  static String protocolName(int version) {
    switch (version) {
      case 0x0300:
        return "SSLv3";
      case TLS10:
        return "TLSv1";
      case TLS11:
        return "TLSv1.1";
      case 0x0303:
        return "TLSv1.2";
      default:
        return String.format("0x%04X", version);
    }
  }

  /**
   * Sends the hello on {@code out} and reads the answer from {@code in}. The caller owns the
   * socket, its timeouts and closing it.
   *
   * @param sniHost the host to send as SNI, or null for none (IP literals)
   */
  static Answer probe(InputStream in, OutputStream out, String sniHost)
      throws IOException, Refused {
    out.write(clientHello(sniHost));
    out.flush();
    DataInputStream data = new DataInputStream(in);
    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    int offset = 0;
    int version = -1;
    while (true) {
      byte[] header = new byte[5];
      data.readFully(header);
      int type = header[0] & 0xFF;
      int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
      if ((type != CONTENT_ALERT && type != CONTENT_HANDSHAKE) || header[1] != 3
          || length > MAX_RECORD) {
        throw new Refused("the server's answer is not TLS");
      }
      byte[] payload = new byte[length];
      data.readFully(payload);
      if (type == CONTENT_ALERT) {
        int description = length >= 2 ? payload[1] & 0xFF : -1;
        throw new Refused("it also refused TLS 1.0/1.1 (alert "
            + ALERTS.getOrDefault(description, String.valueOf(description)) + ")");
      }
      handshake.write(payload);
      if (handshake.size() > MAX_HANDSHAKE_BYTES) {
        throw new Refused("the server's handshake is too long");
      }
      byte[] hs = handshake.toByteArray();
      while (hs.length - offset >= 4) {
        int msgType = hs[offset] & 0xFF;
        int msgLen = u24(hs, offset + 1);
        if (hs.length - offset - 4 < msgLen) {
          break; // the rest of this message is in the next record
        }
        int body = offset + 4;
        if (msgType == HS_SERVER_HELLO) {
          if (msgLen < 2) {
            throw new Refused("the server's hello is malformed");
          }
          version = u16(hs, body);
          if (version != TLS10 && version != TLS11) {
            return new Answer(version, List.of());
          }
        } else if (msgType == HS_CERTIFICATE) {
          if (version < 0) {
            throw new Refused("the server sent its certificate before its hello");
          }
          return new Answer(version, certificates(hs, body, msgLen));
        } else if (msgType == HS_SERVER_HELLO_DONE) {
          throw new Refused("the server sent no certificate");
        }
        offset = body + msgLen;
      }
    }
  }

  private static List<X509Certificate> certificates(byte[] hs, int body, int msgLen)
      throws Refused {
    if (msgLen < 3) {
      throw new Refused("the server's certificate message is malformed");
    }
    int listLen = u24(hs, body);
    int pos = body + 3;
    int end = pos + listLen;
    if (end > body + msgLen) {
      throw new Refused("the server's certificate message is malformed");
    }
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      while (pos + 3 <= end) {
        int len = u24(hs, pos);
        pos += 3;
        if (pos + len > end) {
          throw new Refused("the server's certificate message is malformed");
        }
        chain.add((X509Certificate)
            cf.generateCertificate(new ByteArrayInputStream(hs, pos, len)));
        pos += len;
      }
    } catch (CertificateException e) {
      throw new Refused("the server's certificate does not parse: " + e.getMessage());
    }
    if (chain.isEmpty()) {
      throw new Refused("the server sent no certificate");
    }
    return chain;
  }

  static byte[] clientHello(String sniHost) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    u16(body, TLS11);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    body.writeBytes(random);
    body.write(0); // no session id
    u16(body, CIPHER_SUITES.length * 2);
    for (int s : CIPHER_SUITES) {
      u16(body, s);
    }
    body.write(1); // one compression method
    body.write(0); // null

    ByteArrayOutputStream ext = new ByteArrayOutputStream();
    if (sniHost != null) {
      byte[] name = sniHost.getBytes(StandardCharsets.US_ASCII);
      u16(ext, 0x0000); // server_name
      u16(ext, name.length + 5);
      u16(ext, name.length + 3);
      ext.write(0); // host_name
      u16(ext, name.length);
      ext.writeBytes(name);
    }
    u16(ext, 0x000A); // supported_groups
    u16(ext, GROUPS.length * 2 + 2);
    u16(ext, GROUPS.length * 2);
    for (int g : GROUPS) {
      u16(ext, g);
    }
    u16(ext, 0x000B); // ec_point_formats: uncompressed
    u16(ext, 2);
    ext.write(1);
    ext.write(0);
    u16(body, ext.size());
    body.writeBytes(ext.toByteArray());

    ByteArrayOutputStream hs = new ByteArrayOutputStream();
    hs.write(HS_CLIENT_HELLO);
    u24(hs, body.size());
    hs.writeBytes(body.toByteArray());

    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(CONTENT_HANDSHAKE);
    u16(record, TLS10); // record-layer version of a hello: 1.0 is what servers expect
    u16(record, hs.size());
    record.writeBytes(hs.toByteArray());
    return record.toByteArray();
  }

  private static void u16(ByteArrayOutputStream o, int v) {
    o.write((v >>> 8) & 0xFF);
    o.write(v & 0xFF);
  }

  private static void u24(ByteArrayOutputStream o, int v) {
    o.write((v >>> 16) & 0xFF);
    o.write((v >>> 8) & 0xFF);
    o.write(v & 0xFF);
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static int u24(byte[] b, int i) {
    return ((b[i] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8) | (b[i + 2] & 0xFF);
  }
}
