package dev.crabbox.agent.bridge;

import io.netty.channel.Channel;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * Stops and restarts reading a TCP socket for backpressure.
 *
 * <p>Why not {@link NetSocket#pause()}: in Vert.x 5.0.x a paused socket whose peer closes may run
 * its end handler <em>before</em> the last buffered bytes reach the data handler
 * (eclipse-vertx/vert.x#5748, fixed upstream by #5968 after 5.0.7). A pipe that sends FIN at the
 * end handler would then cut the tail off a download. Turning off the channel's auto-read instead
 * keeps Vert.x's own queues empty: the few bytes already read are delivered at once (the stream
 * queues them within its credit accounting) and the end of input is seen only after everything
 * before it. Sockets that are not Vert.x's own fall back to pause/resume.
 */
public final class SocketReads {

  private SocketReads() {}

  /** Stops reading from the socket (bytes already read may still be delivered once). */
  public static void pause(NetSocket socket) {
    Channel channel = channel(socket);
    if (channel != null) {
      channel.config().setAutoRead(false);
    } else {
      socket.pause();
    }
  }

  /** Reads from the socket again. */
  public static void resume(NetSocket socket) {
    Channel channel = channel(socket);
    if (channel != null) {
      channel.config().setAutoRead(true);
    } else {
      socket.resume();
    }
  }

  private static Channel channel(NetSocket socket) {
    return socket instanceof NetSocketInternal internal ? internal.channelHandlerContext().channel() : null;
  }
}
