package dev.crabbox.cli.work;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crabbox.cli.CliRunner;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.protocol.capability.LeaseTarget;
import dev.crabbox.protocol.capability.Probes;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Spec 003 on the workflows: provider checks, label checks on reuse, probes and the run environment. */
@Timeout(120)
class CapabilityWorkflowTest {
  @TempDir
  Path dir;

  private WorkflowRig rig;

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  private String warmStatic() {
    CliRunner.Result result = rig.cli().run("warmup", "--provider", "static", "--static-host", "box1",
        "--poll-interval", "100ms");
    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    return result.out().trim().split(" ")[0];
  }

  @Test
  void providerFeatureCheckRefusesBeforeAnythingIsLeased() {
    rig = new WorkflowRig(dir, "");
    CliRunner.Result code = rig.cli().run("warmup", "--provider", "static", "--code");
    assertEquals(ExitCodes.USAGE, code.exitCode());
    assertEquals("crabbox: web code currently supports managed Linux leases only\n", code.err());

    CliRunner.Result desktop = rig.cli().run("warmup", "--provider", "blacksmith-testbox", "--desktop");
    assertEquals(ExitCodes.USAGE, desktop.exitCode());
    assertEquals("crabbox: desktop/VNC is not supported for provider=blacksmith-testbox\n", desktop.err());

    CliRunner.Result browser = rig.cli().run("warmup", "--provider", "blacksmith-testbox", "--browser");
    assertEquals("crabbox: browser provisioning is not supported for provider=blacksmith-testbox\n", browser.err());

    CliRunner.Result localCode = rig.cli().run("warmup", "--code");
    assertEquals("crabbox: web code is not supported for provider=local\n", localCode.err());

    assertTrue(rig.client().listLeases().await().isEmpty());
  }

  @Test
  void reuseOfAManagedLeaseNeedsItsLabel() {
    rig = new WorkflowRig(dir, "");
    JsonObject lease = rig.client().createLease(new JsonObject().put("provider", "hetzner")
        .put("labels", new JsonObject().put("browser", true)).put("sshPublicKey", rig.operatorKeyLine())).await();
    String id = lease.getString("id");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "active".equals(rig.client().getLease(id).await().getString("state")));

    CliRunner.Result run = rig.cli().run("run", "--id", id, "--desktop", "--", "true");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("crabbox: lease " + id + " was not created with desktop=true; warm a new lease with --desktop\n",
        run.err());
    assertTrue(rig.getJson("/v1/leases/" + id + "/runs").getJsonArray("runs").isEmpty());
  }

  @Test
  void managedBrowserLeaseGetsTheBootstrapsBrowserInItsEnvironment() {
    rig = new WorkflowRig(dir, "");
    JsonObject lease = rig.client().createLease(new JsonObject().put("provider", "hetzner")
        .put("labels", new JsonObject().put("browser", true)).put("sshPublicKey", rig.operatorKeyLine())).await();
    String id = lease.getString("id");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "active".equals(rig.client().getLease(id).await().getString("state")));

    CliRunner.Result run = rig.cli().run("run", "--id", id, "--browser", "--",
        "printf '%s|%s|%s' \"$BROWSER\" \"$CHROME_BIN\" \"$CRABBOX_BROWSER\"");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("/usr/local/bin/crabbox-browser|/usr/local/bin/crabbox-browser|1", run.out());
  }

  @Test
  void staticBrowserIsProbedAndExported() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path chrome = bin.resolve("google-chrome");
    Files.writeString(chrome, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(chrome, PosixFilePermissions.fromString("rwxr-xr-x"));
    rig = new WorkflowRig(dir, "unset BROWSER CHROME_BIN; PATH=" + bin + ":/usr/bin:/bin; ");
    String id = warmStatic();

    CliRunner.Result run = rig.cli().run("run", "--id", id, "--browser", "--",
        "printf '%s|%s|%s' \"$BROWSER\" \"$CHROME_BIN\" \"$CRABBOX_BROWSER\"");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(chrome + "|" + chrome + "|1", run.out());
  }

  @Test
  void aStaticHostWithoutABrowserAbortsTheRunBeforeTheCommandStarts() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty-bin"));
    Path marker = dir.resolve("command-ran");
    rig = new WorkflowRig(dir, "unset BROWSER CHROME_BIN; PATH=" + empty + "; ");
    String id = warmStatic();

    CliRunner.Result run = rig.cli().run("run", "--id", id, "--browser", "--", "/usr/bin/touch " + marker);
    assertEquals(ExitCodes.FATAL, run.exitCode());
    assertEquals("crabbox: " + Probes.browserNotFound(LeaseTarget.LINUX) + "\n", run.err());
    assertTrue(Files.notExists(marker));
  }

  @Test
  void aStaticDesktopIsProbedOnTheLoopbackVncPort() {
    rig = new WorkflowRig(dir, "");
    String id = warmStatic();
    // Whether 5900 is free here is up to the machine: the probe must agree with what is there.
    boolean vncHere = listening(Probes.VNC_PORT);
    CliRunner.Result run = rig.cli().run("run", "--id", id, "--desktop", "--",
        "printf '%s|%s' \"$DISPLAY\" \"$CRABBOX_DESKTOP\"");
    if (vncHere) {
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(":99|1", run.out());
    } else {
      assertEquals(ExitCodes.FATAL, run.exitCode());
      assertEquals("crabbox: " + Probes.desktopNotFound() + "\n", run.err());
    }
  }

  @Test
  void aServerWithAnotherHostKeyIsRefusedAndTheLeaseReleased() {
    rig = new WorkflowRig(dir, "");
    CliRunner.Result result = rig.cli().run("warmup", "--provider", "static", "--static-host",
        SshHostProvider.WRONG_KEY, "--poll-interval", "100ms");
    assertEquals(ExitCodes.FATAL, result.exitCode());
    assertTrue(result.err().contains("host key mismatch for "), result.err());
    assertTrue(result.err().contains("the lease pins " + SshHostProvider.WRONG_FINGERPRINT
        + " but the server presented SHA256:"), result.err());
    List<JsonObject> leases = rig.client().listLeases().await();
    assertEquals(1, leases.size());
    assertEquals("released", leases.get(0).getString("state"));
  }

  @Test
  void aFailedProvisioningShowsTheProvidersReason() {
    rig = new WorkflowRig(dir, "");
    CliRunner.Result result = rig.cli().run("warmup", "--provider", "static", "--static-host",
        SshHostProvider.BROKEN, "--poll-interval", "100ms");
    assertEquals(ExitCodes.FATAL, result.exitCode());
    assertTrue(result.err().contains("failed on provider static: the test host is broken on purpose"),
        result.err());
  }

  private static boolean listening(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
