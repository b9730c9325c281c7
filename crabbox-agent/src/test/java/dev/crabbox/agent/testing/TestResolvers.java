package dev.crabbox.agent.testing;

import dev.crabbox.agent.host.HostResolver;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Resolvers that never touch real DNS. */
public final class TestResolvers {

  private TestResolvers() {}

  /** Every {@code *.test} name is 127.0.0.1; anything else does not exist. */
  public static HostResolver loopbackTestDomain() {
    return host -> host.endsWith(".test")
        ? Future.succeededFuture(List.of(address("127.0.0.1")))
        : Future.failedFuture(new UnknownHostException(host));
  }

  /** Fixed answers per name; counts lookups so tests can prove a name is resolved once. */
  public static final class Fixed implements HostResolver {
    private final Map<String, List<InetAddress>> answers;
    public final AtomicInteger lookups = new AtomicInteger();

    public Fixed(Map<String, List<InetAddress>> answers) {
      this.answers = answers;
    }

    @Override
    public Future<List<InetAddress>> resolve(String host) {
      lookups.incrementAndGet();
      List<InetAddress> found = answers.get(host);
      return found == null ? Future.failedFuture(new UnknownHostException(host)) : Future.succeededFuture(found);
    }
  }

  /** An address from its literal, without any lookup. */
  public static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
