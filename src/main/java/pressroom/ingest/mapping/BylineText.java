package pressroom.ingest.mapping;

import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a byline made ready for splitting (one kind of space, no markup, entities, contact
 * addresses or bracketed asides), and the trimming of each name's ends. Pure.
 */
final class BylineText {
  /** Only this much of a string is read; a longer byline is a broken feed. */
  private static final int MAX_INPUT = 10_000;

  /** Words after which a final period belongs to the name. */
  private static final Set<String> SUFFIXES = Set.of("jr", "sr", "jnr", "snr");

  /** Separator punctuation that may be left at either end of a name. */
  private static final String EDGE = ",;:|/\\&+*•·،؛、，：；-‐‑‒–—―−_~=#!?\"“”„‟«»‹›()[]{}<>…@";

  private static final Pattern ENTITY =
      Pattern.compile("&(amp|nbsp|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
  private static final Pattern LINE_BREAK =
      Pattern.compile("\\r\\n|[\\r\\u0085\\u2028\\u2029\\u000B\\u000C]");
  private static final Pattern SPACE =
      Pattern.compile("[\\p{Z}\\p{Cc}\\u200B\\u2060\\uFEFF&&[^\\n]]+");
  // Direction marks are invisible and would make one name two different strings.
  private static final Pattern BIDI =
      Pattern.compile("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");
  // Only real tags, so "<jane@example.com>" is left for the address rules.
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");

  // Starts only after a boundary, and possessively, so long junk is read in linear time.
  private static final String ADDRESS =
      "(?<![^\\s,;<(\\[\"'])[^\\s@,;<>()\\[\\]\"]++@[^\\s@,;<>()\\[\\]\"]++";
  private static final Pattern ADDRESS_WITH_NAME = Pattern.compile(ADDRESS + "\\s*\\(([^()]*)\\)");
  private static final Pattern ADDRESS_IN_ANGLES = Pattern.compile("<\\s*" + ADDRESS + "\\s*>");
  private static final Pattern ADDRESS_ALONE = Pattern.compile(ADDRESS);
  private static final Pattern HANDLE = Pattern.compile("(?<!\\S)@[\\p{L}\\p{N}_.]+");
  private static final Pattern ASIDE = Pattern.compile("[(\\[{][^()\\[\\]{}]*[)\\]}]");
  private static final Pattern BRACKET = Pattern.compile("[()\\[\\]{}]");

  private static final Pattern INITIAL = Pattern.compile("\\p{L}\\p{M}*");

  private BylineText() {}

  /** The text to split: bounded, plain, without addresses and asides. */
  static String prepared(String raw) {
    return withoutAsides(withoutAddresses(plain(bounded(raw))));
  }

  /** A very long string is cut after its last separator so no name is cut in half. */
  private static String bounded(String raw) {
    if (raw.length() <= MAX_INPUT) {
      return raw;
    }
    String head = raw.substring(0, MAX_INPUT);
    int cut = -1;
    for (char separator : ",;|\n،".toCharArray()) {
      cut = Math.max(cut, head.lastIndexOf(separator));
    }
    return cut < 0 ? "" : head.substring(0, cut);
  }

  /** One kind of space, line breaks as "\n", no markup or escaped characters. */
  private static String plain(String s) {
    s = ENTITY.matcher(s).replaceAll(BylineText::decodeEntity);
    s = LINE_BREAK.matcher(s).replaceAll("\n");
    s = SPACE.matcher(s).replaceAll(" ");
    s = BIDI.matcher(s).replaceAll("");
    return TAG.matcher(s).replaceAll(" ");
  }

  private static String decodeEntity(MatchResult entity) {
    String name = entity.group(1);
    String text =
        switch (name) {
          case "amp" -> "&";
          case "nbsp" -> " ";
          case "quot" -> "\"";
          case "apos" -> "'";
          default -> {
            boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
            int codePoint =
                hex ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            yield Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : " ";
          }
        };
    return Matcher.quoteReplacement(text);
  }

  /** Addresses and handles are contact details, not names; "jane@x.com (Jane Roe)" keeps hers. */
  private static String withoutAddresses(String s) {
    if (s.indexOf('@') < 0) {
      return s;
    }
    s =
        ADDRESS_WITH_NAME
            .matcher(s)
            .replaceAll(m -> Matcher.quoteReplacement(", " + m.group(1) + " ,"));
    s = ADDRESS_IN_ANGLES.matcher(s).replaceAll(" , ");
    s = ADDRESS_ALONE.matcher(s).replaceAll(" , ");
    return HANDLE.matcher(s).replaceAll(" ");
  }

  /** Bracketed asides name agencies, places or beats: "Jane Roe (AFP)", "(Beirut)". */
  private static String withoutAsides(String s) {
    String out = s;
    for (int depth = 0; depth < 5; depth++) {
      String next = ASIDE.matcher(out).replaceAll(" ");
      if (next.equals(out)) {
        break;
      }
      out = next;
    }
    // A string that is nothing but brackets, "(Jane Roe)", still names someone.
    return hasLetter(out) || !hasLetter(s) ? out : BRACKET.matcher(s).replaceAll(" ");
  }

  /** Without separator punctuation and spaces at the ends; keeps the period of "O." or "Jr.". */
  static String trimEnds(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (isEdge(s.charAt(start)) || s.charAt(start) == '.')) {
      start++;
    }
    while (end > start) {
      char c = s.charAt(end - 1);
      if (isEdge(c) || (c == '.' && !closesInitial(s, start, end - 1))) {
        end--;
      } else {
        break;
      }
    }
    return s.substring(start, end);
  }

  private static boolean isEdge(char c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || type == Character.CONTROL
        || type == Character.FORMAT
        || EDGE.indexOf(c) >= 0;
  }

  /** Whether the period at {@code dot} ends an initial ("O.", "J.R.") or a suffix ("Jr."). */
  private static boolean closesInitial(String s, int start, int dot) {
    String before = s.substring(start, dot);
    String word = before.substring(Math.max(before.lastIndexOf(' '), before.lastIndexOf('.')) + 1);
    return INITIAL.matcher(word).matches() || SUFFIXES.contains(word.toLowerCase(Locale.ROOT));
  }

  static boolean hasLetter(String s) {
    return s.codePoints().anyMatch(Character::isLetter);
  }
}
