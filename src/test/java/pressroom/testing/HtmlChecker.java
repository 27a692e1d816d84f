package pressroom.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The Nu Html Checker (the W3C validator's engine), in-process and offline. */
public final class HtmlChecker {
  private final List<String> problems = new ArrayList<>();
  private final SimpleDocumentValidator validator;

  public HtmlChecker() throws Exception {
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {
            // Warnings (e.g. "consider adding lang") are advice, not invalidity.
          }

          @Override
          public void error(SAXParseException e) {
            problems.add(describe(e));
          }

          @Override
          public void fatalError(SAXParseException e) {
            problems.add("fatal: " + describe(e));
          }
        };
    validator = new SimpleDocumentValidator(false, false, false);
    // Read from the copy inside the validator jar; nothing is fetched.
    validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
    validator.setUpValidatorAndParsers(handler, true, false);
  }

  /** The errors in {@code html}; empty when it is valid. */
  public synchronized List<String> errors(String html) throws Exception {
    problems.clear();
    InputSource in =
        new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    in.setEncoding("UTF-8");
    validator.checkHtmlInputSource(in);
    return List.copyOf(problems);
  }

  private static String describe(SAXParseException e) {
    return e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
  }
}
