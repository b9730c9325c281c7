package dev.crabbox.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A blocking test client speaking raw HTTP to the lease proxy, like a browser would, so tests
 * control exactly which bytes go over one kept-alive socket. The read timeout is only a safety
 * net against a hung test, never an assertion.
 */
public final class BrowserSocket implements AutoCloseable {

  private static final int SAFETY_TIMEOUT_MS = 30_000;

  /** A response: its head (status line and headers) and its body. */
  public record Reply(String head, byte[] body) {
    public int status() {
      return Integer.parseInt(head.substring(9, 12));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public BrowserSocket(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(SAFETY_TIMEOUT_MS);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** Sends {@code request} on a fresh connection to {@code port} and reads the one reply. */
  public static Reply exchange(int port, String request) throws IOException {
    try (BrowserSocket browser = new BrowserSocket(port)) {
      return browser.send(request).readReply();
    }
  }

  public BrowserSocket send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  public BrowserSocket send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads up to and including the blank line that ends a head. */
  public String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside a response head: " + head);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads one response, framed by Content-Length, chunked encoding or the end of the connection. */
  public Reply readReply() throws IOException {
    String head = readHead();
    Reply bare = new Reply(head, new byte[0]);
    String length = bare.header("Content-Length");
    String encoding = bare.header("Transfer-Encoding");
    if (length != null) {
      return new Reply(head, readExactly(Integer.parseInt(length)));
    }
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return new Reply(head, readChunked());
    }
    return new Reply(head, readToEnd());
  }

  public byte[] readExactly(int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length != n) {
      throw new IOException("connection closed after " + bytes.length + " of " + n + " bytes");
    }
    return bytes;
  }

  /** Reads until the proxy closes the connection. */
  public byte[] readToEnd() throws IOException {
    return in.readAllBytes();
  }

  /** True when the proxy has closed the connection (the next read sees EOF). */
  public boolean atEnd() throws IOException {
    return in.read() < 0;
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(readExactly(size));
      readLine();
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
