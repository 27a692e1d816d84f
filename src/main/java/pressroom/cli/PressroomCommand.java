package pressroom.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pressroom.config.Config.ConfigException;

/** The {@code pressroom} command; {@code serve} runs when no command is named. */
@Command(
    name = "pressroom",
    mixinStandardHelpOptions = true,
    version = "Pressroom 0.1.0",
    description = "A self-hosted publishing platform for syndicated news sites.",
    subcommands = {
      ServeCommand.class,
      SourcesCommand.class,
      IngestCommand.class,
      ImportCommand.class,
      UsersCommand.class,
      ReindexCommand.class,
      BackupCommand.class,
      RestoreCommand.class
    },
    footer = {
      "",
      "Without a command, 'serve' runs: java -jar pressroom.jar [serve options].",
      "Settings also come from PRESSROOM_* environment variables and pressroom.properties;"
          + " flags win over both."
    })
public final class PressroomCommand {
  /** Returned by a command that started the server and must not exit the JVM. */
  public static final int KEEP_RUNNING = Integer.MIN_VALUE;

  private static final Set<String> TOP_LEVEL = Set.of("-h", "--help", "-V", "--version");

  private PressroomCommand() {}

  public static int run(String[] args, Map<String, String> env) {
    return run(args, env, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    String[] effective = args;
    if (args.length == 0 || (args[0].startsWith("-") && !TOP_LEVEL.contains(args[0]))) {
      effective = new String[args.length + 1];
      effective[0] = "serve";
      System.arraycopy(args, 0, effective, 1, args.length);
    }
    CommandLine cli = new CommandLine(new PressroomCommand(), new Factory(env));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException) {
            commandLine.getErr().println("pressroom: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli.execute(effective);
  }

  /** Gives every command the environment it reads settings from. */
  private record Factory(Map<String, String> env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        var withEnv = cls.getDeclaredConstructor(Map.class);
        return withEnv.newInstance(env);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
