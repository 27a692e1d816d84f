package pressroom.ingest.mapping;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeVisitor;

/**
 * The SimHash of an element's text, and whether it has any, read straight from its text nodes: the
 * same answers as {@code SimHash.of(element.text())} and {@code element.text().isBlank()} without
 * building the text (which was a sixth of an import's parsing time).
 *
 * <p>It follows jsoup's {@code Element.text()} where that matters to words: characters jsoup drops
 * (zero-width space, soft hyphen) join the letters around them, and jsoup's synthetic spaces around
 * blocks, line breaks and text boundaries separate words. Whitespace collapsing does not matter,
 * since any run of non-letters separates words alike. A test holds the two equal on random markup.
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

    private void read(String s, boolean raw) {
      int from = 0;
      if (!raw) {
        // jsoup drops these two: the letters either side make one word. Rare, so found with
        // indexOf rather than by looking at every character.
        int zeroWidth = s.indexOf('\u200B');
        int softHyphen = s.indexOf('\u00AD');
        while (zeroWidth >= 0 || softHyphen >= 0) {
          int cut =
              zeroWidth < 0
                  ? softHyphen
                  : softHyphen < 0 ? zeroWidth : Math.min(zeroWidth, softHyphen);
          take(s, from, cut, false);
          from = cut + 1;
          if (cut == zeroWidth) {
            zeroWidth = s.indexOf('\u200B', from);
          } else {
            softHyphen = s.indexOf('\u00AD', from);
          }
        }
      }
      take(s, from, s.length(), raw);
    }

    private void take(String s, int from, int to, boolean raw) {
      for (int i = from; !visible && i < to; i++) {
        char c = s.charAt(i);
        visible = c > ' ' && !Character.isWhitespace(c) && (raw || c != '\u00A0');
      }
      simhash.add(s, from, to);
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
