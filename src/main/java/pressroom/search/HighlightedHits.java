package pressroom.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** A page of hits read from their stored fields, each with a snippet of its body, words marked. */
final class HighlightedHits {
  private HighlightedHits() {}

  /** The hits of {@code docs} from {@code from} on, their snippets marking {@code words}. */
  static List<SearchResults.Hit> read(
      IndexSearcher s, Analyzer analyzer, Query words, ScoreDoc[] docs, int from)
      throws IOException {
    int n = Math.max(0, docs.length - from);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = docs[from + i].doc;
    }
    // The unified highlighter reads the words of the query whatever field they were searched in
    // ("all"), and marks them in the stored body: two best passages, HTML-escaped.
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(s, analyzer)
            .withFieldMatcher(field -> true)
            .withMaxLength(6_000) // snippets come from the first few paragraphs
            .withMaxNoHighlightPassages(0)
            .withHighlightPhrasesStrictly(
                false) // a phrase's words are marked wherever they are: much cheaper
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .build();
    String[] snippets =
        n == 0
            ? new String[0]
            : highlighter
                .highlightFields(new String[] {"body"}, words, ids, new int[] {2})
                .get("body");
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Document d = s.storedFields().document(ids[i]);
      String snippet = snippets[i];
      if (snippet == null || snippet.isBlank()) {
        snippet = new SimpleHTMLEncoder().encodeText(d.get("summary"));
      }
      hits.add(
          new SearchResults.Hit(
              d.get("id"),
              d.get("slug"),
              d.get("headline"),
              snippet.strip(),
              d.get("sectionName"),
              d.get("sourceName"),
              d.get("authors"),
              d.getField("published").numericValue().longValue()));
    }
    return hits;
  }
}
