package dev.crabbox.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.coordinator.support.TestCoordinator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** docs/openapi.yaml and the router describe the same /v1 routes, both ways. */
@ExtendWith(VertxExtension.class)
class OpenApiRouterTest {

  private static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml");
  private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch",
      "head", "options", "trace");

  @Test
  void documentAndRouterMatch(Vertx vertx, @TempDir Path dataDir) throws IOException {
    AtomicReference<Router> router = new AtomicReference<>();
    TestCoordinator coordinator = TestCoordinator.start(vertx, dataDir,
        options -> options.addRouteContributor((r, services) -> router.set(r)));
    try {
      Set<String> routed = routerOperations(router.get());
      Set<String> documented = documentedOperations(document());
      assertEquals(documented, routed, "router (right) vs " + DOCUMENT + " (left)");
    } finally {
      coordinator.stop();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyProtectedOperationDocumentsItsErrors() throws IOException {
    Map<String, Object> paths = (Map<String, Object>) document().get("paths");
    paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
      if (!OPERATIONS.contains(method) || path.equals("/v1/health")) {
        return;
      }
      Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) operation).get("responses");
      assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("4")),
          method + " " + path + " documents no 4xx response");
      assertTrue(responses.containsKey("401"), method + " " + path + " documents no 401");
    }));
  }

  private static Map<String, Object> document() throws IOException {
    try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
      return new Yaml().load(reader);
    }
  }

  /** "METHOD /path/{param}" for every /v1 route with a path and explicit methods. */
  private static Set<String> routerOperations(Router router) {
    Set<String> out = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null || !path.startsWith("/v1/")) {
        continue;
      }
      assertTrue(route.methods() != null && !route.methods().isEmpty(),
          "route " + path + " accepts any method");
      String templated = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
      for (HttpMethod method : route.methods()) {
        out.add(method.name() + " " + templated);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> documentedOperations(Map<String, Object> document) {
    Set<String> out = new TreeSet<>();
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
        .filter(OPERATIONS::contains)
        .forEach(method -> out.add(method.toUpperCase(Locale.ROOT) + " " + path)));
    return out;
  }
}
