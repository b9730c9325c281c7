package dev.crabbox.protocol.http;

import dev.crabbox.protocol.frame.HostPort;
import java.util.Arrays;
import java.util.Objects;

/** One parsed browser request to the lease proxy. */
public sealed interface ProxyRequest {

  /** Where the host agent must dial. */
  HostPort target();

  /** {@code CONNECT host:port}: after {@code 200 Connection Established} the socket is a tunnel. */
  record Connect(HostPort target) implements ProxyRequest {
    public Connect {
      Objects.requireNonNull(target, "target");
    }
  }

  /**
   * An absolute-form request rewritten for the origin server: origin-form request line, Host from
   * the URL, hop-by-hop and {@code Proxy-*} headers removed, CRLF line ends. {@code head} ends
   * with the blank line; the body (framed by {@code body}) follows it unchanged.
   */
  record Forward(HostPort target, byte[] head, BodyFraming body) implements ProxyRequest {
    public Forward {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(head, "head");
      Objects.requireNonNull(body, "body");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Forward f && f.target.equals(target) && Arrays.equals(f.head, head)
          && f.body.equals(body);
    }

    @Override
    public int hashCode() {
      return Objects.hash(target, Arrays.hashCode(head), body);
    }

    /** Names the target and sizes only: the head may carry query strings and cookies. */
    @Override
    public String toString() {
      return "Forward[target=" + target + ", head=" + head.length + " bytes, body=" + body + "]";
    }
  }
}
