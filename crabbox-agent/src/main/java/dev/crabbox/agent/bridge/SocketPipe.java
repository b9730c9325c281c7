package dev.crabbox.agent.bridge;

import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins a TCP socket to a bridge stream in both directions: the host's dialled destination, and a
 * browser's socket once its CONNECT was answered.
 *
 * <p>Vert.x cannot half-close a TCP socket: a FIN from the peer ends (closes) the socket after its
 * pending writes, and the socket's end of input — which in Vert.x is also its close — sends our
 * FIN. A client that half-closes its sending side and still waits for an answer therefore loses
 * the answer; browsers never do that.
 */
public final class SocketPipe {

  private static final Logger LOG = LoggerFactory.getLogger(SocketPipe.class);

  private SocketPipe() {}

  /** Starts piping; a socket paused with {@link SocketReads} is resumed here. */
  public static void join(NetSocket socket, BridgeStream stream) {
    stream.events(new StreamEvents() {
      @Override
      public void onRemoteFin() {
        socket.end();
      }

      @Override
      public void onReset(String reason) {
        LOG.debug("stream {} reset: {}", Integer.toUnsignedString(stream.id()), reason);
        socket.close();
      }
    });
    stream.receiveInto(socket);
    long[] fromSocket = {0};
    socket.handler(bytes -> {
      fromSocket[0] += bytes.length();
      stream.send(bytes);
      Backpressure.pauseWhileBlocked(socket, stream);
    });
    socket.endHandler(v -> {
      LOG.debug("stream {} socket ended after {} bytes", Integer.toUnsignedString(stream.id()), fromSocket[0]);
      stream.finish();
    });
    socket.closeHandler(v -> stream.discardInbound());
    socket.exceptionHandler(error -> {
      LOG.debug("stream {} socket error: {}", Integer.toUnsignedString(stream.id()), error.toString());
      stream.reset("socket error");
      socket.close();
    });
    SocketReads.resume(socket);
  }
}
