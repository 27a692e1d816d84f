package pressroom.articles.desk;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;

/**
 * Word by word, what changed between two versions of a text (pure): the HTML's tags are stripped,
 * paragraphs kept as line breaks, and the result is a run of kept, deleted and inserted pieces.
 */
public final class TextDiff {
  private TextDiff() {}

  /** A piece of the compared text. */
  public enum Kind {
    SAME,
    DELETED,
    INSERTED
  }

  public record Piece(Kind kind, String text) {
    public boolean same() {
      return kind == Kind.SAME;
    }

    public boolean deleted() {
      return kind == Kind.DELETED;
    }

    public boolean inserted() {
      return kind == Kind.INSERTED;
    }
  }

  private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");
  private static final Pattern PARAGRAPH = Pattern.compile("\\n+|[^\\n]+");
  private static final Pattern WORD = Pattern.compile("[^\\s]+");

  /**
   * Myers' diff takes time that grows with the product of the texts' length and their difference:
   * two different bodies of 500,000 characters would hold a request thread for minutes. Above this
   * many words a side, whole paragraphs are compared instead.
   */
  static final int MOST_WORDS = 3_000;

  /** Above this many paragraphs a side, the two texts are shown whole, one removed, one added. */
  static final int MOST_PARAGRAPHS = 2_000;

  private static final String BLOCKS =
      "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, tr, div, section";

  /** The readable text of sanitized HTML: one paragraph a line, tags gone. */
  public static String textOf(String html) {
    Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
    // The HTML's own line breaks are spaces; a <br> is a line, a block a paragraph.
    for (var e : doc.body().getAllElements()) {
      for (TextNode t : e.textNodes()) {
        t.text(t.getWholeText().replaceAll("\\s+", " "));
      }
    }
    doc.select("br").forEach(br -> br.replaceWith(new TextNode("\n")));
    doc.select(BLOCKS).after("\n\n");
    return doc.body()
        .wholeText()
        .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
        .replaceAll(" *\\n *", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  /**
   * The pieces that turn {@code before} into {@code after}, word by word, or paragraph by paragraph
   * when either has more than {@link #MOST_WORDS} words (see {@link #wordByWord}).
   */
  public static List<Piece> of(String before, String after) {
    List<String> a = tokens(TOKEN, before);
    List<String> b = tokens(TOKEN, after);
    if (!wordByWord(before, after)) {
      a = tokens(PARAGRAPH, before);
      b = tokens(PARAGRAPH, after);
      if (a.size() > 2 * MOST_PARAGRAPHS || b.size() > 2 * MOST_PARAGRAPHS) {
        List<Piece> whole = new ArrayList<>();
        if (String.valueOf(before).equals(String.valueOf(after))) {
          add(whole, Kind.SAME, a);
        } else {
          add(whole, Kind.DELETED, a);
          add(whole, Kind.INSERTED, b);
        }
        return whole;
      }
    }
    List<Piece> out = new ArrayList<>();
    int at = 0;
    for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
      add(out, Kind.SAME, a.subList(at, d.getSource().getPosition()));
      add(out, Kind.DELETED, d.getSource().getLines());
      add(out, Kind.INSERTED, d.getTarget().getLines());
      at = d.getSource().getPosition() + d.getSource().size();
    }
    add(out, Kind.SAME, a.subList(at, a.size()));
    return out;
  }

  /** Whether nothing changed. */
  public static boolean unchanged(List<Piece> pieces) {
    return pieces.stream().allMatch(Piece::same);
  }

  /** Whether both texts are short enough to compare word by word. */
  public static boolean wordByWord(String before, String after) {
    return words(before) <= MOST_WORDS && words(after) <= MOST_WORDS;
  }

  private static int words(String text) {
    int n = 0;
    Matcher m = WORD.matcher(text == null ? "" : text);
    while (m.find() && n <= MOST_WORDS) {
      n++;
    }
    return n;
  }

  private static List<String> tokens(Pattern token, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = token.matcher(text == null ? "" : text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Appends, joining a piece to the one before when they are of a kind. */
  private static void add(List<Piece> out, Kind kind, List<String> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    String text = String.join("", tokens);
    if (!out.isEmpty() && out.getLast().kind() == kind) {
      out.set(out.size() - 1, new Piece(kind, out.getLast().text() + text));
    } else {
      out.add(new Piece(kind, text));
    }
  }
}
