package pressroom.articles.desk;

import java.util.List;
import java.util.Map;
import pressroom.articles.ArticleDesk;
import pressroom.articles.Section;
import pressroom.web.Chrome;
import pressroom.web.Head;
import pressroom.web.Stamp;

/** The typed models of the article desk's pages, one per template. */
public final class Models {
  private Models() {}

  /**
   * The list's filters as typed (kept when one is wrong).
   *
   * @param source "" for any, "own", or a partner's id
   * @param from a day, yyyy-mm-dd, or ""
   */
  public record Filters(
      String section, String source, String status, String from, String to, String q) {}

  /**
   * @param embargoed published, but its time has not come: readers do not see it yet
   */
  public record ListRow(ArticleDesk.Row row, Stamp published, boolean embargoed) {}

  /**
   * @param next the address of older articles, or null
   * @param previous the address of newer articles, or null on the first page
   * @param first the address of the newest articles with the same filters
   */
  public record ListPage(
      Chrome chrome,
      Head head,
      Filters filters,
      Map<String, String> problems,
      List<Section> sections,
      List<ArticleDesk.SourceName> sources,
      List<ListRow> rows,
      String next,
      String previous,
      String first) {}

  public record NoteRow(Stamp at, String note) {}

  /**
   * The editor.
   *
   * @param readAt the stored version's time, sent back with a save to catch a conflicting edit
   * @param note the correction as typed, kept when it is refused
   * @param reason the withdrawal reason as typed, kept when it is refused
   * @param notice what the last action did, or null
   */
  public record EditPage(
      Chrome chrome,
      Head head,
      ArticleDesk.DeskArticle desk,
      EditForm form,
      long readAt,
      Map<String, String> problems,
      String note,
      String reason,
      List<NoteRow> corrections,
      List<Section> sections,
      String notice,
      Stamp published,
      Stamp updated,
      int revisions) {}

  public record RevisionRow(ArticleDesk.Revision revision, Stamp replaced, boolean chosen) {}

  /**
   * A part of the text compared (headline, summary, body) and its changes.
   *
   * @param byParagraph whether the versions were too long to compare word by word
   */
  public record Compared(
      String part, List<TextDiff.Piece> pieces, boolean unchanged, boolean byParagraph) {}

  /**
   * @param chosen the revision compared with the current text, or null when there are none
   */
  public record RevisionsPage(
      Chrome chrome,
      Head head,
      ArticleDesk.DeskArticle desk,
      List<RevisionRow> revisions,
      RevisionRow chosen,
      List<Compared> compared) {}
}
