package dev.crabbox.protocol.http;

/** How the body of a forwarded request is delimited (RFC 9112 §6.3, request rules only). */
public sealed interface BodyFraming {

  BodyFraming NONE = new None();
  BodyFraming CHUNKED = new Chunked();

  /** No Content-Length and no Transfer-Encoding: the request has no body. */
  record None() implements BodyFraming {}

  /** Exactly {@code length} body bytes follow the head. */
  record ContentLength(long length) implements BodyFraming {
    public ContentLength {
      if (length < 0) {
        throw new IllegalArgumentException("negative Content-Length " + length);
      }
    }
  }

  /** {@code Transfer-Encoding: ..., chunked}: chunks up to the last-chunk and trailer section. */
  record Chunked() implements BodyFraming {}
}
