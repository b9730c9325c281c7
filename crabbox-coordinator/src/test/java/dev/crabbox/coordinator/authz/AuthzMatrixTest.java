package dev.crabbox.coordinator.authz;

import static dev.crabbox.coordinator.authz.Expect.CREATED;
import static dev.crabbox.coordinator.authz.Expect.FORBIDDEN;
import static dev.crabbox.coordinator.authz.Expect.HIDDEN;
import static dev.crabbox.coordinator.authz.Expect.LISTED;
import static dev.crabbox.coordinator.authz.Expect.NOT_FOUND;
import static dev.crabbox.coordinator.authz.Expect.OK;
import static dev.crabbox.coordinator.authz.Expect.UNAUTHORIZED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.crabbox.coordinator.support.TestCoordinator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call which route: every lease, run and runner route (the bearer-token routes of
 * docs/openapi.yaml) against every kind of caller, each cell the status the API must answer.
 *
 * <p>The rules (lease/Access.java, ShareAccessTest, RunAccessTest, RunnerAccessTest): the owner and
 * admins manage a lease; a {@code use} share (a user's, or the org's for members of the lease's
 * org) sees the lease, its shares, its egress status and its runs, heartbeats it and runs commands
 * on it, but may not release it, change its shares or mint egress tickets (403 {@code forbidden});
 * a {@code manage} share may do all of that. Anyone else gets 404, exactly as for a missing lease,
 * so ids cannot be probed; lists leave such leases out. External runners are visible to the user
 * who synced them and to admins only, whatever the lease shares say. No token is 401 everywhere.
 *
 * <p>One coordinator serves the whole class. Each caller's column works on its own lease, run and
 * share set, and every row of a route that ends the lease or run or changes its shares gets fresh
 * ones, so a release or share change in one row cannot decide another.
 */
class AuthzMatrixTest {
  static final String PROVIDER = "blacksmith-testbox";
  private static final String RUNNER = "tbx_authz_alice";

  @TempDir
  static Path dataDir;

  private static Vertx vertx;
  private static TestCoordinator coordinator;
  private static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);
  /** The subjects of the rows whose calls change nothing about access, one set per caller. */
  private static final Map<Who, Fixture> SHARED_FIXTURES = new EnumMap<>(Who.class);

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    coordinator = TestCoordinator.start(vertx, dataDir);
    for (Who who : Who.values()) {
      TOKENS.put(who, switch (who) {
        case ADMIN -> coordinator.adminToken();
        case NO_TOKEN -> null;
        default -> coordinator.token(who.owner, who.org);
      });
    }
    HttpResponse<Buffer> synced = coordinator.post("/v1/runners/sync", TOKENS.get(Who.OWNER),
        new JsonObject().put("provider", PROVIDER).put("runners", new JsonArray()
            .add(new JsonObject().put("id", RUNNER).put("status", "running"))));
    assertEquals(200, synced.statusCode(), synced.bodyAsString());
  }

  @AfterAll
  static void stop() {
    coordinator.stop();
    vertx.close().await();
  }

  /** Expected answers per route, in the column order of {@link Who}. */
  private static final Map<ApiRoute, List<Expect>> MATRIX = new EnumMap<>(ApiRoute.class);

  static {
    //    route                                OWNER    USE        MANAGE   ORG        ORG-NONE   ADMIN    STRANGER   NO TOKEN
    row(ApiRoute.CREATE_LEASE,                 CREATED, CREATED,   CREATED, CREATED,   CREATED,   CREATED, CREATED,   UNAUTHORIZED);
    row(ApiRoute.LIST_LEASES,                  LISTED,  LISTED,    LISTED,  LISTED,    HIDDEN,    LISTED,  HIDDEN,    UNAUTHORIZED);
    row(ApiRoute.GET_LEASE,                    OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.RELEASE_LEASE,                OK,      FORBIDDEN, OK,      FORBIDDEN, NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.DELETE_LEASE,                 OK,      FORBIDDEN, OK,      FORBIDDEN, NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.HEARTBEAT,                    OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.GET_SHARE,                    OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.PUT_SHARE,                    OK,      FORBIDDEN, OK,      FORBIDDEN, NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.DELETE_SHARE,                 OK,      FORBIDDEN, OK,      FORBIDDEN, NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.EGRESS_TICKET,                CREATED, FORBIDDEN, CREATED, FORBIDDEN, NOT_FOUND, CREATED, NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.EGRESS_STATUS,                OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.LEASE_BRIDGES,                OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.LEASE_RUNS,                   OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.CREATE_RUN,                   CREATED, CREATED,   CREATED, CREATED,   NOT_FOUND, CREATED, NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.GET_RUN,                      OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.GET_RUN_EVENTS,               OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.GET_RUN_LOGS,                 OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.POST_RUN_EVENTS,              OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.POST_RUN_LOGS,                OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.POST_RUN_TELEMETRY,           OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.POST_RUN_JUNIT,               OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.FINISH_RUN,                   OK,      OK,        OK,      OK,        NOT_FOUND, OK,      NOT_FOUND, UNAUTHORIZED);
    row(ApiRoute.SYNC_RUNNERS,                 OK,      OK,        OK,      OK,        OK,        OK,      OK,        UNAUTHORIZED);
    row(ApiRoute.LIST_RUNNERS,                 LISTED,  HIDDEN,    HIDDEN,  HIDDEN,    HIDDEN,    LISTED,  HIDDEN,    UNAUTHORIZED);
    row(ApiRoute.GET_RUNNER,                   OK,      NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK,    NOT_FOUND, UNAUTHORIZED);
  }

  private static void row(ApiRoute route, Expect... byCaller) {
    if (byCaller.length != Who.values().length) {
      throw new IllegalStateException(route + " has " + byCaller.length + " cells, not one per caller");
    }
    MATRIX.put(route, List.of(byCaller));
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (ApiRoute route : ApiRoute.values()) {
      for (Who who : Who.values()) {
        cells.add(Arguments.of(route, who, MATRIX.get(route).get(who.ordinal())));
      }
    }
    return cells.stream();
  }

  @Test
  void everyRouteHasARow() {
    for (ApiRoute route : ApiRoute.values()) {
      assertFalse(MATRIX.get(route) == null, route + " has no row in the matrix");
    }
  }

  /**
   * The sync route answers 200 to everyone (the matrix), but what it may write is part of its
   * authorization: a caller syncs their own runners, so reporting another user's runner id must
   * not move that runner to the reporter and out of its owner's sight.
   */
  @Test
  void aSyncCannotTakeOverAnotherUsersRunner() {
    JsonObject runner = new JsonObject().put("id", "tbx_authz_takeover").put("status", "running");
    JsonObject body = new JsonObject().put("provider", PROVIDER).put("runners", new JsonArray().add(runner));
    assertEquals(200, coordinator.post("/v1/runners/sync", TOKENS.get(Who.OWNER), body).statusCode());

    coordinator.post("/v1/runners/sync", TOKENS.get(Who.STRANGER), body);

    HttpResponse<Buffer> owners = coordinator.get("/v1/runners/" + PROVIDER + "/tbx_authz_takeover",
        TOKENS.get(Who.OWNER));
    assertEquals(200, owners.statusCode(), owners.bodyAsString());
    assertEquals(Who.OWNER.owner, owners.bodyAsJsonObject().getString("owner"));
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("cells")
  void answers(ApiRoute route, Who who, Expect expected) {
    Fixture fixture = route.endsSubject ? fixture(who) : SHARED_FIXTURES.computeIfAbsent(who,
        AuthzMatrixTest::fixture);

    HttpResponse<Buffer> response = route.call.send(coordinator, fixture, TOKENS.get(who));

    String context = route + " as " + who + ": " + response.bodyAsString();
    assertEquals(expected.status(), response.statusCode(), context);
    if (expected.status() >= 400) {
      assertEquals(errorCode(route, expected), response.bodyAsJsonObject().getString("error"), context);
    }
    if (expected.listed() != null) {
      assertEquals(expected.listed(), lists(route, response.bodyAsJsonObject(), fixture), context);
    }
  }

  private static String errorCode(ApiRoute route, Expect expected) {
    switch (expected.status()) {
      case 401:
        return "unauthorized";
      case 403:
        return "forbidden";
      default:
        return route.notFoundCode;
    }
  }

  /** Whether a list answer contains the row's lease (lease list) or alice's runner (runner list). */
  private static boolean lists(ApiRoute route, JsonObject answer, Fixture fixture) {
    String field = route == ApiRoute.LIST_RUNNERS ? "runners" : "leases";
    String subject = route == ApiRoute.LIST_RUNNERS ? fixture.runner() : fixture.lease();
    return answer.getJsonArray(field).stream()
        .anyMatch(item -> subject.equals(((JsonObject) item).getString("id")));
  }

  /** A fresh lease of alice's, shared as {@code who}'s column needs, with a running run. */
  private static Fixture fixture(Who who) {
    String owner = TOKENS.get(Who.OWNER);
    String lease = coordinator.createLeaseId(owner);
    JsonObject shares = new JsonObject().put("users", new JsonObject()
        .put(Who.USE_SHARE.owner, "use").put(Who.MANAGE_SHARE.owner, "manage"));
    if (who.leaseHasOrgShare()) {
      shares.put("org", "use");
    }
    HttpResponse<Buffer> shared = coordinator.request(HttpMethod.PUT, "/v1/leases/" + lease + "/share",
        owner, shares);
    assertEquals(200, shared.statusCode(), shared.bodyAsString());
    HttpResponse<Buffer> run = coordinator.post("/v1/runs", owner, new JsonObject().put("leaseID", lease)
        .put("command", "make"));
    assertEquals(201, run.statusCode(), run.bodyAsString());
    return new Fixture(lease, run.bodyAsJsonObject().getString("id"), RUNNER);
  }
}
