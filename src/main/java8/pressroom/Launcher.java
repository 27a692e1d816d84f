package pressroom;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 so that any Java can load it: on a Java older than 21
 * it says so in one line instead of an UnsupportedClassVersionError trace, else it hands over to
 * {@link Main}.
 */
public final class Launcher {
  static final int NEEDED = 21;

  private Launcher() {}

  public static void main(String[] args) throws Throwable {
    String running = System.getProperty("java.specification.version", "0");
    if (major(running) < NEEDED) {
      System.err.println(
          "Pressroom needs Java "
              + NEEDED
              + " or newer, but this is Java "
              + running
              + " ("
              + System.getProperty("java.home")
              + "): run it with a newer java, e.g. "
              + "$JAVA_HOME/bin/java -jar pressroom.jar after pointing JAVA_HOME at a JDK "
              + NEEDED
              + "+.");
      System.exit(1);
    }
    try {
      // By name: this class must not link to classes compiled for Java 21.
      Class.forName("pressroom.Main").getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** "1.8" is 8, "17" is 17. */
  static int major(String specification) {
    String s = specification.startsWith("1.") ? specification.substring(2) : specification;
    int dot = s.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
