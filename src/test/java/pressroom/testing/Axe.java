package pressroom.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.WebDriver;

/** axe-core's accessibility rules, run in the page the browser shows now. */
public final class Axe {
  static final Set<String> BLOCKING = Set.of("serious", "critical");

  private Axe() {}

  /**
   * The serious and critical violations on the current page, one line each: the rule, its impact,
   * what it asks for, and the elements that break it.
   */
  public static List<String> seriousViolations(WebDriver browser) {
    Results results = new AxeBuilder().analyze(browser);
    if (results.isErrored()) {
      throw new IllegalStateException("axe-core did not run: " + results.getErrorMessage());
    }
    return results.getViolations().stream()
        .filter(r -> BLOCKING.contains(r.getImpact()))
        .map(Axe::line)
        .toList();
  }

  private static String line(Rule r) {
    return r.getId()
        + " ("
        + r.getImpact()
        + "): "
        + r.getHelp()
        + " — "
        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).toList();
  }
}
