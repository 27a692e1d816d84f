package pressroom.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import pressroom.testing.Eventually;
import pressroom.testing.FakePublisher;
import pressroom.testing.FakePublisher.Response;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestFeeds;

/**
 * The scheduler's own poll brings the picture job forward when it stores new articles: the picture
 * is there within seconds, not at the job's next half-minute.
 */
@RunningSite(settings = {"PRESSROOM_INGEST_ALLOW_PRIVATE=true", "PRESSROOM_INGEST_CHECK_SECONDS=1"})
class PictureNudgeTest {
  TestApp site;

  @Test
  void aPollThatStoresNewArticlesBringsThePictureJobForward() {
    site.app().sections().createSection("syndicated-news", "Syndicated News", "", 0);
    try (FakePublisher partner = FakePublisher.start()) {
      partner.respond(
          "/img/ferry.jpg", Response.ok(PicturesContract.image(800, 450, "jpg"), "image/jpeg"));
      partner.respond(
          "/feed.xml",
          Response.ok(
              PicturesContract.feed(
                  "ferry",
                  "The night ferry sails again",
                  "After a winter in dock, the night ferry is back on its old route.",
                  Instant.now().minusSeconds(60),
                  partner.url("/img/ferry.jpg").toString()),
              "application/rss+xml"));
      // The job ran when the site started and would next run half a minute later.
      site.app()
          .sources()
          .add(TestFeeds.partner("Ferry Wire", partner.url("/feed.xml").toString(), 0));
      String picture =
          Eventually.value(
              "the picture stored after the scheduler's poll",
              () ->
                  site.app().listings().latest(5, Instant.now()).stream()
                      .filter(a -> a.picture() != null)
                      .map(a -> a.picture().id())
                      .findFirst()
                      .orElse(null));
      assertThat(site.getBytes("/pictures/" + picture + "/640.jpg").statusCode()).isEqualTo(200);
    }
  }
}
