package pressroom.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.sources.SourceSettings.Field;

/**
 * The one set of rules for a source's settings, as the command line and the staff form read them:
 * the command line gets the first problem in the words it always printed, a form every problem by
 * field.
 */
class SourceSettingsTest {
  static SourceSettings settings(
      String name, String url, String section, String interval, List<String> headers) {
    return new SourceSettings(
        name, url, section, "auto", interval, "0", null, null, "0", "canonical", false, headers);
  }

  static SourceSettings valid() {
    return settings("Harbour Wire", "https://wire.example/feed.xml", "World", "15m", List.of());
  }

  @Test
  void everySettingIsRead() {
    NewSource in =
        new SourceSettings(
                "Harbour Wire",
                "https://wire.example/feed.xml",
                "World",
                "ATOM",
                "1h30m",
                "30",
                "Republished under licence.",
                "https://wire.example/",
                "7",
                "noindex",
                true,
                List.of("X-Api-Key: secret-1", "X-Client:abc"))
            .toNewSource(false);
    assertThat(in.name()).isEqualTo("Harbour Wire");
    assertThat(in.format()).isEqualTo(FeedFormat.ATOM);
    assertThat(in.interval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(in.expireAfterDays()).isEqualTo(30);
    assertThat(in.attribution()).isEqualTo("Republished under licence.");
    assertThat(in.homeUrl()).isEqualTo("https://wire.example/");
    assertThat(in.priority()).isEqualTo(7);
    assertThat(in.seoPolicy()).isEqualTo(SeoPolicy.NOINDEX);
    assertThat(in.fullText()).isFalse();
    assertThat(in.requestHeaders()).isEqualTo(Map.of("X-Api-Key", "secret-1", "X-Client", "abc"));
    assertThat(valid().toNewSource(false).attribution()).isEqualTo("From Harbour Wire.");
  }

  @Test
  void theCommandLineGetsTheFirstProblemInItsOwnWords() {
    record Case(SourceSettings in, String message) {}
    List<Case> cases =
        List.of(
            new Case(
                settings("X", "https://x.example/f", "S", "15m", List.of("Bearer token")),
                "--header 'Bearer token…' is not NAME:VALUE"),
            new Case(
                new SourceSettings(
                    "X",
                    "https://x.example/f",
                    "S",
                    "xml",
                    "15m",
                    "0",
                    null,
                    null,
                    "0",
                    "canonical",
                    false,
                    List.of()),
                "'xml' is not a feed format (auto, rss, atom, jsonfeed, ninjs)"),
            new Case(
                settings("X", "https://x.example/f", "S", "soon", List.of()),
                "--interval 'soon' is not a duration such as 15m, 1h or 1h30m"),
            new Case(
                new SourceSettings(
                    "X",
                    "https://x.example/f",
                    "S",
                    "auto",
                    "15m",
                    "0",
                    null,
                    null,
                    "0",
                    "public",
                    false,
                    List.of()),
                "--policy 'public' is not canonical, noindex or own"),
            new Case(
                settings(" ", "https://x.example/f", "S", "30s", List.of()), "the name is empty"),
            new Case(settings("X", "", "S", "15m", List.of()), "the feed URL or path is empty"),
            new Case(
                settings("X", "ftp://x.example/feed", "S", "15m", List.of()),
                "'ftp://x.example/feed' is neither an http(s) URL nor a local file or folder"),
            new Case(
                settings("X", "https://x.example/f", "S", "30s", List.of()),
                "the polling interval must be at least 1 minute"),
            new Case(
                new SourceSettings(
                    "X",
                    "https://x.example/f",
                    "S",
                    "auto",
                    "15m",
                    "-1",
                    null,
                    null,
                    "0",
                    "canonical",
                    false,
                    List.of()),
                "days until removal cannot be negative"),
            new Case(
                new SourceSettings(
                    "X",
                    "https://x.example/f",
                    "S",
                    "auto",
                    "15m",
                    "0",
                    null,
                    "javascript:alert(1)",
                    "0",
                    "canonical",
                    false,
                    List.of()),
                "--home-url 'javascript:alert(1)' is not an http(s) URL"),
            new Case(
                settings("X", "https://x.example/f", " ", "15m", List.of()),
                "the section is empty"));
    for (Case c : cases) {
      assertThatThrownBy(() -> c.in().toNewSource(true))
          .as(c.message())
          .isInstanceOf(SourceSettings.Invalid.class)
          .hasMessage(c.message());
    }
  }

  @Test
  void aLocalFileIsForTheCommandLineOnly() {
    SourceSettings local = settings("Archive", "/srv/feeds/archive.xml", "World", "1h", List.of());
    assertThat(local.toNewSource(true).feedUrl()).isEqualTo("/srv/feeds/archive.xml");
    assertThat(local.problems(true)).isEmpty();
    assertThat(local.problems(false))
        .containsOnlyKeys(Field.URL)
        .extractingByKey(Field.URL)
        .asString()
        .contains("not an http(s) URL", "command line only");
    assertThatThrownBy(() -> local.toNewSource(false))
        .isInstanceOf(SourceSettings.Invalid.class)
        .satisfies(e -> assertThat(((SourceSettings.Invalid) e).field()).isEqualTo(Field.URL));
  }

  @Test
  void aFormGetsEveryProblemByFieldInFormOrder() {
    SourceSettings bad =
        new SourceSettings(
            "",
            "ftp://x.example/feed",
            "",
            "xml",
            "soon",
            "-3",
            "",
            "mailto:desk@x.example",
            "high",
            "public",
            false,
            List.of("no colon here"));
    Map<Field, String> problems = bad.problems(false);
    assertThat(problems.keySet())
        .containsExactly(
            Field.NAME,
            Field.URL,
            Field.SECTION,
            Field.FORMAT,
            Field.INTERVAL,
            Field.HOME_URL,
            Field.PRIORITY,
            Field.POLICY,
            Field.EXPIRE_AFTER_DAYS,
            Field.HEADERS);
    // Next to its field a problem does not name the option.
    assertThat(problems.get(Field.INTERVAL))
        .isEqualTo("'soon' is not a duration such as 15m, 1h or 1h30m");
    assertThat(problems.get(Field.PRIORITY)).isEqualTo("'high' is not a whole number");
    assertThat(problems.get(Field.EXPIRE_AFTER_DAYS))
        .isEqualTo("days until removal cannot be negative");
    assertThat(valid().problems(false)).isEmpty();
    assertThat(settings("X", "https://x.example/f", "S", "30s", List.of()).problems(false))
        .containsOnlyKeys(Field.INTERVAL);
  }

  @Test
  void intervalsReadAndWriteTheSameWay() {
    for (String text : List.of("15m", "1h", "1h30m", "90s", "1d", "2d3h4m5s")) {
      Duration d = SourceSettings.interval(text);
      assertThat(SourceSettings.interval(SourceSettings.intervalText(d))).isEqualTo(d);
    }
    assertThat(SourceSettings.intervalText(Duration.ofSeconds(5400))).isEqualTo("1h30m");
    assertThat(SourceSettings.interval(" 1H ")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> SourceSettings.interval("99999999999999999999d"))
        .isInstanceOf(SourceSettings.Invalid.class);
  }

  @Test
  void theAuditLogSeesHeaderNamesButNeverTheirValues() {
    FeedSource s =
        new FeedSource(
            "s1",
            "Harbour Wire",
            "https://wire.example/",
            "https://wire.example/feed.xml",
            FeedFormat.RSS,
            "world",
            "From Harbour Wire.",
            3,
            Duration.ofMinutes(90),
            Map.of("X-Api-Key", "secret-key-123"),
            SeoPolicy.OWN,
            false,
            14,
            FeedSource.State.ACTIVE,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            0,
            null);
    Map<String, String> described = SourceSettings.describe(s);
    assertThat(described)
        .containsEntry("interval", "1h30m")
        .containsEntry("request headers", "X-Api-Key")
        .containsEntry("content", "summary only")
        .containsEntry("removed after", "14 days");
    assertThat(described.values()).noneMatch(v -> v.contains("secret-key-123"));
    SourceSettings shown = SourceSettings.of(s);
    assertThat(shown.headers()).isEmpty();
    assertThat(shown.interval()).isEqualTo("1h30m");
    assertThat(shown.summaryOnly()).isTrue();
  }
}
