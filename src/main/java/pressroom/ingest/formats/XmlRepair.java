package pressroom.ingest.formats;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Makes real-world feed text acceptable to a strict XML parser without changing what it says: drops
 * junk before the root element, characters XML 1.0 forbids and references to them, turns HTML named
 * entities into numeric references and escapes bare ampersands. Refuses DOCTYPEs and HTML pages up
 * front so the message is clear. Pure.
 */
final class XmlRepair {
  static final String DOCTYPE_REFUSED =
      "the feed declares a DOCTYPE, which is refused for safety (DOCTYPEs can define entities"
          + " that read local files or expand without end)";
  static final String HTML_PAGE = "the document is an HTML page, not a feed";

  private static final Pattern DOCTYPE_OR_FEED_ROOT =
      Pattern.compile("(?i:<!doctype)|<(?:[A-Za-z_][\\w.-]*:)?(?:rss|feed|RDF)[\\s>/]");
  private static final Pattern ROOT_NAME = Pattern.compile("[A-Za-z_][\\w.:-]*");
  private static final Pattern LAST_ITEM_END =
      Pattern.compile("</(?:[A-Za-z_][\\w.-]*:)?(?:item|entry)\\s*>");
  private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "RDF");
  private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
  private static final int MAX_ENTITY_NAME = 40;

  /**
   * @param xml text starting at the root element
   * @param linesCut how many lines of junk came before it, to report the partner's line numbers
   * @param rootName the root element's qualified name, e.g. "rss", "feed", "rdf:RDF", or null
   */
  record Repaired(String xml, int linesCut, String rootName) {}

  private XmlRepair() {}

  /** The index after a DOCTYPE's closing '>' when it has no internal subset, else -1. */
  private static int externalOnlyDoctypeEnd(String text, int start) {
    char quote = 0;
    for (int k = start + 9; k < text.length(); k++) {
      char c = text.charAt(k);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '<') {
        return -1;
      } else if (c == '>') {
        return k + 1;
      }
    }
    return -1;
  }

  static Repaired repair(String text) throws FeedException {
    int n = text.length();
    int keepFrom = 0;
    int i = 0;
    Landmarks landmarks = new Landmarks(text);
    while (true) {
      while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
        i++;
      }
      if (i >= n) {
        throw new FeedException("the document has no XML elements at all");
      }
      int sectionEnd = landmarks.sectionEnd(i);
      if (sectionEnd > 0) {
        i = sectionEnd;
      } else if (text.regionMatches(true, i, "<!doctype", 0, 9)) {
        if (text.regionMatches(true, i, "<!doctype html", 0, 14)) {
          throw new FeedException(HTML_PAGE);
        }
        // Old RSS 0.91 feeds name Netscape's DTD. A DOCTYPE with only an external identifier
        // declares nothing by itself, and the DTD is never fetched, so it is blanked out; one
        // with an internal subset ("[...]") can declare entities and is refused.
        int end = externalOnlyDoctypeEnd(text, i);
        if (end < 0) {
          throw new FeedException(DOCTYPE_REFUSED);
        }
        text =
            text.substring(0, i)
                + text.substring(i, end).replaceAll("[^\\n]", " ")
                + text.substring(end);
        landmarks = new Landmarks(text);
      } else if (text.startsWith("<", i) && i + 1 < n && isNameStart(text.charAt(i + 1))) {
        Matcher name = ROOT_NAME.matcher(text).region(i + 1, Math.min(n, i + 200));
        String local =
            name.lookingAt() ? name.group().substring(name.group().indexOf(':') + 1) : "";
        if (local.equalsIgnoreCase("html")) {
          throw new FeedException(HTML_PAGE);
        }
        if (FEED_ROOTS.contains(local)) {
          break;
        }
        if (landmarks.doctypeOrRoot(i) == n) {
          break; // XML, but no feed root anywhere: let the reader say what it is
        }
        // An element before the feed's root (<br /><b>Warning</b>…): junk.
        keepFrom = landmarks.next(i + 1);
        i = keepFrom;
      } else {
        // Junk (a PHP warning, a stray word): skip to the next thing a feed's prolog can hold.
        int next = landmarks.next(i + 1);
        if (next < 0) {
          throw new FeedException("the document has no feed element (<rss>, <feed> or <rdf:RDF>)");
        }
        keepFrom = next;
        i = next;
      }
    }
    int linesCut = 0;
    for (int k = 0; k < keepFrom; k++) {
      if (text.charAt(k) == '\n') {
        linesCut++;
      }
    }
    Matcher root = ROOT_NAME.matcher(text).region(i + 1, Math.min(n, i + 200));
    String rootName = root.lookingAt() ? root.group() : null;
    return new Repaired(clean(text, keepFrom), linesCut, rootName);
  }

  /**
   * Finds where the next XML declaration, comment, DOCTYPE or feed root starts. Remembers what it
   * found, so skipping a lot of junk stays linear in the length of the text.
   */
  private static final class Landmarks {
    private final String text;
    private int declaration = -2;
    private int comment = -2;
    private int doctypeOrRoot = -2;
    private boolean unterminatedInstruction;
    private boolean unterminatedComment;

    Landmarks(String text) {
      this.text = text;
    }

    /**
     * The index after the processing instruction or comment starting at {@code at}, or -1 when none
     * starts there or it never ends (then it is junk).
     */
    int sectionEnd(int at) {
      if (text.startsWith("<?", at) && !unterminatedInstruction) {
        int end = text.indexOf("?>", at + 2);
        unterminatedInstruction = end < 0;
        return end < 0 ? -1 : end + 2;
      }
      if (text.startsWith("<!--", at) && !unterminatedComment) {
        int end = text.indexOf("-->", at + 4);
        unterminatedComment = end < 0;
        return end < 0 ? -1 : end + 3;
      }
      return -1;
    }

    /** The first DOCTYPE or feed root at or after {@code from}, or the text's length. */
    int doctypeOrRoot(int from) {
      if (doctypeOrRoot != text.length() && doctypeOrRoot < from) {
        Matcher m = DOCTYPE_OR_FEED_ROOT.matcher(text);
        doctypeOrRoot = m.find(from) ? m.start() : text.length();
      }
      return doctypeOrRoot;
    }

    /** The first of any landmark at or after {@code from}, or -1. */
    int next(int from) {
      if (declaration != -1 && declaration < from) {
        declaration = text.indexOf("<?xml", from);
      }
      if (comment != -1 && comment < from) {
        comment = text.indexOf("<!--", from);
      }
      int next = doctypeOrRoot(from) < text.length() ? doctypeOrRoot : -1;
      for (int at : new int[] {declaration, comment}) {
        next = at >= 0 && (next < 0 || at < next) ? at : next;
      }
      return next;
    }
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  /**
   * The text cut after the last complete item or entry and closed again, for a feed that broke off
   * in the middle; null when there is no complete item to keep.
   */
  static String closeAfterLastItem(String xml, String rootName) {
    if (rootName == null) {
      return null;
    }
    Matcher m = LAST_ITEM_END.matcher(xml);
    int end = -1;
    while (m.find()) {
      end = m.end();
    }
    if (end < 0) {
      return null;
    }
    String local = rootName.substring(rootName.indexOf(':') + 1);
    String closers = local.equals("rss") ? "</channel></rss>" : "</" + rootName + ">";
    return xml.substring(0, end) + closers;
  }

  /**
   * The cleaned text, written lazily: parts of the input kept as they are only move a mark, and a
   * copy is made from the first change on. Most feeds need no change at all, and then the input
   * itself is the answer, without copying megabytes.
   */
  private static final class Output {
    private final String source;
    private final int start;
    private int kept; // source[start, kept) is the output so far, while nothing has changed
    private StringBuilder changed;

    Output(String source, int start) {
      this.source = source;
      this.start = start;
      this.kept = start;
    }

    /** Appends source[from, to) unchanged. */
    void keep(int from, int to) {
      if (changed == null && from == kept) {
        kept = to;
      } else {
        change().append(source, from, to);
      }
    }

    /** Appends text of its own (a replacement). */
    void add(String text) {
      change().append(text);
    }

    private StringBuilder change() {
      if (changed == null) {
        changed = new StringBuilder(source.length() - start + 64).append(source, start, kept);
      }
      return changed;
    }

    String result() {
      return changed == null ? source.substring(start, kept) : changed.toString();
    }
  }

  private static String clean(String text, int from) throws FeedException {
    int n = text.length();
    Output out = new Output(text, from);
    int i = from;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '<') {
        // Character data in these sections is literal: leave ampersands alone.
        String end =
            text.startsWith("<![CDATA[", i)
                ? "]]>"
                : text.startsWith("<!--", i) ? "-->" : text.startsWith("<?", i) ? "?>" : null;
        if (end != null) {
          int stop = text.indexOf(end, i + 2);
          stop = stop < 0 ? n : stop + end.length();
          appendAllowed(out, text, i, stop);
          i = stop;
          continue;
        }
        if (text.regionMatches(true, i, "<!doctype", 0, 9)) {
          throw new FeedException(DOCTYPE_REFUSED); // only the prolog may hold one, and not here
        }
        out.keep(i, i + 1);
        i++;
      } else if (c == '&') {
        i = appendReference(out, text, i);
      } else {
        // Text up to the next markup or reference is copied a run at a time, not char by char.
        int end = i + 1;
        while (end < n && text.charAt(end) != '<' && text.charAt(end) != '&') {
          end++;
        }
        i = appendAllowed(out, text, i, end);
      }
    }
    return out.result();
  }

  /** Copies text[from, to) minus the characters XML 1.0 forbids; returns the next index. */
  private static int appendAllowed(Output out, String text, int from, int to) {
    int i = from;
    int run = from; // start of the ordinary characters not yet copied
    while (i < to) {
      char c = text.charAt(i);
      if ((c >= 0x20 && c < 0xD800) || c == 0xA || c == 0x9 || c == 0xD) {
        i++;
        continue;
      }
      out.keep(run, i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          out.keep(i, i + 2);
          i += 2;
          to = Math.max(to, i); // never split a pair at the section boundary
          run = i;
          continue;
        }
      } else if (isXmlChar(c)) {
        out.keep(i, i + 1);
      }
      i++;
      run = i;
    }
    out.keep(run, i);
    return i;
  }

  /** Handles the '&' at {@code at}; returns the index after what it consumed. */
  private static int appendReference(Output out, String text, int at) {
    int n = text.length();
    int i = at + 1;
    if (i < n && text.charAt(i) == '#') {
      boolean hex = i + 1 < n && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X');
      int digitsFrom = hex ? i + 2 : i + 1;
      int j = digitsFrom;
      while (j < n && j - digitsFrom < 8 && Character.digit(text.charAt(j), hex ? 16 : 10) >= 0) {
        j++;
      }
      if (j > digitsFrom && j < n && text.charAt(j) == ';') {
        int codePoint = Integer.parseInt(text.substring(digitsFrom, j), hex ? 16 : 10);
        if (isXmlCodePoint(codePoint)) {
          out.keep(at, j + 1);
        } // a reference to a forbidden character is dropped like the character itself
        return j + 1;
      }
      out.add("&amp;");
      return at + 1;
    }
    int j = i;
    while (j < n && j - i <= MAX_ENTITY_NAME && isNameChar(text.charAt(j))) {
      j++;
    }
    if (j > i && j < n && text.charAt(j) == ';') {
      String name = text.substring(i, j);
      if (XML_ENTITIES.contains(name)) {
        out.keep(at, j + 1);
        return j + 1;
      }
      if (Entities.isNamedEntity(name)) {
        int[] codePoints = new int[2];
        int count = Entities.codepointsForName(name, codePoints);
        for (int k = 0; k < count; k++) {
          out.add("&#" + codePoints[k] + ";");
        }
        return j + 1;
      }
    }
    out.add("&amp;");
    return at + 1;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isXmlChar(char c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }

  private static boolean isXmlCodePoint(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
