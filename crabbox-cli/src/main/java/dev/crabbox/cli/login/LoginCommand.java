package dev.crabbox.cli.login;

import dev.crabbox.cli.CliEnvironment;
import dev.crabbox.cli.CrabboxVersion;
import dev.crabbox.cli.ExitCodes;
import dev.crabbox.cli.config.CliConfig;
import dev.crabbox.cli.config.CliConfigStore;
import dev.crabbox.cli.config.CliSettings;
import dev.crabbox.cli.config.Setting;
import dev.crabbox.cli.options.ApiAnswers;
import dev.crabbox.cli.options.CoordinatorFlags;
import dev.crabbox.cli.options.CoordinatorSession;
import dev.crabbox.cli.options.CoordinatorTarget;
import dev.crabbox.cli.runtime.VertxRuntime;
import dev.crabbox.protocol.api.Whoami;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crabbox login}: checks a coordinator URL and token with {@code GET /v1/whoami}, then saves
 * them (with the CA file and provider, when given) to the config file. Nothing is saved when the
 * check fails. Without {@code --token} or {@code CRABBOX_TOKEN} it signs in with GitHub through
 * the browser ({@link BrowserLogin}) and saves the token the coordinator issues for that identity.
 */
@Command(name = "login",
    mixinStandardHelpOptions = true,
    versionProvider = CrabboxVersion.class,
    description = "Sign in to a coordinator and save its URL and bearer token to the CLI config: with "
        + "--token (or $CRABBOX_TOKEN), or else with GitHub in the browser.",
    footer = {"", "The token of an embedded coordinator: crabbox coordinator serve --data DIR --print-token"})
public final class LoginCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  CoordinatorFlags coordinator;

  @Option(names = "--token", paramLabel = "<token>",
      description = "Bearer token (a JWT from the coordinator). Default: $CRABBOX_TOKEN; without "
          + "either, sign in with GitHub in the browser.")
  String token;

  @Override
  public Integer call() {
    CliEnvironment environment = CliEnvironment.of(spec);
    CliSettings settings = environment.settings();
    CoordinatorTarget target = coordinator.resolve(settings);
    // A token saved in the config file is not a reason to skip signing in again.
    Setting given = settings.token(token);
    boolean tokenGiven = given.isPresent() && (given.source().equals("--token")
        || given.source().equals(CliSettings.ENV_TOKEN));
    String bearer = tokenGiven ? given.value() : signInWithGitHub(target, environment);
    Whoami caller = new CoordinatorSession(target, bearer).call(client -> client.whoami()
        .compose(json -> ApiAnswers.read(json, Whoami::fromJson, "whoami")));
    CliConfigStore store = settings.store();
    CliConfig saved = store.loadForUpdate().withConnection(target.baseUri().toString(), bearer,
        target.provider().orElse(null),
        target.tls().caPem().map(path -> path.toAbsolutePath().toString()).orElse(null));
    store.save(saved);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("logged in to %s as %s (org %s, role %s); saved %s%n", target.baseUri(), caller.owner(),
        caller.org().isEmpty() ? "-" : caller.org(), caller.role(), store.file());
    out.flush();
    return ExitCodes.OK;
  }

  private String signInWithGitHub(CoordinatorTarget target, CliEnvironment environment) {
    BrowserLogin login = new BrowserLogin(target.baseUri(), target.tls(),
        spec.commandLine().getErr(), BrowserOpener.forDesktop(environment.variables()));
    return VertxRuntime.call(login::run);
  }
}
