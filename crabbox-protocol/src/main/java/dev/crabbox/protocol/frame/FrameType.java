package dev.crabbox.protocol.frame;

/** The v2 frame type byte. The numbers are wire format: never renumber. */
public enum FrameType {
  OPEN(1),
  OPEN_OK(2),
  DATA(3),
  FIN(4),
  RST(5),
  ERROR(6),
  WINDOW(7);

  private static final FrameType[] BY_CODE = new FrameType[8];

  static {
    for (FrameType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;

  FrameType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type for a wire code, or {@code null} when the code is unknown. */
  public static FrameType ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
