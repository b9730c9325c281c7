package dev.crabbox.coordinator.authz;

import dev.crabbox.coordinator.support.TestCoordinator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/**
 * Every lease, run and runner route of the API (docs/openapi.yaml) that takes a bearer token, as
 * one well-formed request on a {@link Fixture}. The egress host/client routes are WebSocket
 * upgrades authorised by a one-use ticket, not by the bearer token, and are covered elsewhere.
 */
enum ApiRoute {
  CREATE_LEASE("POST /v1/leases", null,
      (c, f, token) -> c.post("/v1/leases", token, new JsonObject())),
  LIST_LEASES("GET /v1/leases", null,
      (c, f, token) -> c.get("/v1/leases", token)),
  GET_LEASE("GET /v1/leases/{lease}", "lease_not_found",
      (c, f, token) -> c.get(lease(f), token)),
  RELEASE_LEASE("POST /v1/leases/{lease}/release", "lease_not_found", true,
      (c, f, token) -> c.post(lease(f) + "/release", token, null)),
  DELETE_LEASE("DELETE /v1/leases/{lease}", "lease_not_found", true,
      (c, f, token) -> c.request(HttpMethod.DELETE, lease(f), token, null)),
  HEARTBEAT("POST /v1/leases/{lease}/heartbeat", "lease_not_found",
      (c, f, token) -> c.post(lease(f) + "/heartbeat", token, null)),
  GET_SHARE("GET /v1/leases/{lease}/share", "lease_not_found",
      (c, f, token) -> c.get(lease(f) + "/share", token)),
  PUT_SHARE("PUT /v1/leases/{lease}/share", "lease_not_found", true,
      (c, f, token) -> c.request(HttpMethod.PUT, lease(f) + "/share", token,
          new JsonObject().put("users", new JsonObject().put("zoe", "use")))),
  DELETE_SHARE("DELETE /v1/leases/{lease}/share", "lease_not_found", true,
      (c, f, token) -> c.request(HttpMethod.DELETE, lease(f) + "/share", token, null)),
  EGRESS_TICKET("POST /v1/leases/{lease}/egress/ticket", "lease_not_found",
      (c, f, token) -> c.post(lease(f) + "/egress/ticket", token, new JsonObject().put("role", "client"))),
  EGRESS_STATUS("GET /v1/leases/{lease}/egress/status", "lease_not_found",
      (c, f, token) -> c.get(lease(f) + "/egress/status", token)),
  LEASE_BRIDGES("GET /v1/leases/{lease}/bridges", "lease_not_found",
      (c, f, token) -> c.get(lease(f) + "/bridges", token)),
  LEASE_RUNS("GET /v1/leases/{lease}/runs", "lease_not_found",
      (c, f, token) -> c.get(lease(f) + "/runs", token)),
  CREATE_RUN("POST /v1/runs", "lease_not_found",
      (c, f, token) -> c.post("/v1/runs", token, new JsonObject().put("leaseID", f.lease())
          .put("command", "make test"))),
  GET_RUN("GET /v1/runs/{run}", "run_not_found",
      (c, f, token) -> c.get(run(f), token)),
  GET_RUN_EVENTS("GET /v1/runs/{run}/events", "run_not_found",
      (c, f, token) -> c.get(run(f) + "/events", token)),
  GET_RUN_LOGS("GET /v1/runs/{run}/logs", "run_not_found",
      (c, f, token) -> c.get(run(f) + "/logs", token)),
  POST_RUN_EVENTS("POST /v1/runs/{run}/events", "run_not_found",
      (c, f, token) -> c.post(run(f) + "/events", token, new JsonObject().put("events",
          new JsonArray().add(new JsonObject().put("type", "command.output"))))),
  POST_RUN_LOGS("POST /v1/runs/{run}/logs", "run_not_found",
      (c, f, token) -> c.postText(run(f) + "/logs", token, "building\n")),
  POST_RUN_TELEMETRY("POST /v1/runs/{run}/telemetry", "run_not_found",
      (c, f, token) -> c.post(run(f) + "/telemetry", token, new JsonObject().put("load1", 0.5)
          .put("memoryPercent", 40.5).put("diskPercent", 70))),
  POST_RUN_JUNIT("POST /v1/runs/{run}/junit", "run_not_found",
      (c, f, token) -> c.post(run(f) + "/junit", token, new JsonObject().put("suites", 1)
          .put("tests", 2).put("failures", 0).put("errors", 0).put("skipped", 0)
          .put("timeSeconds", 1.5).put("failedTests", new JsonArray()))),
  FINISH_RUN("POST /v1/runs/{run}/finish", "run_not_found", true,
      (c, f, token) -> c.post(run(f) + "/finish", token, new JsonObject().put("exitCode", 0))),
  SYNC_RUNNERS("POST /v1/runners/sync", null,
      (c, f, token) -> c.post("/v1/runners/sync", token, new JsonObject()
          .put("provider", AuthzMatrixTest.PROVIDER)
          .put("runners", new JsonArray().add(new JsonObject().put("id", "tbx_synced_by_row")
              .put("status", "running"))))),
  LIST_RUNNERS("GET /v1/runners", null,
      (c, f, token) -> c.get("/v1/runners", token)),
  GET_RUNNER("GET /v1/runners/{provider}/{runner}", "runner_not_found",
      (c, f, token) -> c.get("/v1/runners/" + AuthzMatrixTest.PROVIDER + "/" + f.runner(), token));

  /** One request of a route. */
  interface Call {
    HttpResponse<Buffer> send(TestCoordinator coordinator, Fixture fixture, String token);
  }

  final String label;
  /** The error code of this route's 404: the subject the caller cannot see. */
  final String notFoundCode;
  /**
   * Whether a successful call ends the lease or run or changes who may reach it, so that its row
   * needs subjects of its own; the other routes' rows share one fixture per caller.
   */
  final boolean endsSubject;
  final Call call;

  ApiRoute(String label, String notFoundCode, Call call) {
    this(label, notFoundCode, false, call);
  }

  ApiRoute(String label, String notFoundCode, boolean endsSubject, Call call) {
    this.label = label;
    this.notFoundCode = notFoundCode;
    this.endsSubject = endsSubject;
    this.call = call;
  }

  private static String lease(Fixture fixture) {
    return "/v1/leases/" + fixture.lease();
  }

  private static String run(Fixture fixture) {
    return "/v1/runs/" + fixture.run();
  }

  @Override
  public String toString() {
    return label;
  }
}
