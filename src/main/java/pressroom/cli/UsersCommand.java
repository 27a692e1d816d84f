package pressroom.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pressroom.App;
import pressroom.accounts.Registrations.Registration;
import pressroom.web.Access.Role;

/** Accounts from the command line, e.g. the first admin. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage accounts.",
    subcommands = {UsersCommand.Add.class, UsersCommand.RemoveTwoFactor.class})
final class UsersCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Create an account (e-mail treated as confirmed); the password is read from the terminal or, with --password-stdin, from standard input.")
  static final class Add extends DataCommand implements Callable<Integer> {
    @Option(
        names = "--user-id",
        required = true,
        description = "The user ID (3-30 letters, digits, . _ -).")
    String userId;

    @Option(names = "--email", required = true, description = "The e-mail address.")
    String email;

    @Option(
        names = "--role",
        defaultValue = "reader",
        description = "reader, moderator, editor or admin (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    Add(Map<String, String> env) {
      super(env);
    }

    @Override
    public Integer call() throws IOException {
      Role r;
      try {
        r = Role.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        err()
            .println(
                "pressroom users add: --role '"
                    + role
                    + "' is not reader, moderator, editor or admin");
        return 2;
      }
      String password;
      if (passwordStdin) {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        password = line == null ? "" : line;
      } else {
        Console console = System.console();
        if (console == null) {
          err()
              .println(
                  "pressroom users add: no terminal to read the password from; use --password-stdin");
          return 2;
        }
        char[] first = console.readPassword("Password for %s: ", userId);
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
          err().println("pressroom users add: the two passwords differ");
          return 2;
        }
        password = new String(first);
      }
      try (App app = open()) {
        Registration result = app.accounts().createVerified(userId, email, password, r);
        if (result instanceof Registration.Created c) {
          out().println(c.accountId());
          return 0;
        }
        if (result instanceof Registration.Invalid inv) {
          inv.errors()
              .forEach(
                  (field, problem) ->
                      err().println("pressroom users add: " + field + ": " + problem));
        }
        return 2;
      }
    }
  }

  @Command(
      name = "remove-two-factor",
      mixinStandardHelpOptions = true,
      description =
          "Remove an account's second factor and recovery codes, for someone who lost both; they"
              + " sign in with the password alone and can set it up again.")
  static final class RemoveTwoFactor extends DataCommand implements Callable<Integer> {
    @Option(names = "--user-id", required = true, description = "The user ID or e-mail.")
    String userId;

    RemoveTwoFactor(Map<String, String> env) {
      super(env);
    }

    @Override
    public Integer call() {
      try (App app = open()) {
        var account = app.twoFactor().removeFor(userId);
        if (account.isEmpty()) {
          err().println("pressroom users remove-two-factor: no account has the name " + userId);
          return 2;
        }
        app.auditLog()
            .record(
                pressroom.audit.AuditLog.Actor.COMMAND_LINE,
                "account.two-factor.disable",
                "Account ‘" + account.get().userId() + "’",
                null,
                "off");
        out().println("Two-factor sign-in is off for " + account.get().userId() + ".");
        return 0;
      }
    }
  }
}
