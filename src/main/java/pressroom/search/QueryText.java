package pressroom.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a reader typed in the search box, read as the documented syntax and nothing else: words,
 * "phrases" (straight or curly quotes), {@code -} before a word, phrase or filter to exclude it,
 * and {@code author:}, {@code section:}, {@code source:} filters whose value is a slug, a word or a
 * quoted name. Every other character is text: {@code / * ? ~ ^ [ ] { } ( ) \ : + && ||}, AND, OR
 * and NOT are words like any other, an unknown {@code foo:bar} is a word, an unclosed quote runs to
 * the end, and a lone {@code -} is nothing.
 *
 * <p>Hand-written because Lucene's query parsers (classic, flexible, simple) all accept syntax the
 * site must refuse: a /regular expression/, fuzzy~ and wildcard* terms and [ranges] each turn into
 * automata or term enumerations over the whole index, which cost seconds of CPU on a large archive,
 * and some of them fail outright (a 500). This reader cannot fail and cannot produce anything but
 * words, phrases and exact filters; {@link SearchQuery} analyses them into Lucene queries.
 *
 * <p>At most {@link #MAX_LENGTH} characters and {@link #MAX_PARTS} parts are read; {@code
 * shortened} says the rest was left out.
 */
public record QueryText(List<Part> parts, boolean shortened) {
  /** The longest search read (the page and API refuse longer ones with a 400). */
  public static final int MAX_LENGTH = 500;

  /** The most words, phrases and filters read from one search. */
  public static final int MAX_PARTS = 32;

  public static final QueryText EMPTY = new QueryText(List.of(), false);

  public QueryText {
    parts = List.copyOf(parts);
  }

  /** One thing a reader asked for, or (when {@code excluded}) asked to leave out. */
  public sealed interface Part {
    boolean excluded();
  }

  /** A word as typed, punctuation and all: the analyser decides what of it is searchable. */
  public record Word(String text, boolean excluded) implements Part {}

  /** Words that must come together, in this order. */
  public record Phrase(String text, boolean excluded) implements Part {}

  /** A filter on a field the index keeps as slugs; {@code value} is as typed (a slug or a name). */
  public record Filter(Field field, String value, boolean excluded) implements Part {}

  /** The fields a reader may filter on in the text; each is also a field of the index. */
  public enum Field {
    AUTHOR,
    SECTION,
    SOURCE;

    /** The name in the search text and in the index. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public List<Word> words() {
    return parts.stream()
        .filter(p -> p instanceof Word w && !w.excluded())
        .map(Word.class::cast)
        .toList();
  }

  public List<Phrase> phrases() {
    return parts.stream()
        .filter(p -> p instanceof Phrase ph && !ph.excluded())
        .map(Phrase.class::cast)
        .toList();
  }

  public List<Filter> filters() {
    return parts.stream()
        .filter(p -> p instanceof Filter f && !f.excluded())
        .map(Filter.class::cast)
        .toList();
  }

  /** The excluded words, phrases and filters. */
  public List<Part> exclusions() {
    return parts.stream().filter(Part::excluded).toList();
  }

  /** Reads {@code input} (null reads as empty); never throws. */
  public static QueryText parse(String input) {
    if (input == null) {
      return EMPTY;
    }
    boolean shortened = false;
    String text = input;
    if (text.length() > MAX_LENGTH) {
      int end = MAX_LENGTH;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--; // not half a character
      }
      text = text.substring(0, end);
      shortened = true;
    }
    List<Part> parts = new ArrayList<>();
    Cursor r = new Cursor(text);
    while (true) {
      r.skipSeparators();
      if (r.atEnd()) {
        break;
      }
      if (parts.size() == MAX_PARTS) {
        shortened = true;
        break;
      }
      Part part = r.part();
      if (part != null) {
        parts.add(part);
      }
    }
    return new QueryText(parts, shortened);
  }

  /** Whitespace, and control characters, which no word contains. */
  static boolean separator(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }

  /** Straight quotes and the curly ones phones and word processors type („…“ too). */
  static boolean openingQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
  }

  static boolean closingQuote(char c) {
    return c == '"' || c == '\u201C' || c == '\u201D';
  }

  /** A cursor over the text; each call of {@link #part()} consumes one part. */
  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return i >= s.length();
    }

    void skipSeparators() {
      while (i < s.length() && separator(s.charAt(i))) {
        i++;
      }
    }

    /** The part at the cursor (not at a separator), or null when it holds nothing. */
    Part part() {
      int start = i;
      boolean excluded = false;
      if (s.charAt(i) == '-' && i + 1 < s.length() && !separator(s.charAt(i + 1))) {
        excluded = true;
        i++;
      }
      if (openingQuote(s.charAt(i))) {
        String phrase = quoted();
        return phrase.isBlank() ? null : new Phrase(phrase.strip(), excluded);
      }
      Field field = fieldAt(i);
      if (field != null) {
        int valueStart = i + field.key().length() + 1;
        if (valueStart < s.length() && !separator(s.charAt(valueStart))) {
          i = valueStart;
          String value = openingQuote(s.charAt(i)) ? quoted() : bare();
          if (!value.isBlank()) {
            return new Filter(field, value.strip(), excluded);
          }
        }
        i = excluded ? start + 1 : start; // no value: "author:" is a word
      }
      String word = bare();
      if (word.equals("-")) {
        return null; // a lone dash excludes nothing
      }
      return new Word(word, excluded);
    }

    /** A documented field name followed by a colon at {@code at}, in any case. */
    private Field fieldAt(int at) {
      for (Field f : Field.values()) {
        String key = f.key();
        if (s.regionMatches(true, at, key, 0, key.length())
            && at + key.length() < s.length()
            && s.charAt(at + key.length()) == ':') {
          return f;
        }
      }
      return null;
    }

    /** From an opening quote at the cursor to the closing one (or the end), the quotes left out. */
    private String quoted() {
      int start = ++i;
      while (i < s.length() && !closingQuote(s.charAt(i))) {
        i++;
      }
      String inside = s.substring(start, i);
      if (i < s.length()) {
        i++; // the closing quote
      }
      return inside;
    }

    /** Up to the next separator; quotes inside a word are part of it. */
    private String bare() {
      int start = i;
      while (i < s.length() && !separator(s.charAt(i))) {
        i++;
      }
      return s.substring(start, i);
    }
  }
}
