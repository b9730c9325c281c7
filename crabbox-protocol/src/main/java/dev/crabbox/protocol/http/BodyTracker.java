package dev.crabbox.protocol.http;

import java.util.Objects;

/**
 * Finds where a forwarded request's body ends in the bytes that follow its head, so the lease
 * proxy knows which bytes to forward with this request and where the next request of a
 * kept-alive socket starts. Chunked bodies are followed byte by byte (sizes, extensions, CRLFs,
 * trailers) and malformed framing is refused rather than guessed at. Not thread-safe.
 */
public final class BodyTracker {

  static final int MAX_CHUNK_LINE_BYTES = 4 * 1024;
  static final int MAX_TRAILER_LINE_BYTES = 8 * 1024;
  static final int MAX_TRAILERS = 100;
  /** 15 hex digits keep the size below 2^60: no overflow, and far beyond any real body. */
  private static final int MAX_SIZE_DIGITS = 15;

  private enum State {
    SIZE_START, SIZE, EXT_BWS, EXT, SIZE_LF, DATA, DATA_CR, DATA_LF,
    TRAILER_START, TRAILER_NAME, TRAILER_VALUE, TRAILER_LF, END_LF, DONE
  }

  private final boolean chunked;
  private State state;
  /** Content-Length bytes still expected, or the bytes left in the current chunk. */
  private long remaining;
  private int sizeDigits;
  private int lineBytes;
  private int trailers;

  public BodyTracker(BodyFraming framing) {
    Objects.requireNonNull(framing, "framing");
    chunked = framing instanceof BodyFraming.Chunked;
    if (chunked) {
      state = State.SIZE_START;
    } else if (framing instanceof BodyFraming.ContentLength cl) {
      remaining = cl.length();
      state = remaining == 0 ? State.DONE : State.DATA;
    } else {
      state = State.DONE;
    }
  }

  /** True once the whole body (for chunked: up to the end of the trailer section) was seen. */
  public boolean complete() {
    return state == State.DONE;
  }

  /** See {@link #feed(byte[], int, int)}. */
  public int feed(byte[] bytes) throws ProxyRequestException {
    return feed(bytes, 0, bytes.length);
  }

  /**
   * Consumes body bytes from {@code bytes[offset, offset + length)} and returns how many belong
   * to the body; any bytes after those belong to whatever follows the request.
   *
   * @throws ProxyRequestException (400) when chunked framing is malformed
   */
  public int feed(byte[] bytes, int offset, int length) throws ProxyRequestException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (!chunked) {
      int taken = (int) Math.min(length, remaining);
      remaining -= taken;
      if (remaining == 0) {
        state = State.DONE;
      }
      return taken;
    }
    int end = offset + length;
    int i = offset;
    while (i < end && state != State.DONE) {
      if (state == State.DATA) {
        int taken = (int) Math.min(end - i, remaining);
        i += taken;
        remaining -= taken;
        if (remaining == 0) {
          state = State.DATA_CR;
        }
      } else {
        step(bytes[i++]);
      }
    }
    return i - offset;
  }

  private void step(byte b) throws ProxyRequestException {
    switch (state) {
      case SIZE_START:
        sizeDigit(b);
        lineBytes = 1;
        state = State.SIZE;
        break;
      case SIZE:
        countLineByte(MAX_CHUNK_LINE_BYTES);
        if (Ascii.hexDigit(b) >= 0) {
          sizeDigit(b);
        } else {
          afterSize(b);
        }
        break;
      case EXT_BWS:
        countLineByte(MAX_CHUNK_LINE_BYTES);
        if (b == ';') {
          state = State.EXT;
        } else if (!Ascii.whitespace(b)) {
          throw bad("malformed chunk extension");
        }
        break;
      case EXT:
        countLineByte(MAX_CHUNK_LINE_BYTES);
        if (b == Ascii.CR) {
          state = State.SIZE_LF;
        } else if (!Ascii.fieldValueByte(b)) {
          throw bad("malformed chunk extension");
        }
        break;
      case SIZE_LF:
        expect(b, Ascii.LF, "chunk size line not ended by CRLF");
        state = remaining == 0 ? State.TRAILER_START : State.DATA;
        break;
      case DATA_CR:
        expect(b, Ascii.CR, "chunk data not followed by CRLF");
        state = State.DATA_LF;
        break;
      case DATA_LF:
        expect(b, Ascii.LF, "chunk data not followed by CRLF");
        remaining = 0;
        sizeDigits = 0;
        state = State.SIZE_START;
        break;
      case TRAILER_START:
        trailerStart(b);
        break;
      case TRAILER_NAME:
        countLineByte(MAX_TRAILER_LINE_BYTES);
        if (b == ':') {
          state = State.TRAILER_VALUE;
        } else if (!Ascii.tchar(b)) {
          throw bad("malformed trailer field");
        }
        break;
      case TRAILER_VALUE:
        countLineByte(MAX_TRAILER_LINE_BYTES);
        if (b == Ascii.CR) {
          state = State.TRAILER_LF;
        } else if (!Ascii.fieldValueByte(b)) {
          throw bad("malformed trailer field");
        }
        break;
      case TRAILER_LF:
        expect(b, Ascii.LF, "trailer field not ended by CRLF");
        state = State.TRAILER_START;
        break;
      case END_LF:
        expect(b, Ascii.LF, "chunked body not ended by CRLF");
        state = State.DONE;
        break;
      default:
        throw new IllegalStateException("no byte is read in state " + state);
    }
  }

  private void sizeDigit(byte b) throws ProxyRequestException {
    int digit = Ascii.hexDigit(b);
    if (digit < 0) {
      throw bad("malformed chunk size");
    }
    if (++sizeDigits > MAX_SIZE_DIGITS) {
      throw bad("chunk size too large");
    }
    remaining = remaining * 16 + digit;
  }

  private void afterSize(byte b) throws ProxyRequestException {
    if (b == ';') {
      state = State.EXT;
    } else if (Ascii.whitespace(b)) {
      state = State.EXT_BWS;
    } else if (b == Ascii.CR) {
      state = State.SIZE_LF;
    } else {
      throw bad("malformed chunk size");
    }
  }

  private void trailerStart(byte b) throws ProxyRequestException {
    if (b == Ascii.CR) {
      state = State.END_LF;
    } else if (Ascii.tchar(b)) {
      if (++trailers > MAX_TRAILERS) {
        throw bad("more than " + MAX_TRAILERS + " trailer fields");
      }
      lineBytes = 1;
      state = State.TRAILER_NAME;
    } else {
      throw bad("malformed trailer field");
    }
  }

  private void countLineByte(int limit) throws ProxyRequestException {
    if (++lineBytes > limit) {
      throw bad(limit == MAX_CHUNK_LINE_BYTES ? "chunk size line too long" : "trailer field too long");
    }
  }

  private static void expect(byte actual, byte wanted, String problem) throws ProxyRequestException {
    if (actual != wanted) {
      throw bad(problem);
    }
  }

  private static ProxyRequestException bad(String problem) {
    return new ProxyRequestException(400, "bad chunked request body: " + problem);
  }
}
