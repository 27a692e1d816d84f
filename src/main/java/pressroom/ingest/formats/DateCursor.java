package pressroom.ingest.formats;

/** Reads a text left to right; a method that finds nothing of its kind does not move. */
final class DateCursor {
  private final String text;
  private int pos;

  DateCursor(String text) {
    this.text = text;
  }

  boolean atEnd() {
    return pos == text.length();
  }

  boolean take(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** True when at least one space was passed. */
  boolean spaces() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
    return pos > start;
  }

  int digitsAhead() {
    int n = 0;
    while (pos + n < text.length() && isDigit(text.charAt(pos + n))) {
      n++;
    }
    return n;
  }

  /** A number of {@code min} to {@code max} digits (as many as there are), or -1. */
  int number(int min, int max) {
    int n = Math.min(digitsAhead(), max);
    if (n < min) {
      return -1;
    }
    int value = Integer.parseInt(text, pos, pos + n, 10);
    pos += n;
    return value;
  }

  /** A decimal fraction of a second as nanoseconds (digits past the ninth ignored), or -1. */
  int fraction() {
    int n = digitsAhead();
    if (n == 0) {
      return -1;
    }
    String nine = (text.substring(pos, pos + Math.min(n, 9)) + "00000000").substring(0, 9);
    pos += n;
    return Integer.parseInt(nine);
  }

  String rest() {
    return text.substring(pos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
