package dev.crabbox.protocol.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowlistTest {

  @Test
  void profilesAreTheOnesSpec001Lists() throws AllowlistException {
    assertEquals(List.of("discord", "slack"), List.copyOf(Profiles.names()));
    assertEquals(List.of("discord.com", "*.discord.com", "discordcdn.com", "*.discordcdn.com",
        "hcaptcha.com", "*.hcaptcha.com"), Profiles.patterns("discord"));
    assertEquals(List.of("slack.com", "*.slack.com", "slack-edge.com", "*.slack-edge.com"),
        Profiles.patterns("slack"));
  }

  @Test
  void profileNamesAreTrimmedAndCaseInsensitive() throws AllowlistException {
    assertEquals(Profiles.patterns("slack"), Profiles.patterns(" Slack "));
    assertEquals(Profiles.patterns("discord"), Allowlist.of(List.of("DISCORD"), List.of()).entries());
  }

  @Test
  void unknownProfileNamesTheKnownOnes() {
    AllowlistException e = assertThrows(AllowlistException.class, () -> Profiles.patterns("x"));
    assertEquals("unknown egress profile \"x\"; known profiles: discord, slack", e.getMessage());
    AllowlistException viaOf = assertThrows(AllowlistException.class,
        () -> Allowlist.of(List.of("discord", "teams"), List.of()));
    assertEquals("unknown egress profile \"teams\"; known profiles: discord, slack", viaOf.getMessage());
    assertThrows(AllowlistException.class, () -> Profiles.patterns(null));
  }

  @Test
  void mergesProfilesAndAllowEntriesInFirstSeenOrder() throws AllowlistException {
    Allowlist list = Allowlist.of(List.of("slack"),
        List.of(" Example.COM. ,*.Foo.org", "slack.com", "", " , ", "*", "bar.net,example.com"));
    assertEquals(List.of("slack.com", "*.slack.com", "slack-edge.com", "*.slack-edge.com",
        "example.com", "*.foo.org", "bar.net"), list.entries());
    assertEquals("slack.com,*.slack.com,slack-edge.com,*.slack-edge.com,example.com,*.foo.org,bar.net",
        list.summary());
    assertFalse(list.isEmpty());
  }

  @Test
  void emptyInputsGiveAnEmptyAllowlist() throws AllowlistException {
    for (Allowlist empty : new Allowlist[] {
        Allowlist.of(List.of(), List.of()), Allowlist.of(null, null),
        Allowlist.of(List.of(" "), Arrays.asList("", "*", " * ", ",,", null, ".", "*."))}) {
      assertTrue(empty.isEmpty());
      assertEquals("-", empty.summary());
      assertEquals(List.of(), empty.entries());
      assertFalse(empty.permits("example.com"));
    }
  }

  @Test
  void wildcardMatchesTheDomainAndEverySubdomain() throws AllowlistException {
    Allowlist list = Allowlist.of(List.of("discord"), List.of());
    for (String host : List.of("discord.com", "gateway.discord.com", "a.b.c.discord.com",
        "DISCORD.COM", "Gateway.Discord.Com.", "cdn.discordcdn.com", "hcaptcha.com")) {
      assertTrue(list.permits(host), host);
    }
    for (String host : List.of("evildiscord.com", "discord.com.evil.net", "discord.co", "com",
        "xdiscordcdn.com", "", ".", "*.discord.com", "a..discord.com", ".discord.com")) {
      assertFalse(list.permits(host), host);
    }
    assertFalse(list.permits(null));
  }

  @Test
  void plainEntriesMatchExactlyOnly() throws AllowlistException {
    Allowlist list = Allowlist.of(List.of(), List.of("example.com", "10.0.0.1", "[::1]", "2001:db8::1"));
    assertTrue(list.permits("example.com"));
    assertTrue(list.permits("EXAMPLE.com."));
    assertFalse(list.permits("www.example.com"));
    assertTrue(list.permits("10.0.0.1"));
    assertFalse(list.permits("10.0.0.10"));
    assertTrue(list.permits("::1"));
    assertTrue(list.permits("[::1]"));
    assertTrue(list.permits("2001:DB8::1"));
    assertEquals(List.of("example.com", "10.0.0.1", "::1", "2001:db8::1"), list.entries());
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com:443", "[::1]:80", "*.example.com:8443", "a.b:0"})
  void entriesWithAPortAreRefused(String entry) {
    AllowlistException e = assertThrows(AllowlistException.class,
        () -> Allowlist.of(List.of(), List.of("ok.com," + entry)));
    assertEquals("allow entry \"" + entry + "\" has a port; egress allowlists match host names only "
        + "(no port rules)", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com", "example.com/path", "*example.com", "foo.*.com",
      "*.*.com", "exa mple.com", "a..b", ".example.com", "user@example.com", "ex\u00e4mple.com",
      "[example.com]", "fe80::1%eth0"})
  void entriesThatAreNotHostPatternsAreRefused(String entry) {
    AllowlistException e = assertThrows(AllowlistException.class,
        () -> Allowlist.of(List.of(), List.of(entry)));
    assertTrue(e.getMessage().startsWith("allow entry \""), e.getMessage());
  }

  @Test
  void entriesAreImmutable() throws AllowlistException {
    Allowlist list = Allowlist.of(List.of(), List.of("a.com"));
    assertThrows(UnsupportedOperationException.class, () -> list.entries().add("b.com"));
    assertThrows(UnsupportedOperationException.class, () -> Profiles.names().add("x"));
    assertEquals(Set.of("discord", "slack"), Profiles.names());
    assertEquals("Allowlist[a.com]", list.toString());
  }
}
