package pressroom.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;

/**
 * The counts beside the results: per section, source and author (the top values) and per date span,
 * over every match counted, scaled up when counted in a sample.
 */
final class FacetCounts {
  private static final int TOP_VALUES = 10;

  /** The facet ordinals of one reader, built once per refresh (it costs a pass over the values). */
  private record ReaderState(IndexReader reader, DefaultSortedSetDocValuesReaderState state) {}

  private volatile ReaderState readerState;

  /** Builds {@code reader}'s facet ordinals now; an index without facets yet has none to build. */
  void prepare(IndexReader reader) throws IOException {
    try {
      state(reader);
    } catch (IllegalArgumentException e) {
      // no article has a facet field yet
    }
  }

  /** The section, source and author counts of {@code counted}. */
  Facets terms(IndexReader reader, SampledCount counted) throws IOException {
    return new SortedSetDocValuesFacetCounts(state(reader), counted.matches());
  }

  /** The date span counts of {@code counted}, spans ending at {@code now} (epoch ms). */
  static Facets dates(SampledCount counted, long now) throws IOException {
    LongRange[] spans = new LongRange[DateSpan.values().length];
    for (DateSpan span : DateSpan.values()) {
      spans[span.ordinal()] =
          new LongRange(span.key(), now - span.length.toMillis(), true, Long.MAX_VALUE, true);
    }
    return new LongRangeFacetCounts("published", counted.matches(), spans);
  }

  static List<SearchResults.Count> top(Facets facets, String dim, SampledCount counted)
      throws IOException {
    FacetResult top;
    try {
      top = facets.getTopChildren(TOP_VALUES, dim);
    } catch (IllegalArgumentException e) {
      return List.of(); // no article has this dimension yet
    }
    if (top == null) {
      return List.of();
    }
    List<SearchResults.Count> out = new ArrayList<>();
    for (LabelAndValue lv : top.labelValues) {
      int bar = lv.label.indexOf('|');
      out.add(
          new SearchResults.Count(
              lv.label.substring(0, bar),
              lv.label.substring(bar + 1),
              counted.scaled(lv.value.longValue())));
    }
    return out;
  }

  static List<SearchResults.Count> spans(Facets dates, SampledCount counted) throws IOException {
    FacetResult all = dates.getAllChildren("published");
    List<SearchResults.Count> out = new ArrayList<>();
    for (LabelAndValue lv : all.labelValues) {
      DateSpan span = DateSpan.valueOf(lv.label.toUpperCase(Locale.ROOT));
      out.add(new SearchResults.Count(lv.label, span.label, counted.scaled(lv.value.longValue())));
    }
    return out;
  }

  private DefaultSortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
    ReaderState current = readerState;
    if (current != null && current.reader() == reader) {
      return current.state();
    }
    synchronized (this) {
      current = readerState;
      if (current == null || current.reader() != reader) {
        current =
            new ReaderState(
                reader, new DefaultSortedSetDocValuesReaderState(reader, ArticleDocuments.FACETS));
        readerState = current;
      }
      return current.state();
    }
  }
}
