package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pressroom.changes.Change;

/** What a poll's changes drop from the page cache, taken together or one at a time. */
class PageCacheTest {
  static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

  PageCache filled() {
    PageCache cache = new PageCache(10_000_000);
    for (String key : List.of("a", "b", "c")) {
      cache.get("/articles/" + key, () -> PageCache.CachedPage.of(key, "<p>" + key, T, null));
    }
    cache.get("/", () -> PageCache.CachedPage.of(null, "<p>home", T, null));
    return cache;
  }

  @Test
  void aBatchDropsEachChangedArticleItsCommentsAndTheListingsInOnePass() {
    PageCache cache = filled();
    cache.invalidate(List.of(new Change.ArticleChanged("a"), new Change.CommentsChanged("b")));
    assertThat(cache.peek("/articles/a")).isNull();
    assertThat(cache.peek("/articles/b")).isNull();
    assertThat(cache.peek("/")).as("a listing may show a changed article").isNull();
    assertThat(cache.peek("/articles/c")).isNotNull();
  }

  @Test
  void commentsAloneLeaveTheListings() {
    PageCache cache = filled();
    cache.invalidate(List.of(new Change.CommentsChanged("b"), new Change.CommentsChanged("c")));
    assertThat(cache.peek("/")).isNotNull();
    assertThat(cache.peek("/articles/a")).isNotNull();
    assertThat(cache.peek("/articles/b")).isNull();
    assertThat(cache.peek("/articles/c")).isNull();
  }

  @Test
  void anyPageWideChangeInTheBatchDropsEverything() {
    PageCache cache = filled();
    cache.invalidate(List.of(new Change.CommentsChanged("b"), new Change.AllPages()));
    assertThat(cache.size()).isZero();
  }

  @Test
  void aChangedArticleDropsThePagesThatLinkToItAndNoOthers() {
    PageCache cache = new PageCache(10_000_000);
    String linking =
        SurrogateKeys.page()
            .add(SurrogateKeys.article("b"))
            .add(SurrogateKeys.article("a"))
            .toString();
    cache.get("/articles/b", () -> PageCache.CachedPage.of("b", "<p>b, related: a", T, linking));
    cache.get(
        "/articles/c",
        () ->
            PageCache.CachedPage.of(
                "c", "<p>c", T, SurrogateKeys.page().add(SurrogateKeys.article("c")).toString()));
    cache.invalidate(new Change.ArticleChanged("a"));
    assertThat(cache.peek("/articles/b")).as("its related box shows a").isNull();
    assertThat(cache.peek("/articles/c")).isNotNull();
  }

  @Test
  void aPageRenderedWhileAChangeWasAppliedIsNotKept() {
    PageCache cache = new PageCache(10_000_000);
    PageCache.CachedPage served =
        cache.get(
            "/articles/a",
            () -> {
              // The render read the database before a commit whose change arrives meanwhile.
              cache.invalidate(new Change.CommentsChanged("a"));
              return PageCache.CachedPage.of("a", "<p>old a", T, null);
            });
    assertThat(served).isNotNull();
    assertThat(cache.peek("/articles/a")).isNull();
  }
}
