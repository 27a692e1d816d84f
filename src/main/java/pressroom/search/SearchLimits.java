package pressroom.search;

/**
 * Where searches stop being exact to stay fast: counting in the samples from {@code sampleFrom}
 * articles on, estimating from {@code estimateFromSampled} sampled matches, weighing the {@code
 * relevanceBudget} newest matches for a relevance order, and the time allowed to the exact count
 * and to the page of hits in such a large index.
 */
record SearchLimits(
    int sampleFrom,
    int estimateFromSampled,
    int relevanceBudget,
    long countMillis,
    long topMillis) {
  // Counting every match of a common word in a large index costs more than a reader should wait
  // for. From SAMPLE_FROM articles on, a search counts in the small sample first, then the larger
  // one (ArticleDocuments); once one finds ESTIMATE_FROM_SAMPLED matches (about 4% error), the
  // counts are estimated from it instead of counted one by one.
  private static final int SAMPLE_FROM = 200_000;
  private static final int ESTIMATE_FROM_SAMPLED = 625;
  // A relevance order weighs at most this many matches, the newest (the index is newest first):
  // ranking a million matches of a common word costs seconds; news readers want recent ones.
  private static final int RELEVANCE_BUDGET = 5_000;
  // Time allowed to the exact count (then the sample's estimate) and to the page of hits (then
  // the best of what was seen, the newest).
  private static final long COUNT_MILLIS = 5;
  private static final long TOP_MILLIS = 6;

  static final SearchLimits DEFAULT =
      new SearchLimits(
          SAMPLE_FROM, ESTIMATE_FROM_SAMPLED, RELEVANCE_BUDGET, COUNT_MILLIS, TOP_MILLIS);
}
