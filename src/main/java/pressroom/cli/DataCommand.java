package pressroom.cli;

import java.io.PrintWriter;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import pressroom.App;
import pressroom.config.Config;

/** A command that opens the site's database (without serving) and talks on the terminal. */
abstract class DataCommand {
  final Map<String, String> env;

  @Mixin DataOptions data = new DataOptions();

  @Spec CommandSpec spec;

  DataCommand(Map<String, String> env) {
    this.env = env;
  }

  App open() {
    return App.create(configure(data.applyTo(Config.Builder.fromEnvironment(env))).build());
  }

  /** Settings a command wants unless the operator chose otherwise. */
  Config.Builder configure(Config.Builder b) {
    return b;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** A progress bar on the terminal's error stream (rate and ETA), as the long commands show it. */
  static ProgressBar progressBar(String task, long max, String unit, long unitSize) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(Math.max(1, max))
        .setUnit(unit, unitSize)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .showSpeed()
        .build();
  }
}
