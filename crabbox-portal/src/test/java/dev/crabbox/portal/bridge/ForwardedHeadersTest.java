package dev.crabbox.portal.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which headers cross the code bridge, and how. */
class ForwardedHeadersTest {

  @Test
  void theLeaseGetsTheBrowsersCookiesButNeverThePortalSession() {
    assertEquals("theme=dark; code-server-session=s1",
        ForwardedHeaders.cookies("__Host-crabbox_session=portal; theme=dark; code-server-session=forged", "s1"));
    assertEquals("code-server-session=s1", ForwardedHeaders.cookies(null, "s1"));
  }

  @Test
  void theBrowserGetsNeitherHopByHopHeadersNorCodeServersSession() {
    HttpHeaders upstream = new DefaultHttpHeaders()
        .add("Content-Type", "text/html")
        .add("Connection", "keep-alive")
        .add("Transfer-Encoding", "chunked")
        .add("Set-Cookie", "code-server-session=abc; Path=/; HttpOnly")
        .add("Set-Cookie", "vscode-tkn=; Path=/")
        .add("Location", "/login?to=%2F");
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    ForwardedHeaders.response(upstream, "/portal/leases/blue-crab/code", out);
    assertEquals("text/html", out.get("Content-Type"));
    assertNull(out.get("Connection"));
    assertNull(out.get("Transfer-Encoding"));
    assertEquals(List.of("vscode-tkn=; Path=/"), out.getAll("Set-Cookie"));
    assertEquals("/portal/leases/blue-crab/code/login?to=%2F", out.get("Location"));
  }

  @Test
  void relativeAndForeignRedirectsStayAsTheyAre() {
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    ForwardedHeaders.response(new DefaultHttpHeaders().add("Location", "./login"), "/p", out);
    assertEquals("./login", out.get("Location"));
    MultiMap protocolRelative = MultiMap.caseInsensitiveMultiMap();
    ForwardedHeaders.response(new DefaultHttpHeaders().add("Location", "//elsewhere.example/x"), "/p",
        protocolRelative);
    assertEquals("//elsewhere.example/x", protocolRelative.get("Location"));
    assertFalse(ForwardedHeaders.isSessionCookie("other=code-server-session"));
  }
}
