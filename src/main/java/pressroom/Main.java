package pressroom;

import pressroom.cli.PressroomCommand;

/** Entry point: hands the arguments to the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = PressroomCommand.run(args, System.getenv());
    if (code != PressroomCommand.KEEP_RUNNING) {
      System.exit(code);
    }
  }
}
