package org.adscp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small authoritative DNS responder over UDP on 127.0.0.1, port chosen by the system. It
 * answers SRV queries for the names it was given with the records it was given, and NXDOMAIN for
 * every other name (a known name asked for another type gets an empty NOERROR answer). Enough for
 * the JNDI DNS provider behind {@code --dns-server 127.0.0.1:PORT}.
 */
public final class DnsTestServer implements AutoCloseable {
  private static final int TYPE_SRV = 33;
  private static final int TYPE_ANY = 255;
  private static final int CLASS_IN = 1;
  private static final int RCODE_FORMERR = 1;
  private static final int RCODE_NXDOMAIN = 3;
  private static final int RCODE_NOTIMP = 4;

  /** One SRV record's data. */
  public record Srv(int priority, int weight, int port, String target) {}

  private final DatagramSocket socket;
  private final Map<String, List<Srv>> records = new ConcurrentHashMap<>();
  private final List<String> questions = new CopyOnWriteArrayList<>();

  private DnsTestServer() throws SocketException, UnknownHostException {
    socket = new DatagramSocket(0, InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}));
    Thread thread = new Thread(this::serve, "dns-test-server-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  public static DnsTestServer start() throws SocketException, UnknownHostException {
    return new DnsTestServer();
  }

  /** Answers SRV queries for {@code name} (without the trailing dot) with these records. */
  public DnsTestServer answer(String name, Srv... srv) {
    records.put(canonical(name), List.of(srv));
    return this;
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** For {@code --dns-server}. */
  public String address() {
    return socket.getLocalAddress().getHostAddress() + ":" + port();
  }

  /** The names asked for so far, in order, lower case, without the trailing dot. */
  public List<String> questions() {
    return List.copyOf(questions);
  }

  private static String canonical(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private void serve() {
    byte[] buffer = new byte[1500];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        byte[] reply = reply(ByteBuffer.wrap(packet.getData(), 0, packet.getLength()).slice());
        if (reply != null) {
          socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private byte[] reply(ByteBuffer query) {
    if (query.remaining() < 12) {
      return null;
    }
    int id = query.getShort(0) & 0xffff;
    int flags = query.getShort(2) & 0xffff;
    int questionCount = query.getShort(4) & 0xffff;
    boolean isQuery = (flags & 0x8000) == 0;
    int opcode = (flags >> 11) & 0xf;
    if (!isQuery) {
      return null;
    }
    if (opcode != 0 || questionCount != 1) {
      return header(id, flags, opcode != 0 ? RCODE_NOTIMP : RCODE_FORMERR, 0, 0);
    }
    // The question: QNAME as labels (no compression in a query), QTYPE, QCLASS.
    query.position(12);
    StringBuilder name = new StringBuilder();
    while (true) {
      if (!query.hasRemaining()) {
        return header(id, flags, RCODE_FORMERR, 0, 0);
      }
      int length = query.get() & 0xff;
      if (length == 0) {
        break;
      }
      if (length > 63 || query.remaining() < length) {
        return header(id, flags, RCODE_FORMERR, 0, 0);
      }
      byte[] label = new byte[length];
      query.get(label);
      if (name.length() > 0) {
        name.append('.');
      }
      name.append(new String(label, StandardCharsets.US_ASCII));
    }
    if (query.remaining() < 4) {
      return header(id, flags, RCODE_FORMERR, 0, 0);
    }
    int type = query.getShort() & 0xffff;
    int questionClass = query.getShort() & 0xffff;
    int questionEnd = query.position();
    String asked = canonical(name.toString());
    questions.add(asked);

    List<Srv> found = records.get(asked);
    List<Srv> answers =
        found != null && (type == TYPE_SRV || type == TYPE_ANY) && questionClass == CLASS_IN ? found : List.of();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header(id, flags, found == null ? RCODE_NXDOMAIN : 0, 1, answers.size()));
    out.write(query.array(), query.arrayOffset() + 12, questionEnd - 12); // the question, echoed
    for (Srv srv : answers) {
      byte[] target = encodeName(srv.target());
      ByteBuffer rr = ByteBuffer.allocate(2 + 2 + 2 + 4 + 2 + 6 + target.length);
      rr.putShort((short) 0xC00C); // the owner name: a pointer to the question's name
      rr.putShort((short) TYPE_SRV);
      rr.putShort((short) CLASS_IN);
      rr.putInt(60); // TTL
      rr.putShort((short) (6 + target.length));
      rr.putShort((short) srv.priority());
      rr.putShort((short) srv.weight());
      rr.putShort((short) srv.port());
      rr.put(target); // RFC 2782: the target is not compressed
      out.writeBytes(rr.array());
    }
    return out.toByteArray();
  }

  /** Flags: QR, the query's opcode and RD, AA, RA, the given RCODE. */
  private static byte[] header(int id, int queryFlags, int rcode, int questions, int answers) {
    int flags = 0x8000 | (queryFlags & 0x7800) | 0x0400 | (queryFlags & 0x0100) | 0x0080 | (rcode & 0xf);
    ByteBuffer header = ByteBuffer.allocate(12);
    header.putShort((short) id);
    header.putShort((short) flags);
    header.putShort((short) questions);
    header.putShort((short) answers);
    header.putShort((short) 0); // authority
    header.putShort((short) 0); // additional
    return header.array();
  }

  private static byte[] encodeName(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> labels = new ArrayList<>(List.of(canonical(name).split("\\.")));
    labels.removeIf(String::isEmpty);
    for (String label : labels) {
      byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
      out.write(bytes.length);
      out.writeBytes(bytes);
    }
    out.write(0);
    return out.toByteArray();
  }

  @Override
  public void close() {
    socket.close();
  }
}
