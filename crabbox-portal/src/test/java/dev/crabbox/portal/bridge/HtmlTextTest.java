package dev.crabbox.portal.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void escapesEveryCharacterThatCouldEndTextOrAnAttribute() {
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
        HtmlText.escape("<script>alert('x')</script> & \"q\""));
    assertEquals("", HtmlText.escape(null));
    assertEquals("blue-prawn", HtmlText.escape("blue-prawn"));
  }
}
