package pressroom.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import pressroom.App;
import pressroom.Config;

/** A command that opens the site's database (without serving) and talks on the terminal. */
abstract class DataCommand {
  final Map<String, String> env;

  @Mixin DataOptions data = new DataOptions();

  @Spec CommandSpec spec;

  DataCommand(Map<String, String> env) {
    this.env = env;
  }

  App open() {
    Config config = data.applyTo(Config.Builder.fromEnvironment(env)).build();
    return App.create(config);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
