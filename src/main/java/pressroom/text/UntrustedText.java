package pressroom.text;

/**
 * Text from outside (feeds, readers) made safe to store and to write anywhere, XML included. XML
 * 1.0 cannot carry most control characters at all, so one U+0000 in a headline would make every
 * feed that lists it fail; bidirectional overrides and isolates make text display in an order other
 * than the one it is stored in (a name that reads as another). Both are removed. Tab, newline and
 * carriage return stay, and so do the plain direction marks (U+200E, U+200F) that right-to-left
 * text needs.
 */
public final class UntrustedText {
  private UntrustedText() {}

  /** {@code text} without the characters described above; null stays null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    int n = text.length();
    while (i < n) { // most text has nothing to remove: no copy then
      int c = text.codePointAt(i);
      if (!kept(c, text, i)) {
        break;
      }
      i += Character.charCount(c);
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n);
    out.append(text, 0, i);
    while (i < n) {
      int c = text.codePointAt(i);
      if (kept(c, text, i)) {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /** True when {@code text} has nothing {@link #clean} would remove. */
  public static boolean isClean(String text) {
    return text == null || clean(text) == text;
  }

  private static boolean kept(int c, String text, int at) {
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
      return false; // embeddings, overrides, isolates
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      return false; // a surrogate on its own (a pair arrives here as one code point)
    }
    return c != 0xFFFE && c != 0xFFFF;
  }
}
