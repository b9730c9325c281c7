package dev.crabbox.protocol.frame;

import static dev.crabbox.protocol.frame.FrameDecodeException.Reason;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * JSON v1 codec, wire-compatible with the original Crabbox: text messages such as
 * {@code {"type":"open","id":"c1","host":"example.com","port":"443"}}, data bodies in base64.
 *
 * <p>v1 stream ids are strings. One codec instance serves one connection and maps them to the
 * {@code int} ids of {@link Frame}: a canonical decimal id ("17") maps to itself, anything else
 * ("c1") gets a fresh id from the table. Call {@link #forget(int)} once a stream is finished.
 * Not thread-safe: use it from the connection's context only.
 */
public final class V1Codec {

  // Field names come from the peer: do not intern them into the JVM-wide string table.
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(WireLimits.MAX_V1_MESSAGE)
          .maxNestingDepth(8)
          .build())
      .build();

  /** Table ids start above the canonical-decimal range so the two never collide. */
  private static final int FIRST_TABLE_ID = 0x8000_0000;

  /**
   * Most non-decimal ids mapped at once. A peer that opens streams without ever closing them must
   * not grow the table without bound; no real connection has this many streams open.
   */
  public static final int MAX_MAPPED_IDS = 65_536;

  /** Longest v1 stream id accepted. */
  public static final int MAX_ID_LENGTH = 128;

  private final Map<String, Integer> idsByName = new HashMap<>();
  private final Map<Integer, String> namesById = new HashMap<>();
  private int nextTableId = FIRST_TABLE_ID;

  /** Encodes a frame as a v1 text message; WINDOW has no v1 form and yields empty. */
  public Optional<String> encode(Frame frame) {
    if (frame instanceof Frame.Window) {
      return Optional.empty();
    }
    if (frame instanceof Frame.Open o && (o.port() < 1 || o.port() > 65535
        || !HostPort.validHost(o.host()))) {
      // Same rule as decode: never put a message on the wire that the peer must reject.
      throw new IllegalArgumentException("OPEN target is not host:port: "
          + V2Codec.printable(o.host() + ":" + o.port()));
    }
    StringWriter out = new StringWriter(frame instanceof Frame.Data d ? d.payload().length * 4 / 3 + 64 : 64);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", v1Type(frame.type()));
      g.writeStringField("id", name(frame.stream()));
      if (frame instanceof Frame.Open o) {
        g.writeStringField("host", o.host());
        g.writeStringField("port", Integer.toString(o.port()));
      } else if (frame instanceof Frame.Data d) {
        g.writeStringField("body", Base64.getEncoder().encodeToString(d.payload()));
      } else if (frame instanceof Frame.Error e) {
        g.writeStringField("error", e.message());
        g.writeStringField("message", e.message());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string cannot fail", e);
    }
    return Optional.of(out.toString());
  }

  private static String v1Type(FrameType type) {
    return switch (type) {
      case OPEN -> "open";
      case OPEN_OK -> "open_ok";
      case DATA -> "data";
      case FIN, RST -> "close";
      case ERROR -> "error";
      case WINDOW -> throw new IllegalArgumentException("WINDOW has no v1 form");
    };
  }

  /**
   * Decodes one v1 text message. v1 {@code close} becomes {@link Frame.Fin}: v1 has no
   * half-close, so the receiver treats it as the end of the stream.
   */
  public Frame decode(String message) throws FrameDecodeException {
    if (message == null || message.isEmpty()) {
      throw new FrameDecodeException(Reason.EMPTY, "empty message");
    }
    if (message.length() > WireLimits.MAX_V1_MESSAGE) {
      throw new FrameDecodeException(Reason.TOO_LARGE,
          "message of " + message.length() + " characters exceeds " + WireLimits.MAX_V1_MESSAGE);
    }
    Map<String, String> fields = parseFlatObject(message);
    String type = fields.get("type");
    if (type == null) {
      throw new FrameDecodeException(Reason.MISSING_FIELD, "message has no \"type\"");
    }
    String id = fields.get("id");
    if (id == null || id.isEmpty()) {
      throw new FrameDecodeException(Reason.MISSING_FIELD,
          V2Codec.printable(type) + " message has no \"id\"");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new FrameDecodeException(Reason.BAD_STREAM_ID,
          "stream id longer than " + MAX_ID_LENGTH + " characters");
    }
    try {
      return decodeTyped(type, id, fields);
    } catch (FrameDecodeException e) {
      // Attach the stream when this connection already knows the id, so the caller can answer
      // the malformed frame on its stream; an unknown id gets no mapping just for an error.
      OptionalInt known = knownStream(id);
      throw known.isPresent() && e.stream().isEmpty()
          ? new FrameDecodeException(e.reason(), e.getMessage(), known.getAsInt()) : e;
    }
  }

  /** Validates every field before {@link #streamOf} so a rejected message maps no new id. */
  private Frame decodeTyped(String type, String id, Map<String, String> fields)
      throws FrameDecodeException {
    switch (type) {
      case "open":
        return decodeOpen(id, fields);
      case "open_ok":
        return new Frame.OpenOk(streamOf(id));
      case "data": {
        byte[] payload = base64(fields.get("body"));
        return new Frame.Data(streamOf(id), payload);
      }
      case "close":
        return new Frame.Fin(streamOf(id));
      case "error": {
        String text = fields.getOrDefault("message", fields.get("error"));
        return new Frame.Error(streamOf(id), text == null ? "" : text);
      }
      default:
        throw new FrameDecodeException(Reason.UNKNOWN_TYPE,
            "unknown message type " + V2Codec.printable(type));
    }
  }

  /** Drops the id mapping of a finished stream (no-op for canonical decimal ids). */
  public void forget(int stream) {
    String name = namesById.remove(stream);
    if (name != null) {
      idsByName.remove(name);
    }
  }

  /** How many non-decimal ids are mapped right now (for leak tests). */
  public int mappedIds() {
    return namesById.size();
  }

  private Frame decodeOpen(String id, Map<String, String> fields) throws FrameDecodeException {
    String host = fields.get("host");
    String portText = fields.get("port");
    if (host == null || portText == null) {
      throw new FrameDecodeException(Reason.MISSING_FIELD, "open message needs \"host\" and \"port\"");
    }
    int port = HostPort.parsePort(portText);
    if (port < 0 || !HostPort.validHost(host)) {
      throw new FrameDecodeException(Reason.BAD_TARGET,
          "open target is not host:port: " + V2Codec.printable(host + ":" + portText));
    }
    return new Frame.Open(streamOf(id), host, port);
  }

  private static byte[] base64(String body) throws FrameDecodeException {
    if (body == null) {
      throw new FrameDecodeException(Reason.MISSING_FIELD, "data message has no \"body\"");
    }
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new FrameDecodeException(Reason.BAD_BASE64, "data body is not base64");
    }
  }

  private OptionalInt knownStream(String id) {
    int canonical = canonicalDecimal(id);
    if (canonical >= 0) {
      return OptionalInt.of(canonical);
    }
    Integer known = idsByName.get(id);
    return known == null ? OptionalInt.empty() : OptionalInt.of(known);
  }

  private int streamOf(String id) throws FrameDecodeException {
    int canonical = canonicalDecimal(id);
    if (canonical >= 0) {
      return canonical;
    }
    Integer known = idsByName.get(id);
    if (known != null) {
      return known;
    }
    if (namesById.size() >= MAX_MAPPED_IDS) {
      throw new FrameDecodeException(Reason.BAD_STREAM_ID,
          "more than " + MAX_MAPPED_IDS + " open v1 stream ids on this connection");
    }
    // After 2^31 allocations the counter wraps; skip ids that are still in use.
    int fresh = nextTableId;
    while (namesById.containsKey(fresh)) {
      fresh = advance(fresh);
    }
    nextTableId = advance(fresh);
    idsByName.put(id, fresh);
    namesById.put(fresh, id);
    return fresh;
  }

  private static int advance(int tableId) {
    int next = tableId + 1;
    return next == 0 ? FIRST_TABLE_ID : next;
  }

  private String name(int stream) {
    String mapped = namesById.get(stream);
    return mapped != null ? mapped : Integer.toUnsignedString(stream);
  }

  /** The value of a decimal id without sign or leading zeros below 2^31, else -1. */
  private static int canonicalDecimal(String id) {
    if (id.length() > 10 || (id.length() > 1 && id.charAt(0) == '0')) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    // FIRST_TABLE_ID is negative as an int; compare as the unsigned value 2^31.
    return value < Integer.toUnsignedLong(FIRST_TABLE_ID) ? (int) value : -1;
  }

  /** Reads one flat JSON object of scalar fields; nested values are skipped. */
  private static Map<String, String> parseFlatObject(String message) throws FrameDecodeException {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser p = JSON.createParser(message)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new FrameDecodeException(Reason.MALFORMED_JSON, "message is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          p.skipChildren();
        } else if (value != JsonToken.VALUE_NULL) {
          fields.put(name, p.getText());
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new FrameDecodeException(Reason.MALFORMED_JSON, "message is not one JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new FrameDecodeException(Reason.MALFORMED_JSON, "message is not valid JSON");
    } catch (IOException e) {
      throw new FrameDecodeException(Reason.MALFORMED_JSON, "message could not be read");
    }
    return fields;
  }
}
