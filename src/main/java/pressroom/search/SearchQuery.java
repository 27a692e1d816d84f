package pressroom.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import pressroom.articles.Slugs;

/**
 * A reader's {@link QueryText} as Lucene queries, its words and phrases analysed as the index
 * analyses the article text: {@code matching} decides what matches (every word and phrase in the
 * "all" field, none of the excluded ones), {@code weight} adds to the score for words found in the
 * weighted fields (null when there are no words), {@code filters} holds the author:, section: and
 * source: clauses.
 *
 * <p>{@code wantsSomething} is false when nothing was asked for but exclusions (or words with
 * nothing searchable in them, like {@code &&}): such a search finds nothing unless a filter beside
 * it says what to search in. {@code shortened} says words were left out: the text was longer than
 * {@link QueryText} reads, or its words made more than {@link #MAX_TERMS} terms.
 *
 * <p>A phrase of two or more words matches on its pairs of words ({@link ArticleDocuments#PAIRS}),
 * which finds the same articles as its words' positions in "all" at a fraction of the cost; {@code
 * marked} holds the wanted words and phrases as words of "all", for the highlighter to mark in the
 * text (null when there are none).
 */
record SearchQuery(
    Query matching,
    Query marked,
    Query weight,
    List<BooleanClause> filters,
    boolean wantsSomething,
    boolean shortened) {
  /**
   * The most terms (word positions; a filter is one) a search uses, so that no search, however long
   * its words (a run of Chinese is a term per character), nears Lucene's limit of clauses: each
   * term is looked for in "all" and in the weighted fields, in two spellings at most (accents
   * folded and kept).
   */
  static final int MAX_TERMS = 32;

  static final String ALL = "all";
  static final String PAIRS = ArticleDocuments.PAIRS;

  SearchQuery {
    filters = List.copyOf(filters);
  }

  /**
   * Builds the queries; {@code boosts} are the weighted fields and their weights. Never throws on
   * any text the parser produced.
   */
  static SearchQuery of(QueryText text, Analyzer analyzer, Map<String, Float> boosts) {
    List<Terms> wanted = new ArrayList<>();
    List<Terms> unwanted = new ArrayList<>();
    List<BooleanClause> filters = new ArrayList<>();
    boolean wantsSomething = false;
    boolean shortened = text.shortened();
    int budget = MAX_TERMS;
    for (QueryText.Part part : text.parts()) {
      if (budget == 0) {
        shortened = true;
        break;
      }
      if (part instanceof QueryText.Filter f) {
        String slug = Slugs.of(f.value(), f.value());
        filters.add(
            new BooleanClause(
                new TermQuery(new Term(f.field().key(), slug)),
                f.excluded() ? Occur.MUST_NOT : Occur.FILTER));
        wantsSomething |= !f.excluded();
        budget--;
        continue;
      }
      boolean phrase = part instanceof QueryText.Phrase;
      String words = part instanceof QueryText.Phrase p ? p.text() : ((QueryText.Word) part).text();
      Terms terms = Terms.of(analyzer, words, phrase);
      if (terms.positions().isEmpty()) {
        continue; // nothing searchable in it ("&&", "-", punctuation)
      }
      if (terms.positions().size() > budget) {
        shortened = true;
        if (part.excluded()) {
          break; // a shorter phrase would exclude more than was asked
        }
        terms = terms.first(budget); // a shorter phrase still finds what the whole one would
      }
      budget -= terms.positions().size();
      (part.excluded() ? unwanted : wanted).add(terms);
      wantsSomething |= !part.excluded();
    }

    BooleanQuery.Builder matching = new BooleanQuery.Builder();
    BooleanQuery.Builder marked = new BooleanQuery.Builder();
    BooleanQuery.Builder weight = new BooleanQuery.Builder();
    for (Terms t : wanted) {
      matching.add(t.inAll(), Occur.MUST);
      marked.add(t.query(ALL, Occur.MUST), Occur.MUST);
      for (var field : boosts.entrySet()) {
        weight.add(
            new BoostQuery(t.query(field.getKey(), Occur.SHOULD), field.getValue()), Occur.SHOULD);
      }
    }
    if (wanted.isEmpty()) {
      matching.add(
          new MatchAllDocsQuery(), Occur.MUST); // what the filters leave, less the exclusions
    }
    for (Terms t : unwanted) {
      // Not MUST_NOT: a filter of the articles without it (WithoutQuery says why).
      matching.add(new WithoutQuery(t.inAll()), Occur.FILTER);
    }
    Query matches =
        wanted.isEmpty() && unwanted.isEmpty() ? new MatchAllDocsQuery() : matching.build();
    return new SearchQuery(
        matches,
        wanted.isEmpty() ? null : marked.build(),
        wanted.isEmpty() ? null : weight.build(),
        filters,
        wantsSomething,
        shortened);
  }

  /**
   * A word or phrase analysed: the terms at each position (more than one where the analyser keeps a
   * spelling and adds its folded form, "şanlıurfa" and "sanliurfa"), and whether they must be found
   * together, in order.
   */
  record Terms(List<List<String>> positions, boolean phrase) {
    Terms {
      positions = positions.stream().map(List::copyOf).toList();
    }

    static Terms of(Analyzer analyzer, String text, boolean phrase) {
      List<List<String>> positions = new ArrayList<>();
      try (TokenStream tokens = analyzer.tokenStream(ALL, text)) {
        CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment =
            tokens.addAttribute(PositionIncrementAttribute.class);
        tokens.reset();
        while (tokens.incrementToken()) {
          if (term.length() == 0) {
            continue;
          }
          if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
            positions.add(new ArrayList<>());
          }
          List<String> here = positions.getLast();
          String t = term.toString();
          if (!here.contains(t)) {
            here.add(t);
          }
        }
        tokens.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a string reader: does not happen
      }
      return new Terms(positions, phrase);
    }

    Terms first(int n) {
      return new Terms(positions.subList(0, Math.min(n, positions.size())), phrase);
    }

    /**
     * The query that decides whether an article has these terms: a phrase of two or more words as
     * its pairs of words in {@link #PAIRS}, in order ("grid harbour" then "harbour cranes" one
     * position on), each pair in every spelling of its two words; anything else in "all".
     */
    Query inAll() {
      if (!phrase || positions.size() < 2) {
        return query(ALL, Occur.MUST);
      }
      List<List<String>> pairs = new ArrayList<>();
      for (int i = 0; i + 1 < positions.size(); i++) {
        List<String> here = new ArrayList<>();
        for (String a : positions.get(i)) {
          for (String b : positions.get(i + 1)) {
            here.add(a + " " + b); // as ArticleDocuments' fixedShingle joins them
          }
        }
        pairs.add(here);
      }
      return new Terms(pairs, true).query(PAIRS, Occur.MUST);
    }

    /**
     * The query for these terms in {@code field}: a phrase, or each position on its own, joined by
     * {@code occur} (MUST to decide what matches, SHOULD to weigh).
     */
    Query query(String field, Occur occur) {
      if (positions.size() == 1) {
        return at(field, positions.getFirst());
      }
      if (phrase) {
        if (positions.stream().allMatch(p -> p.size() == 1)) {
          PhraseQuery.Builder b = new PhraseQuery.Builder();
          for (int i = 0; i < positions.size(); i++) {
            b.add(new Term(field, positions.get(i).getFirst()), i);
          }
          return b.build();
        }
        MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder();
        for (int i = 0; i < positions.size(); i++) {
          b.add(positions.get(i).stream().map(t -> new Term(field, t)).toArray(Term[]::new), i);
        }
        return b.build();
      }
      // A word the analyser splits ("e-mail", "dock&port", a run of Chinese): each of its terms.
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (List<String> p : positions) {
        b.add(at(field, p), occur);
      }
      return b.build();
    }

    /** One position: its term, or either of its spellings. */
    private static Query at(String field, List<String> terms) {
      if (terms.size() == 1) {
        return new TermQuery(new Term(field, terms.getFirst()));
      }
      SynonymQuery.Builder b = new SynonymQuery.Builder(field);
      terms.forEach(t -> b.addTerm(new Term(field, t)));
      return b.build();
    }
  }
}
