package dev.crabbox.portal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.auth.Caller;
import dev.crabbox.coordinator.auth.Role;
import dev.crabbox.coordinator.support.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Codes redeem once, expire, cannot pile up without end, and live in the shared map under their
 * digest only, so every node that shares the map sees the same codes.
 */
@ExtendWith(VertxExtension.class)
class OneUseCodesTest {

  private static final String MAP = "test.one-use-codes";
  private static final OneUseCodes.Codec<String> TEXT = new OneUseCodes.Codec<>() {
    @Override
    public JsonObject encode(String value) {
      return new JsonObject().put("text", value);
    }

    @Override
    public String decode(JsonObject json) {
      return json.getString("text");
    }
  };

  private final MutableClock clock = new MutableClock();

  private OneUseCodes<String> codes(Vertx vertx) {
    return new OneUseCodes<>(vertx, MAP, clock, Duration.ofMinutes(2), TEXT);
  }

  @Test
  void aCodeRedeemsOnceWithinItsLifetime(Vertx vertx) {
    OneUseCodes<String> codes = codes(vertx);
    String code = codes.mint("fay").await();
    assertEquals(Optional.of("fay"), codes.redeem(code).await());
    assertEquals(Optional.empty(), codes.redeem(code).await());
    String late = codes.mint("fay").await();
    clock.advance(Duration.ofMinutes(2));
    assertEquals(Optional.empty(), codes.redeem(late).await());
    assertEquals(Optional.empty(), codes.redeem(null).await());
  }

  @Test
  void liveCodesAreBoundedButExpiredOnesMakeRoom(Vertx vertx) {
    OneUseCodes<String> codes = codes(vertx);
    List<Future<String>> minted = new ArrayList<>();
    for (int i = 0; i < OneUseCodes.MAX_LIVE; i++) {
      minted.add(codes.mint("x" + i));
    }
    Future.all(minted).await();
    Throwable full = failureOf(codes.mint("y"));
    assertInstanceOf(OneUseCodes.TooManyInProgress.class, full);
    assertTrue(full.getMessage().contains("try again"), full.getMessage());
    clock.advance(Duration.ofMinutes(3));
    assertEquals(Optional.of("z"), codes.redeem(codes.mint("z").await()).await());
  }

  @Test
  void theSharedMapHoldsDigestsNotCodes(Vertx vertx) {
    String code = codes(vertx).mint("gus").await();
    AsyncMap<String, JsonObject> map = vertx.sharedData().<String, JsonObject>getAsyncMap(MAP)
        .await();
    assertNull(map.get(code).await());
    JsonObject entry = map.get(OneUseCodes.digest(code)).await();
    assertFalse(entry.encode().contains(code), entry.encode());
  }

  @Test
  void twoInstancesSharingTheMapRedeemACodeExactlyOnce(Vertx vertx) {
    OneUseCodes<Caller> nodeOne = new OneUseCodes<>(vertx, MAP, clock, Duration.ofMinutes(2),
        CallerJson.INSTANCE);
    OneUseCodes<Caller> nodeTwo = new OneUseCodes<>(vertx, MAP, clock, Duration.ofMinutes(2),
        CallerJson.INSTANCE);
    Caller fay = new Caller("fay", "acme", Role.USER);
    for (int round = 0; round < 50; round++) {
      String code = nodeOne.mint(fay).await();
      List<Future<Optional<Caller>>> redeemers = List.of(nodeOne.redeem(code),
          nodeTwo.redeem(code), nodeTwo.redeem(code));
      Future.all(redeemers).await();
      long winners = redeemers.stream().filter(r -> r.result().isPresent()).count();
      assertEquals(1, winners, "round " + round);
      assertEquals(fay, redeemers.stream().filter(r -> r.result().isPresent()).findFirst()
          .orElseThrow().result().orElseThrow());
    }
  }

  private static Throwable failureOf(Future<?> future) {
    try {
      future.await();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }
}
