package pressroom.testing;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/** Starts and stops what {@link RunningSite} promises; see there. */
public final class SiteExtension implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace HERE =
      ExtensionContext.Namespace.create(SiteExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Object test = context.getRequiredTestInstance();
    RunningSite spec = context.getRequiredTestClass().getAnnotation(RunningSite.class);
    List<Field> fields = fieldsOf(test.getClass());
    List<AutoCloseable> toClose = new ArrayList<>();
    context.getStore(HERE).put("close", toClose);

    Map<String, String> settings = new LinkedHashMap<>();
    for (String s : spec.settings()) {
      int eq = s.indexOf('=');
      settings.put(s.substring(0, eq), s.substring(eq + 1));
    }
    MailCatcher mail = null;
    if (has(fields, MailCatcher.class)) {
      mail = new MailCatcher();
      toClose.add(mail);
      settings.put("PRESSROOM_SMTP_URL", mail.smtpUrl());
    }
    TestApp.Db db = test instanceof RunningSite.OnDatabase on ? on.db() : spec.db();
    TestApp site = TestApp.start(db, spec.demo(), settings);
    toClose.add(site);
    Fixtures fixtures = has(fields, Fixtures.class) ? Fixtures.load(site.app().articles()) : null;
    if (spec.indexed()) {
      site.app().reindex();
    }
    ChromeDriver browser = null;
    if (has(fields, ChromeDriver.class)) {
      browser = Browser.start();
      ChromeDriver started = browser;
      toClose.add(started::quit);
    }
    for (Field f : fields) {
      Object value =
          f.getType() == TestApp.class
              ? site
              : f.getType() == Fixtures.class
                  ? fixtures
                  : f.getType() == MailCatcher.class
                      ? mail
                      : f.getType() == ChromeDriver.class ? browser : null;
      if (value != null) {
        f.setAccessible(true);
        f.set(test, value);
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    @SuppressWarnings("unchecked")
    List<AutoCloseable> toClose = context.getStore(HERE).get("close", List.class);
    if (toClose == null) {
      return;
    }
    Exception first = null;
    for (AutoCloseable c : toClose.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static boolean has(List<Field> fields, Class<?> type) {
    return fields.stream().anyMatch(f -> f.getType() == type);
  }

  private static List<Field> fieldsOf(Class<?> type) {
    List<Field> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
          out.add(f);
        }
      }
    }
    return out;
  }
}
