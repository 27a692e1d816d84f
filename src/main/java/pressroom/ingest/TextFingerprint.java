package pressroom.ingest;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeVisitor;

/**
 * The SimHash of an element's text, and whether it has any, read straight from its text nodes:
 * the same answers as {@code SimHash.of(element.text())} and {@code element.text().isBlank()}
 * without building the text (which was a sixth of an import's parsing time).
 *
 * <p>It follows jsoup's {@code Element.text()} where that matters to words: characters jsoup drops
 * (zero-width space, soft hyphen) join the letters around them, and jsoup's synthetic spaces
 * around blocks, line breaks and text boundaries separate words. Whitespace collapsing does not
 * matter, since any run of non-letters separates words alike. A test holds the two equal on
 * random markup.
 */
record TextFingerprint(long simhash, boolean blank) {
  static TextFingerprint of(Element element) {
    Reader reader = new Reader();
    element.traverse(reader);
    // Nothing visible read: rare, so jsoup itself settles it (its trim and control characters
    // make "blank" subtle).
    boolean blank = !reader.visible && element.text().isBlank();
    return new TextFingerprint(reader.simhash.fingerprint(), blank);
  }

  private static final class Reader implements NodeVisitor {
    private final SimHash.Builder simhash = new SimHash.Builder();
    private boolean visible; // a character past ' ' that is not whitespace was read

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        read(t.getWholeText(), keepsEverything(t));
      } else if (node instanceof Element e && separatesBefore(e)) {
        simhash.add(' ');
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e
          && separatesAfter(e)
          && (e.nextSibling() instanceof TextNode
              || e.nextSibling() instanceof Element next && next.tag().isInline())) {
        simhash.add(' ');
      }
    }

    private char[] chars = new char[512];

    private void read(String s, boolean raw) {
      int n = s.length();
      if (chars.length < n) {
        chars = new char[Math.max(n, 2 * chars.length)];
      }
      s.getChars(0, n, chars, 0);
      int from = 0;
      for (int i = 0; i < n; i++) {
        char c = chars[i];
        if (c < 0x80) {
          visible |= c > ' ';
        } else if (!raw && (c == '\u200B' || c == '\u00AD')) {
          // jsoup drops these: the letters either side make one word
          simhash.add(chars, from, i);
          from = i + 1;
        } else if (!visible && !Character.isWhitespace(c) && (raw || c != '\u00A0')) {
          visible = true;
        }
      }
      simhash.add(chars, from, n);
    }

    /** Text jsoup copies as it is, without normalising whitespace or dropping characters. */
    private static boolean keepsEverything(TextNode t) {
      if (t instanceof CDataNode) {
        return true;
      }
      Node parent = t.parentNode();
      // jsoup looks at the parent and five levels above it.
      for (int i = 0; i < 6 && parent instanceof Element el; i++, parent = el.parentNode()) {
        if (el.tag().preserveWhitespace()) {
          return true;
        }
      }
      return false;
    }

    private static boolean separatesBefore(Element e) {
      return e.isBlock()
          || e.nameIs("br")
          || e.tag().is(Tag.TextBoundary) && e.childNodeSize() > 0 && e.hasText();
    }

    private static boolean separatesAfter(Element e) {
      if (e.tag().is(Tag.TextBoundary) || !e.tag().isInline()) {
        return true;
      }
      for (int i = 0; i < e.childNodeSize(); i++) {
        if (e.childNode(i) instanceof Element child && child.isBlock()) {
          return true;
        }
      }
      return false;
    }
  }
}
