package dev.crabbox.protocol.http;

import static dev.crabbox.protocol.http.Ascii.CR;
import static dev.crabbox.protocol.http.Ascii.LF;

import java.util.Arrays;
import java.util.Optional;

/**
 * Incremental parser of the request heads a browser sends to the lease proxy. Feed it socket
 * chunks as they arrive; it buffers until a complete head is present, checks each byte once, and
 * fails as soon as a limit is passed so a hostile client cannot make it buffer without bound.
 *
 * <p>After a request is returned, the bytes that followed its head (body, tunnel data or the next
 * request) are available from {@link #takeRemainder()}; the next {@link #feed} starts a new head,
 * so one parser serves every request of a kept-alive socket. Not thread-safe.
 */
public final class ProxyRequestParser {

  public static final int DEFAULT_MAX_HEAD_BYTES = 64 * 1024;
  public static final int MAX_LINE_BYTES = 8 * 1024;
  public static final int MAX_HEADERS = 100;

  private static final byte[] EMPTY = new byte[0];
  /** A buffer this large is dropped after use rather than kept for the next request. */
  private static final int KEEP_BUFFER_BYTES = 16 * 1024;

  private final int maxHeadBytes;

  private byte[] buffer = EMPTY;
  private int buffered;
  // Scan state over the buffered bytes, kept across chunks so each byte is examined once.
  private int scanned;
  private int lineStart;
  private int headStart;
  private int lines;

  private byte[] remainder;
  private boolean failed;

  public ProxyRequestParser() {
    this(DEFAULT_MAX_HEAD_BYTES);
  }

  public ProxyRequestParser(int maxHeadBytes) {
    if (maxHeadBytes < 64) {
      throw new IllegalArgumentException("maxHeadBytes must be at least 64, got " + maxHeadBytes);
    }
    this.maxHeadBytes = maxHeadBytes;
  }

  /**
   * Adds received bytes. Returns the request once its head is complete, empty while more bytes are
   * needed.
   *
   * @throws ProxyRequestException for a malformed or oversized head; the parser is then unusable
   * @throws IllegalStateException when the remainder of the previous request was not taken
   */
  public Optional<ProxyRequest> feed(byte[] chunk) throws ProxyRequestException {
    if (failed) {
      throw new IllegalStateException("the parser already rejected this connection's input");
    }
    if (remainder != null) {
      if (remainder.length > 0) {
        throw new IllegalStateException("takeRemainder() before feeding the next request");
      }
      remainder = null;
    }
    if (chunk.length == 0) {
      return Optional.empty();
    }
    try {
      return scan(chunk);
    } catch (ProxyRequestException e) {
      failed = true;
      reset();
      throw e;
    }
  }

  /**
   * The bytes received after the last returned head (possibly none), once; null before a request
   * has been returned.
   */
  public byte[] takeRemainder() {
    byte[] taken = remainder;
    remainder = taken == null ? null : EMPTY;
    return taken;
  }

  /** Bytes of an incomplete head held so far. */
  public int bufferedBytes() {
    return buffered;
  }

  private Optional<ProxyRequest> scan(byte[] chunk) throws ProxyRequestException {
    // With nothing buffered the head is usually complete in this one chunk: scan it in place.
    byte[] source = chunk;
    int length = chunk.length;
    if (buffered > 0) {
      append(chunk);
      source = buffer;
      length = buffered;
    }
    int headEnd = findHeadEnd(source, length);
    if (headEnd < 0) {
      if (source == chunk) {
        append(chunk);
      }
      return Optional.empty();
    }
    ProxyRequest request = parse(source, headStart, headEnd);
    remainder = headEnd == length ? EMPTY : Arrays.copyOfRange(source, headEnd, length);
    reset();
    return Optional.of(request);
  }

  /** Advances the scan; returns the index after the head's blank line, or -1 if not yet seen. */
  private int findHeadEnd(byte[] bytes, int length) throws ProxyRequestException {
    for (int i = scanned; i < length; i++) {
      if (i >= maxHeadBytes) {
        throw new ProxyRequestException(431, "request head larger than " + maxHeadBytes + " bytes");
      }
      byte b = bytes[i];
      if (i > lineStart && bytes[i - 1] == CR && b != LF) {
        throw new ProxyRequestException(400, "bare CR in request head");
      }
      if (b == LF) {
        if (i == lineStart || bytes[i - 1] != CR) {
          throw new ProxyRequestException(400, "bare LF in request head");
        }
        if (i - 1 == lineStart) {
          if (lines > 0) {
            scanned = i + 1;
            return i + 1;
          }
          // Empty lines before the request line are tolerated (RFC 9112 §2.2), e.g. a stray CRLF
          // a client sent after the previous body.
          headStart = i + 1;
        } else if (++lines > MAX_HEADERS + 1) {
          throw new ProxyRequestException(431, "more than " + MAX_HEADERS + " header fields");
        }
        lineStart = i + 1;
      } else if (b == 0) {
        throw new ProxyRequestException(400, "NUL byte in request head");
      } else if (i - lineStart > MAX_LINE_BYTES) {
        // Index lineStart + MAX_LINE_BYTES may still be the CR of a line of exactly the limit.
        throw lines == 0
            ? new ProxyRequestException(414, "request line longer than " + MAX_LINE_BYTES + " bytes")
            : new ProxyRequestException(431, "header line longer than " + MAX_LINE_BYTES + " bytes");
      }
    }
    scanned = length;
    return -1;
  }

  private static ProxyRequest parse(byte[] bytes, int start, int end) throws ProxyRequestException {
    RequestHead head = RequestHead.parse(bytes, start, end, MAX_HEADERS);
    if (head.isConnect()) {
      return new ProxyRequest.Connect(Targets.connect(head.target()));
    }
    return ForwardHeads.forward(head);
  }

  private void append(byte[] chunk) {
    int needed = buffered + chunk.length;
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(needed, Math.max(1024, buffer.length * 2)));
    }
    System.arraycopy(chunk, 0, buffer, buffered, chunk.length);
    buffered = needed;
  }

  private void reset() {
    buffered = 0;
    scanned = 0;
    lineStart = 0;
    headStart = 0;
    lines = 0;
    if (buffer.length > KEEP_BUFFER_BYTES) {
      buffer = EMPTY;
    }
  }
}
