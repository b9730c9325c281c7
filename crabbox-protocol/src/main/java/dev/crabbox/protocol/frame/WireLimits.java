package dev.crabbox.protocol.frame;

/** Sizes and names both bridge codecs agree on (DESIGN.md §4). */
public final class WireLimits {
  /** WebSocket subprotocol that selects the binary v2 codec; without it a peer speaks v1 JSON. */
  public static final String SUBPROTOCOL_V2 = "crabbox.egress.v2";
  /** Largest DATA payload in one v2 frame. */
  public static final int MAX_DATA_PAYLOAD = 64 * 1024;
  /** v2 header: type byte plus the stream id. */
  public static final int V2_HEADER_BYTES = 5;
  /** Largest v2 message (a full DATA frame). */
  public static final int MAX_V2_MESSAGE = V2_HEADER_BYTES + MAX_DATA_PAYLOAD;
  /** Largest v1 JSON message, as in the original Crabbox. */
  public static final int MAX_V1_MESSAGE = 2 * 1024 * 1024;
  /** v1 peers read sockets in chunks of this size before base64. */
  public static final int V1_READ_CHUNK = 32 * 1024;
  /** Every stream starts with this much send credit in each direction. */
  public static final int INITIAL_WINDOW = 256 * 1024;
  /** A receiver whose destination keeps up may grow a stream's window up to this. */
  public static final int MAX_WINDOW = 1024 * 1024;
  /** Longest host name in an OPEN frame (DNS limit). */
  public static final int MAX_HOST_LENGTH = 253;
  /** Longest RST reason or ERROR message we accept. */
  public static final int MAX_TEXT_BYTES = 4096;

  private WireLimits() {}
}
