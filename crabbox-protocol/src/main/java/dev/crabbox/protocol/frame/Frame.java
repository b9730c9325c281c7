package dev.crabbox.protocol.frame;

import java.util.Arrays;
import java.util.Objects;

/**
 * One bridge frame, independent of its wire encoding. Stream ids are unsigned 32-bit values kept in
 * an {@code int}; the lease-side client assigns them. See DESIGN.md §4.
 */
public sealed interface Frame {

  int stream();

  FrameType type();

  /** Client asks the host to dial {@code host:port}. */
  record Open(int stream, String host, int port) implements Frame {
    public Open {
      Objects.requireNonNull(host, "host");
    }

    public FrameType type() {
      return FrameType.OPEN;
    }

    /** The {@code host:port} text of the v2 payload, with IPv6 literals in brackets. */
    public String target() {
      return HostPort.format(host, port);
    }
  }

  /** Host dialled the destination; data may flow. */
  record OpenOk(int stream) implements Frame {
    public FrameType type() {
      return FrameType.OPEN_OK;
    }
  }

  /** Payload bytes for one stream; at most {@link WireLimits#MAX_DATA_PAYLOAD} bytes. */
  record Data(int stream, byte[] payload) implements Frame {
    public Data {
      Objects.requireNonNull(payload, "payload");
    }

    public FrameType type() {
      return FrameType.DATA;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Data d && d.stream == stream && Arrays.equals(d.payload, payload);
    }

    @Override
    public int hashCode() {
      return 31 * stream + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "Data[stream=" + Integer.toUnsignedString(stream) + ", bytes=" + payload.length + "]";
    }
  }

  /** Half-close: the sender will send no more data on this stream. */
  record Fin(int stream) implements Frame {
    public FrameType type() {
      return FrameType.FIN;
    }
  }

  /** Abort the stream in both directions; the reason may be empty. */
  record Rst(int stream, String reason) implements Frame {
    public Rst {
      reason = reason == null ? "" : reason;
    }

    public FrameType type() {
      return FrameType.RST;
    }
  }

  /** The host refused or failed to open the stream; the message is shown to the user. */
  record Error(int stream, String message) implements Frame {
    public Error {
      message = message == null ? "" : message;
    }

    public FrameType type() {
      return FrameType.ERROR;
    }
  }

  /** Grants the peer {@code increment} more bytes of send credit on the stream. */
  record Window(int stream, int increment) implements Frame {
    public FrameType type() {
      return FrameType.WINDOW;
    }
  }
}
