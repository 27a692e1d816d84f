package pressroom.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a running site (real server, random port, real database) for all its tests,
 * closed after them. The {@link SiteExtension} fills the class's fields by type: {@link TestApp}
 * (the site), {@link Fixtures} (the test articles, loaded), {@link MailCatcher} (an SMTP server the
 * site sends to), {@link org.openqa.selenium.chrome.ChromeDriver} (headless Chromium). A contract
 * run on both databases implements {@link OnDatabase}; otherwise the site runs on {@link #db()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SiteExtension.class)
public @interface RunningSite {
  TestApp.Db db() default TestApp.Db.SQLITE;

  /** Load the demo content into the empty site. */
  boolean demo() default false;

  /** Settings as {@code "PRESSROOM_KEY=value"}, on top of the test defaults. */
  String[] settings() default {};

  /** Build the search index once the fixtures are in. */
  boolean indexed() default false;

  /** A contract that runs once per database names the database of each run. */
  interface OnDatabase {
    TestApp.Db db();
  }
}
