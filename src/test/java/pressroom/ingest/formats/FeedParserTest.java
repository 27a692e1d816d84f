package pressroom.ingest.formats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdom2.JDOMException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import pressroom.ingest.formats.FeedItem.LeadImage;
import pressroom.ingest.formats.FeedItem.PubStatus;
import pressroom.testing.TestFeeds;

class FeedParserTest {
  /** Only a safety net against hangs, not a speed claim. */
  private static final Duration NO_HANG = Duration.ofSeconds(10);

  static byte[] fixture(String name) {
    return TestFeeds.fixture(name);
  }

  static ParsedFeed parse(String name, String baseUrl) throws FeedException {
    return FeedParser.parse(fixture(name), null, FeedFormat.AUTO, baseUrl);
  }

  static ParsedFeed parse(String name) throws FeedException {
    return parse(name, null);
  }

  static FeedException failure(byte[] body, FeedFormat format) {
    return assertTimeoutPreemptively(
        NO_HANG,
        () ->
            catchThrowableOfType(
                FeedException.class, () -> FeedParser.parse(body, null, format, null)));
  }

  static FeedException failure(String name) {
    FeedException e = failure(fixture(name), FeedFormat.AUTO);
    assertThat(e).as("parsing %s should fail", name).isNotNull();
    return e;
  }

  static List<String> titles(ParsedFeed feed) {
    return feed.items().stream().map(FeedItem::title).toList();
  }

  @Nested
  class ValidFormats {
    @Test
    void rss091() throws FeedException {
      ParsedFeed feed = parse("rss091.xml");
      assertThat(feed.format()).isEqualTo(FeedFormat.RSS);
      assertThat(feed.title()).isEqualTo("Valley Gazette");
      assertThat(feed.language()).isEqualTo("en-GB");
      assertThat(titles(feed))
          .containsExactly("Ferry timetable changes for summer", "Library opens late on Thursdays");
      FeedItem first = feed.items().get(0);
      assertThat(first.link()).isEqualTo("https://gazette.example/ferry-timetable");
      assertThat(first.guid()).isNull();
      assertThat(first.summaryHtml()).isEqualTo("The morning crossing moves to 7:40.");
      assertThat(first.contentHtml()).isNull();
      assertThat(first.language()).isEqualTo("en-GB");
      assertThat(first.pubStatus()).isEqualTo(PubStatus.USABLE);
      assertThat(feed.skipped()).isEmpty();
    }

    @Test
    void rss092SkipsTheItemThatIdentifiesNothingAndIgnoresAudioEnclosures() throws FeedException {
      ParsedFeed feed = parse("rss092.xml");
      assertThat(titles(feed))
          .containsExactly("New lighthouse keeper appointed", "Tide tables for June");
      assertThat(feed.skipped()).containsExactly("item 2: no title, link or guid");
      FeedItem keeper = feed.items().get(0);
      assertThat(keeper.summaryHtml()).isEqualTo("<p>She starts on <b>Monday</b>.</p>");
      assertThat(keeper.tags()).containsExactly("People");
      assertThat(keeper.image())
          .isEqualTo(new LeadImage("https://harbour.example/img/keeper.jpg", null, null));
      assertThat(feed.items().get(1).image()).isNull();
    }

    @Test
    void rss20() throws FeedException {
      ParsedFeed feed = parse("rss20.xml", "https://ledger.example/feeds/main.xml");
      assertThat(feed.format()).isEqualTo(FeedFormat.RSS);
      assertThat(feed.title()).isEqualTo("The Northern Ledger");
      assertThat(feed.language()).isEqualTo("en-US");
      assertThat(feed.items()).hasSize(3);
      assertThat(feed.skipped()).isEmpty();

      FeedItem lights = feed.items().get(0);
      assertThat(lights.title()).isEqualTo("Council approves “harbour lights” plan — at last");
      assertThat(lights.guid()).isEqualTo("ledger-2024-0507-001");
      assertThat(lights.link()).isEqualTo("https://ledger.example/2024/05/harbour-lights");
      assertThat(lights.authors())
          .containsExactly("Ana Sørensen", "By Tomás O’Neill and Priya Raman");
      assertThat(lights.published()).isEqualTo(Instant.parse("2024-05-07T09:15:00Z"));
      assertThat(lights.contentHtml())
          .isEqualTo(
              "<p>The council voted <em>7–2</em> on Tuesday.</p><p>Work starts “in the"
                  + " autumn”.</p>");
      assertThat(lights.summaryHtml()).isEqualTo("The vote was 7–2 after a long evening.");
      assertThat(lights.tags()).containsExactly("Harbour", "Local politics");
      assertThat(lights.image())
          .isEqualTo(new LeadImage("https://ledger.example/media/harbour-lights.jpg", null, null));
      assertThat(lights.language()).isEqualTo("en-US");

      FeedItem market = feed.items().get(1);
      assertThat(market.guid()).isEqualTo("https://ledger.example/?p=1002");
      assertThat(market.authors()).containsExactly("desk@ledger.example (Zoë Ångström)");
      assertThat(market.language()).isEqualTo("fr");
      assertThat(market.contentHtml()).isNull();
      assertThat(market.image())
          .isEqualTo(
              new LeadImage(
                  "https://cdn.ledger.example/market-hall.jpg",
                  "Traders set up in the restored hall.",
                  "Photo: Lars Ek"));

      FeedItem letters = feed.items().get(2);
      assertThat(letters.link())
          .as("a permalink guid stands in for the missing link")
          .isEqualTo("https://ledger.example/letters/bridge");
      assertThat(letters.image().url()).isEqualTo("https://cdn.ledger.example/bridge-thumb.jpg");
    }

    @Test
    void rss20WithoutBaseUrlResolvesAgainstTheChannelLink() throws FeedException {
      FeedItem lights = parse("rss20.xml").items().get(0);
      assertThat(lights.link()).isEqualTo("https://ledger.example/2024/05/harbour-lights");
    }

    @Test
    void rss10Rdf() throws FeedException {
      ParsedFeed feed = parse("rss10-rdf.xml");
      assertThat(feed.format()).isEqualTo(FeedFormat.RSS);
      assertThat(feed.title()).isEqualTo("Science Desk");
      assertThat(feed.language()).isEqualTo("de");
      assertThat(titles(feed))
          .containsExactly("Comet visible at dawn", "Moss survives a winter on the roof");
      FeedItem comet = feed.items().get(0);
      assertThat(comet.guid()).isEqualTo("https://science.example/comet");
      assertThat(comet.authors()).containsExactly("Dr. Jürgen Weiß");
      assertThat(comet.published()).isEqualTo(Instant.parse("2024-05-06T03:30:00Z"));
      assertThat(comet.contentHtml()).isEqualTo("<p>Best seen around <strong>05:00</strong>.</p>");
      assertThat(comet.tags()).containsExactly("Astronomy");
      assertThat(comet.language()).isEqualTo("de");
    }

    @Test
    void atom() throws FeedException {
      ParsedFeed feed = parse("atom.xml", "https://blog.example/news/atom.xml");
      assertThat(feed.format()).isEqualTo(FeedFormat.ATOM);
      assertThat(feed.title()).isEqualTo("Coastline Blog");
      assertThat(feed.language()).isEqualTo("en");
      assertThat(titles(feed))
          .containsExactly("First light on the new pier", "Hen bier", "Plain words");

      FeedItem pier = feed.items().get(0);
      assertThat(pier.guid()).isEqualTo("tag:blog.example,2024:first-light");
      assertThat(pier.link()).isEqualTo("https://blog.example/news/2024/05/first-light");
      assertThat(pier.authors()).containsExactly("Ifeoma Okafor", "Kai Müller");
      assertThat(pier.published()).isEqualTo(Instant.parse("2024-05-08T05:00:00Z"));
      assertThat(pier.updated()).isEqualTo(Instant.parse("2024-05-08T08:30:00Z"));
      assertThat(pier.contentHtml()).isEqualTo("<p>The pier opened at dawn.</p>");
      assertThat(pier.summaryHtml()).isEqualTo("A calm morning &amp; a new view.");
      assertThat(pier.tags()).containsExactly("Piers & jetties", "photography");
      assertThat(pier.image())
          .isEqualTo(new LeadImage("https://blog.example/news/img/pier.png", null, null));
      assertThat(pier.language()).isEqualTo("en");

      FeedItem old = feed.items().get(1);
      assertThat(old.link())
          .as("entry xml:base")
          .isEqualTo("https://blog.example/archive/old-pier");
      assertThat(old.authors()).as("inherits the feed's author").containsExactly("Coastline Desk");
      assertThat(old.published()).isNull();
      assertThat(old.updated()).isEqualTo(Instant.parse("2019-03-01T00:00:00Z"));
      assertThat(old.contentHtml()).isEqualTo("<p>Yr hen bier, <b>cyn</b> y storm.</p>");
      assertThat(old.language()).isEqualTo("cy");

      FeedItem plain = feed.items().get(2);
      assertThat(plain.link()).isEqualTo("https://elsewhere.example/plain");
      assertThat(plain.contentHtml())
          .isEqualTo("<p>First paragraph with a &lt;tag&gt; in it.</p><p>Second paragraph.</p>");
    }

    @Test
    void atomWithoutBaseUrlUsesXmlBase() throws FeedException {
      assertThat(parse("atom.xml").items().get(0).link())
          .isEqualTo("https://blog.example/news/2024/05/first-light");
    }

    @Test
    void jsonFeed11() throws FeedException {
      ParsedFeed feed = parse("jsonfeed11.json");
      assertThat(feed.format()).isEqualTo(FeedFormat.JSONFEED);
      assertThat(feed.title()).isEqualTo("Field & Fen Notes");
      assertThat(feed.language()).isEqualTo("en-GB");
      assertThat(titles(feed))
          .containsExactly(
              "Otters return to the lower river", "Reed cutting season ends", "Heron count");
      assertThat(feed.skipped())
          .containsExactly(
              "item 4: could not be read (it is not a JSON object)",
              "item 5: no title, link or guid");

      FeedItem otters = feed.items().get(0);
      assertThat(otters.guid()).isEqualTo("https://fen.example/2024/otters");
      assertThat(otters.link())
          .as("relative to feed_url")
          .isEqualTo("https://fen.example/2024/otters");
      assertThat(otters.authors()).containsExactly("Rhiannon Hughes", "Ola Nordmann");
      assertThat(otters.contentHtml())
          .isEqualTo("<p>Three were seen on Sunday — a first since 2011.</p>");
      assertThat(otters.summaryHtml()).isEqualTo("Good news &lt;for&gt; the river");
      assertThat(otters.published()).isEqualTo(Instant.parse("2024-05-05T07:00:00Z"));
      assertThat(otters.updated()).isEqualTo(Instant.parse("2024-05-05T10:30:00Z"));
      assertThat(otters.tags()).containsExactly("Wildlife", "rivers");
      assertThat(otters.image())
          .isEqualTo(new LeadImage("https://fen.example/images/otters.jpg", null, null));
      assertThat(otters.language()).isEqualTo("en-GB");

      FeedItem reeds = feed.items().get(1);
      assertThat(reeds.guid()).as("numeric id").isEqualTo("42");
      assertThat(reeds.authors())
          .as("JSON Feed 1.0 author")
          .containsExactly("Søren Kierkegaard-Lund");
      assertThat(reeds.contentHtml())
          .isEqualTo(
              "<p>The last bundles were stacked on Friday.</p>"
                  + "<p>They dry until &lt;autumn&gt; &amp; then go to market.</p>");
      assertThat(reeds.published())
          .as("no offset means UTC")
          .isEqualTo(Instant.parse("2024-05-03T17:45:00Z"));
      assertThat(reeds.language()).isEqualTo("da");
      assertThat(reeds.image().url()).isEqualTo("https://fen.example/images/reeds-banner.jpg");

      FeedItem heron = feed.items().get(2);
      assertThat(heron.published()).as("RFC 1123").isEqualTo(Instant.parse("2024-05-03T09:00:00Z"));
      assertThat(heron.image())
          .isEqualTo(
              new LeadImage("https://fen.example/images/heron.webp", "A heron on its nest", null));
    }

    @Test
    void ninjs1() throws FeedException {
      ParsedFeed feed = parse("ninjs1.json");
      assertThat(feed.format()).isEqualTo(FeedFormat.NINJS);
      assertThat(feed.items()).hasSize(1);
      FeedItem rail = feed.items().get(0);
      assertThat(rail.guid()).isEqualTo("urn:newsml:wire.example:20240507:nordic-rail");
      assertThat(rail.link()).isNull();
      assertThat(rail.title()).isEqualTo("Night train to Narvik returns – with sleeper cars");
      assertThat(rail.authors()).containsExactly("By Astrid Lindqvist and Jonas Berg");
      assertThat(rail.contentHtml()).isEqualTo("<p>The route reopens in <b>June</b>.</p>");
      assertThat(rail.summaryHtml()).isEqualTo("Sleeper service is back.");
      assertThat(rail.published()).isEqualTo(Instant.parse("2024-05-07T09:00:00Z"));
      assertThat(rail.updated()).isEqualTo(Instant.parse("2024-05-07T11:20:00Z"));
      assertThat(rail.embargoedUntil()).isEqualTo(Instant.parse("2024-05-07T12:00:00Z"));
      assertThat(rail.version()).isEqualTo(3L);
      assertThat(rail.pubStatus()).isEqualTo(PubStatus.USABLE);
      assertThat(rail.language()).isEqualTo("sv");
      assertThat(rail.tags()).containsExactly("Rail transport", "Tourism");
      assertThat(rail.image())
          .isEqualTo(
              new LeadImage(
                  "https://img.wire.example/1-large.jpg",
                  "A restored sleeper car at Abisko station.",
                  "© Wire Example / Nils Holm"));
    }

    @Test
    void ninjs2() throws FeedException {
      FeedItem dam = parse("ninjs2.json").items().get(0);
      assertThat(dam.guid()).isEqualTo("https://wire.example/items/8812");
      assertThat(dam.title()).isEqualTo("Engineers begin a week-long inspection of the dam");
      assertThat(dam.authors()).containsExactly("Chidi Okonkwo");
      assertThat(dam.contentHtml()).isEqualTo("<p>Engineers started on <em>Monday</em>.</p>");
      assertThat(dam.summaryHtml()).isEqualTo("A routine check, officials say.");
      assertThat(dam.published()).isEqualTo(Instant.parse("2024-05-08T13:05:00Z"));
      assertThat(dam.version()).isEqualTo(7L);
      assertThat(dam.pubStatus()).isEqualTo(PubStatus.WITHHELD);
      assertThat(dam.embargoedUntil()).isNull();
      assertThat(dam.tags()).containsExactly("Infrastructure", "dam", "inspection", "Maria Costa");
      assertThat(dam.image())
          .isEqualTo(
              new LeadImage(
                  "https://img.wire.example/8812-l.jpg",
                  "The dam from the north bank",
                  "Photo: Wire Example"));
    }

    @Test
    void ninjs3CamelCaseAndRightToLeftText() throws FeedException {
      FeedItem library = parse("ninjs3.json", "https://wire.example/api/items").items().get(0);
      assertThat(library.title()).isEqualTo("افتتاح مكتبة جديدة في عمّان");
      assertThat(library.authors()).containsExactly("مراسلنا في عمّان");
      assertThat(library.contentHtml()).isEqualTo("<p>افتتحت المكتبة أبوابها صباح اليوم.</p>");
      assertThat(library.summaryHtml()).isEqualTo("<p>مكتبة جديدة</p>");
      assertThat(library.published())
          .as("firstCreated without seconds")
          .isEqualTo(Instant.parse("2024-05-09T06:00:00Z"));
      assertThat(library.updated()).isEqualTo(Instant.parse("2024-05-09T07:45:00Z"));
      assertThat(library.embargoedUntil()).isEqualTo(Instant.parse("2024-05-10T00:00:00Z"));
      assertThat(library.pubStatus()).isEqualTo(PubStatus.CANCELED);
      assertThat(library.version()).isEqualTo(12L);
      assertThat(library.language()).isEqualTo("ar");
      assertThat(library.tags()).containsExactly("Culture");
      assertThat(library.image())
          .isEqualTo(
              new LeadImage(
                  "https://wire.example/img/9930-web.jpg",
                  "The reading room on opening day.",
                  "Wire Example 2024"));
    }

    @Test
    void ninjsList() throws FeedException {
      ParsedFeed feed = parse("ninjs-list.json");
      assertThat(feed.format()).isEqualTo(FeedFormat.NINJS);
      assertThat(titles(feed))
          .containsExactly("Wind farm gets go-ahead", "Correction: wind farm capacity");
      assertThat(feed.skipped()).containsExactly("item 2: no title, link or guid");
      FeedItem wind = feed.items().get(0);
      assertThat(wind.contentHtml())
          .isEqualTo("<p>The decision came on Friday.</p><p>Construction starts next year.</p>");
      assertThat(wind.pubStatus()).as("QCode prefix").isEqualTo(PubStatus.USABLE);
      FeedItem correction = feed.items().get(1);
      assertThat(correction.pubStatus()).isEqualTo(PubStatus.CANCELED);
      assertThat(correction.version()).isEqualTo(2L);
      assertThat(correction.contentHtml()).isNull();
    }

    @Test
    void ninjsAsABareArray() throws FeedException {
      byte[] body =
          "[{\"uri\":\"urn:a\",\"headline\":\"One\"},{\"uri\":\"urn:b\",\"headline\":\"Two\"}]"
              .getBytes(UTF_8);
      ParsedFeed feed = FeedParser.parse(body, "application/json", FeedFormat.AUTO, null);
      assertThat(feed.format()).isEqualTo(FeedFormat.NINJS);
      assertThat(titles(feed)).containsExactly("One", "Two");
    }

    @Test
    void emptyFeedHasNoItemsAndNoComplaints() throws FeedException {
      ParsedFeed feed = parse("empty-feed.xml");
      assertThat(feed.title()).isEqualTo("Test Desk");
      assertThat(feed.items()).isEmpty();
      assertThat(feed.skipped()).isEmpty();
    }
  }

  @Nested
  class Encodings {
    @Test
    void latin1DeclaredWinsOverAWrongContentTypeCharset() throws FeedException {
      ParsedFeed feed =
          FeedParser.parse(
              fixture("latin1-declared.xml"), "text/xml; charset=utf-8", FeedFormat.AUTO, null);
      assertThat(titles(feed))
          .containsExactly("Crème brûlée à la carte ¡sí!", "Smørrebrød © Café Müller");
    }

    @Test
    void declaredUtf8ButWindows1252Bytes() throws FeedException {
      assertThat(titles(parse("wrong-encoding.xml")))
          .containsExactly("“Café” owners say — we’re open");
    }

    @Test
    void utf8WithByteOrderMark() throws FeedException {
      assertThat(titles(parse("utf8-bom.xml"))).containsExactly("A naïve façade");
    }

    @Test
    void utf16() throws FeedException {
      ParsedFeed feed = parse("utf16.xml");
      assertThat(titles(feed)).containsExactly("مرحبا بالعالم — Καλημέρα");
      assertThat(feed.language()).isEqualTo("ar");
    }

    @Test
    void contentTypeCharsetWhenTheDocumentSaysNothing() throws FeedException {
      byte[] body =
          "<rss version=\"2.0\"><channel><title>x</title><item><title>Señor Núñez</title></item></channel></rss>"
              .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      ParsedFeed feed =
          FeedParser.parse(body, "application/rss+xml; charset=ISO-8859-1", FeedFormat.AUTO, null);
      assertThat(titles(feed)).containsExactly("Señor Núñez");
    }

    @Test
    void utf8WithAStrayWindows1252Byte() throws FeedException {
      byte[] head =
          "<rss version=\"2.0\"><channel><title>x</title><item><title>Zoë".getBytes(UTF_8);
      byte[] tail = "s café</title></item></channel></rss>".getBytes(UTF_8);
      byte[] body = new byte[head.length + 1 + tail.length];
      System.arraycopy(head, 0, body, 0, head.length);
      body[head.length] = (byte) 0x92; // windows-1252 right single quote
      System.arraycopy(tail, 0, body, head.length + 1, tail.length);
      assertThat(titles(FeedParser.parse(body, null, FeedFormat.AUTO, null)))
          .containsExactly("Zoë’s café");
    }

    @Test
    void latin1DeclaredButActuallyUtf8() throws FeedException {
      byte[] body =
          ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss"
                  + " version=\"2.0\"><channel><title>x</title><item><title>Ærøskøbing —"
                  + " “quoted”</title></item></channel></rss>")
              .getBytes(UTF_8);
      assertThat(titles(FeedParser.parse(body, null, FeedFormat.AUTO, null)))
          .containsExactly("Ærøskøbing — “quoted”");
    }
  }

  @Nested
  class BrokenButReadable {
    @Test
    void junkBeforeTheFirstTag() throws FeedException {
      assertThat(titles(parse("junk-before-tag.xml"))).containsExactly("Junk did not stop us");
    }

    @Test
    void controlCharactersAreDropped() throws FeedException {
      FeedItem item = parse("control-chars.xml").items().get(0);
      assertThat(item.title()).isEqualTo("Bell and vertical tabs");
      assertThat(item.summaryHtml()).isEqualTo("Formfeed and null removed; tab\tand newline kept.");
    }

    @Test
    void htmlNamedEntities() throws FeedException {
      FeedItem item = parse("html-entities.xml").items().get(0);
      // Titles are plain text: no-break spaces become spaces; other characters stay as sent.
      assertThat(item.title()).isEqualTo("Fish & chips — José’s café… “open” <3");
      assertThat(item.summaryHtml()).isEqualTo("<p>Price:\u00a0£5</p>");
    }

    @Test
    void bareAmpersands() throws FeedException {
      FeedItem item = parse("bare-ampersand.xml").items().get(0);
      assertThat(item.title()).isEqualTo("Salt & Pepper & AT&T; fish &chips");
      assertThat(item.link()).isEqualTo("https://desk.example/search?q=salt&page=2");
      assertThat(item.summaryHtml()).isEqualTo("R&D budget up 5% & rising");
    }

    @Test
    void htmlInTitlesIsReducedToText() throws FeedException {
      assertThat(titles(parse("html-in-titles.xml")))
          .containsExactly(
              "Bold move by the council", "Storm warning & advice", "Tom & Jerry return");
    }

    @Test
    void missingGuids() throws FeedException {
      ParsedFeed feed = parse("missing-guids.xml");
      assertThat(feed.items()).extracting(FeedItem::guid).containsOnlyNulls();
      assertThat(feed.items())
          .extracting(FeedItem::title, FeedItem::link)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "Has a link but no guid", "https://desk.example/no-guid"),
              org.assertj.core.groups.Tuple.tuple("Has only a title", null),
              org.assertj.core.groups.Tuple.tuple(null, "https://desk.example/link-only"));
      assertThat(feed.skipped()).containsExactly("item 3: no title, link or guid");
    }

    @Test
    void duplicateGuids() throws FeedException {
      ParsedFeed feed = parse("duplicate-guids.xml");
      assertThat(feed.items())
          .extracting(FeedItem::title, FeedItem::guid)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Same story", "dup-1"),
              org.assertj.core.groups.Tuple.tuple("First of two", null),
              org.assertj.core.groups.Tuple.tuple("Second of two", null),
              org.assertj.core.groups.Tuple.tuple("Unique", "unique"));
      assertThat(feed.skipped())
          .containsExactly("item 2: repeats item 1 (same guid \"dup-1\" and link)");
    }

    @Test
    void truncatedFeedKeepsTheCompleteItems() throws FeedException {
      ParsedFeed feed = parse("truncated.xml");
      assertThat(titles(feed)).containsExactly("Complete one", "Complete two");
      assertThat(feed.skipped()).hasSize(1);
      assertThat(feed.skipped().get(0))
          .startsWith("the feed is not well-formed XML (line ")
          .contains("kept the complete items before that point");
    }

    @Test
    void truncatedBeforeAnyItemFailsWithTheLine() {
      byte[] body =
          "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Cut".getBytes(UTF_8);
      FeedException e = failure(body, FeedFormat.AUTO);
      assertThat(e).hasMessageStartingWith("the feed is not well-formed XML (line 4)");
    }

    @Test
    void datesInManyFormats() throws FeedException {
      ParsedFeed feed = parse("dates-many-formats.xml");
      assertThat(feed.items())
          .extracting(FeedItem::guid, FeedItem::published)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "rfc822-est", Instant.parse("2024-05-07T14:15:00Z")),
              org.assertj.core.groups.Tuple.tuple(
                  "rfc822-pdt", Instant.parse("2024-05-07T16:15:00Z")),
              org.assertj.core.groups.Tuple.tuple(
                  "iso-offset", Instant.parse("2024-05-07T07:15:00Z")),
              org.assertj.core.groups.Tuple.tuple(
                  "iso-no-seconds", Instant.parse("2024-05-07T09:15:00Z")),
              org.assertj.core.groups.Tuple.tuple(
                  "two-digit-year", Instant.parse("2024-05-07T09:15:00Z")),
              org.assertj.core.groups.Tuple.tuple(
                  "rfc822-no-seconds", Instant.parse("2024-05-07T08:15:00Z")),
              org.assertj.core.groups.Tuple.tuple("garbage", null));
    }

    @Test
    void datesRomeRefusesAreReadInEveryFormatAndOneThatCannotBeIsNamed() throws FeedException {
      String atom =
          """
          <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id>
          <entry><id>urn:a:1</id><title>Spaced</title><published>2024-05-07 09:15:00</published>
            <updated>2024-05-08T10:00:00Z</updated></entry>
          <entry><id>urn:a:2</id><title>Updated only</title><updated>Tue,07 May 2024 10:15:00 GMT</updated></entry>
          <entry><id>urn:a:3</id><title>Unreadable</title><published>soon</published><updated>later</updated></entry>
          </feed>
          """;
      assertThat(FeedParser.parse(atom.getBytes(UTF_8), null, FeedFormat.AUTO, null).items())
          .extracting(
              FeedItem::guid, FeedItem::published, FeedItem::updated, FeedItem::unreadableDate)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "urn:a:1",
                  Instant.parse("2024-05-07T09:15:00Z"),
                  Instant.parse("2024-05-08T10:00:00Z"),
                  null),
              org.assertj.core.groups.Tuple.tuple(
                  "urn:a:2", null, Instant.parse("2024-05-07T10:15:00Z"), null),
              org.assertj.core.groups.Tuple.tuple("urn:a:3", null, null, "soon"));

      String rdf =
          """
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                   xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link>
            <description>d</description></channel>
          <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link>
            <dc:date>2024-05-07 09:15:00 +0200</dc:date></item>
          </rdf:RDF>
          """;
      assertThat(FeedParser.parse(rdf.getBytes(UTF_8), null, FeedFormat.AUTO, null).items())
          .extracting(FeedItem::published)
          .containsExactly(Instant.parse("2024-05-07T07:15:00Z"));

      String json =
          """
          {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
            {"id": "j1", "title": "Comma", "content_text": "x", "date_published": "Tue,07 May 2024 09:15:00 GMT"},
            {"id": "j2", "title": "Whenever", "content_text": "x", "date_published": "whenever"}]}
          """;
      assertThat(FeedParser.parse(json.getBytes(UTF_8), null, FeedFormat.AUTO, null).items())
          .extracting(FeedItem::guid, FeedItem::published, FeedItem::unreadableDate)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "j1", Instant.parse("2024-05-07T09:15:00Z"), null),
              org.assertj.core.groups.Tuple.tuple("j2", null, "whenever"));

      String ninjs =
          """
          [{"uri": "urn:n:1", "headline": "Zoned", "body_text": "x", "versioncreated": "2024-05-07 09:15:00 EDT"},
           {"uri": "urn:n:2", "headline": "Unknown", "body_text": "x", "firstcreated": "n/a", "versioncreated": "n/a"}]
          """;
      assertThat(FeedParser.parse(ninjs.getBytes(UTF_8), null, FeedFormat.AUTO, null).items())
          .extracting(FeedItem::guid, FeedItem::published, FeedItem::unreadableDate)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "urn:n:1", Instant.parse("2024-05-07T13:15:00Z"), null),
              org.assertj.core.groups.Tuple.tuple("urn:n:2", null, "n/a"));
    }

    @Test
    void unknownRssVersionIsReadAsRss20() throws FeedException {
      byte[] body =
          "<rss version=\"3.0\"><channel><title>x</title><item><title>Still read</title></item></channel></rss>"
              .getBytes(UTF_8);
      assertThat(titles(FeedParser.parse(body, null, FeedFormat.AUTO, null)))
          .containsExactly("Still read");
    }

    @Test
    void onlyWebLinksAreKept() throws FeedException {
      byte[] body =
          ("<rss version=\"2.0\"><channel><title>x</title>"
                  + "<item><title>a</title><link>javascript:alert(1)</link>"
                  + "<enclosure url=\"file:///etc/passwd\" type=\"image/png\"/></item>"
                  + "<item><title>b</title><link>relative/without/base</link></item>"
                  + "</channel></rss>")
              .getBytes(UTF_8);
      ParsedFeed feed = FeedParser.parse(body, null, FeedFormat.AUTO, null);
      assertThat(feed.items()).extracting(FeedItem::link).containsOnlyNulls();
      assertThat(feed.items().get(0).image()).isNull();
    }
  }

  @Nested
  class Hostile {
    @ParameterizedTest
    @ValueSource(strings = {"billion-laughs.xml", "xxe-file.xml", "xxe-parameter-entity.xml"})
    void doctypesAreRefusedQuicklyAndNothingLeaks(String name) {
      FeedException e = failure(name);
      assertThat(e).hasMessageContaining("DOCTYPE").hasMessageContaining("refused for safety");
      assertThat(e.getMessage()).doesNotContain("root:").doesNotContain("lollol");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "garbage first\n"
              + "<!doctype rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss"
              + " version=\"2.0\"><channel><title>&x;</title></channel></rss>",
          "<?xml version=\"1.0\"?><!-- <rss> --><!DOCTYPE rss [<!ENTITY x SYSTEM"
              + " \"file:///etc/passwd\">]><rss"
              + " version=\"2.0\"><channel><title>&x;</title></channel></rss>",
          "<rss version=\"2.0\"><channel><title>x</title><!DOCTYPE y [<!ENTITY x SYSTEM"
              + " \"file:///etc/passwd\">]><item><title>&x;</title></item></channel></rss>",
        })
    void doctypeVariantsAreRefusedToo(String xml) {
      FeedException e = failure(xml.getBytes(UTF_8), FeedFormat.AUTO);
      assertThat(e).hasMessage(XmlRepair.DOCTYPE_REFUSED);
    }

    @Test
    void aDoctypeNamingOnlyAnExternalDtdIsIgnoredAndNeverFetched(@TempDir Path dir)
        throws Exception {
      Path secret = dir.resolve("secret.dtd");
      Files.writeString(secret, "<!ENTITY x \"TOP-SECRET-MARKER\">");
      String xml =
          "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
              + " \""
              + secret.toUri()
              + "\">\n<rss version=\"0.91\"><channel><title>Old feed</title>"
              + "<link>https://old.example/</link><description>d</description><language>en</language>"
              + "<item><title>Caf&eacute; opens</title><link>https://old.example/1</link></item>"
              + "</channel></rss>";
      ParsedFeed feed = FeedParser.parse(xml.getBytes(UTF_8), null, FeedFormat.AUTO, null);
      assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Café opens");
      assertThat(feed.toString()).doesNotContain("TOP-SECRET-MARKER");
    }

    @Test
    void theParserItselfRefusesDoctypesShouldTheRepairStepMissOne(@TempDir Path dir)
        throws IOException {
      Path secret = dir.resolve("secret.txt");
      Files.writeString(secret, "TOP-SECRET-MARKER");
      String xml =
          "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
              + secret.toUri()
              + "\">]><rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
      Throwable e =
          assertTimeoutPreemptively(
              NO_HANG, () -> catchThrowableOfType(JDOMException.class, () -> SafeXml.parse(xml)));
      assertThat(e).hasMessageContaining("DOCTYPE");
      assertThat(e.getMessage()).doesNotContain("TOP-SECRET-MARKER");
    }

    @Test
    void theParserItselfRefusesEntityBombs() {
      String xml = new String(fixture("billion-laughs.xml"), UTF_8);
      Throwable e =
          assertTimeoutPreemptively(
              NO_HANG, () -> catchThrowableOfType(JDOMException.class, () -> SafeXml.parse(xml)));
      assertThat(e).hasMessageContaining("DOCTYPE");
    }

    @Test
    void anUndeclaredEntityIsKeptAsText() throws FeedException {
      byte[] body =
          "<rss version=\"2.0\"><channel><title>x</title><item><title>a &xxe; b</title></item></channel></rss>"
              .getBytes(UTF_8);
      assertThat(titles(FeedParser.parse(body, null, FeedFormat.AUTO, null)))
          .containsExactly("a &xxe; b");
    }

    @Test
    void htmlPageIsNotAFeed() {
      assertThat(failure("not-a-feed.html")).hasMessage("the document is an HTML page, not a feed");
    }

    @Test
    void xmlThatIsNotAFeed() {
      FeedException e =
          failure(
              "<?xml version=\"1.0\"?><note><to>you</to></note>".getBytes(UTF_8), FeedFormat.AUTO);
      assertThat(e)
          .hasMessage(
              "the document is XML but not an RSS or Atom feed (its root element is <note>)");
    }

    @Test
    void deeplyNestedJson() {
      assertThat(failure("deeply-nested.json"))
          .hasMessageContaining("nests more than 200 levels deep");
    }

    @Test
    void deeplyNestedXml() {
      String deep = "<div>".repeat(5_000) + "x" + "</div>".repeat(5_000);
      byte[] body =
          ("<rss version=\"2.0\"><channel><title>x</title><item><title>a</title><description>"
                  + deep
                  + "</description></item></channel></rss>")
              .getBytes(UTF_8);
      assertThat(failure(body, FeedFormat.AUTO))
          .hasMessageContaining("nests elements more than 256 deep");
    }

    @Test
    void hugeJsonString() {
      String huge = "a".repeat(FeedParser.MAX_JSON_STRING + 1);
      byte[] body =
          ("{\"uri\":\"urn:x\",\"headline\":\"big\",\"body_text\":\"" + huge + "\"}")
              .getBytes(UTF_8);
      assertThat(failure(body, FeedFormat.AUTO))
          .hasMessageContaining(
              "holds a text longer than " + FeedParser.MAX_JSON_STRING + " characters");
    }

    @Test
    void aLongButReasonableJsonStringIsFine() throws FeedException {
      String body = "word ".repeat(100_000);
      byte[] json =
          ("{\"uri\":\"urn:x\",\"headline\":\"long\",\"body_text\":\"" + body + "\"}")
              .getBytes(UTF_8);
      FeedItem item = FeedParser.parse(json, null, FeedFormat.AUTO, null).items().get(0);
      assertThat(item.contentHtml()).hasSizeGreaterThan(500_000);
    }

    @Test
    void invalidJson() {
      FeedException e =
          failure("{\"uri\": \"urn:x\",\n \"headline\": }".getBytes(UTF_8), FeedFormat.AUTO);
      assertThat(e).hasMessageStartingWith("the feed is not valid JSON (line 2, column");
    }

    @Test
    void jsonThatIsNeitherFormat() {
      FeedException e = failure("{\"hello\": \"world\"}".getBytes(UTF_8), FeedFormat.AUTO);
      assertThat(e).hasMessageStartingWith("the JSON document is neither a JSON Feed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\t "})
    void emptyBody(String body) {
      assertThat(failure(body.getBytes(UTF_8), FeedFormat.AUTO)).hasMessage("the feed is empty");
    }

    @Test
    void tenMegabyteFeedParses() throws FeedException {
      StringBuilder xml = new StringBuilder(11 * 1024 * 1024);
      xml.append(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss"
              + " version=\"2.0\"><channel><title>Big</title>");
      // Escaped HTML, not CDATA: millions of &lt; and &gt; must not trip the JDK's entity limits.
      String paragraph = "&lt;p&gt;Lorem ipsum dolor — “quoted” &amp; bulk.&lt;/p&gt;".repeat(14);
      int count = 0;
      while (xml.length() < 10 * 1024 * 1024) {
        count++;
        xml.append("<item><title>Item ")
            .append(count)
            .append("</title><link>https://big.example/")
            .append(count)
            .append("</link><guid>big-")
            .append(count)
            .append("</guid><description>")
            .append(paragraph)
            .append("</description></item>");
      }
      xml.append("</channel></rss>");
      byte[] body = xml.toString().getBytes(UTF_8);
      assertThat(body.length).isBetween(10 * 1024 * 1024, FeedParser.MAX_BYTES);
      ParsedFeed feed = FeedParser.parse(body, null, FeedFormat.AUTO, null);
      assertThat(feed.items()).hasSize(count);
      assertThat(feed.items().get(count - 1).title()).isEqualTo("Item " + count);
      assertThat(feed.items().get(0).summaryHtml())
          .startsWith("<p>Lorem ipsum dolor — “quoted” & bulk.</p><p>");
      assertThat(feed.skipped()).isEmpty();
    }

    @Test
    void overTwentyMegabytesIsRefused() {
      byte[] body = new byte[25 * 1024 * 1024];
      java.util.Arrays.fill(body, (byte) 'a');
      body[0] = '<';
      assertThat(failure(body, FeedFormat.AUTO))
          .hasMessage("the feed is 25.0 MB, over the 20 MB limit");
    }
  }

  @Nested
  class Fields {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        nullValues = "null",
        value = {
          "2024-05-07T09:15:00Z           | 2024-05-07T09:15:00Z",
          "2024-05-07T09:15:00.250+02:00  | 2024-05-07T07:15:00.250Z",
          "2024-05-07T09:15:00+0200       | 2024-05-07T07:15:00Z",
          "2024-05-07T09:15+02            | 2024-05-07T07:15:00Z",
          "2024-05-07T09:15               | 2024-05-07T09:15:00Z",
          "2024-05-07 09:15:30            | 2024-05-07T09:15:30Z",
          "2024-05-07                     | 2024-05-07T00:00:00Z",
          "Tue, 7 May 2024 09:15:00 GMT   | 2024-05-07T09:15:00Z",
          "Tue, 07 May 2024 09:15:00 EST  | 2024-05-07T14:15:00Z",
          "yesterday                      | null",
          "2024-13-45T99:99               | null",
        })
    void jsonDates(String raw, String expected) {
      assertThat(ItemFields.date(raw)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        nullValues = "null",
        value = {
          "https://a.example/feed.xml | /x/y         | https://a.example/x/y",
          "https://a.example/d/f.xml  | y?q=1&r=2    | https://a.example/d/y?q=1&r=2",
          "https://a.example          | y            | https://a.example/y",
          "https://a.example/d/       | //cdn.example/i.jpg | https://cdn.example/i.jpg",
          "https://a.example/         | 'a b|c.jpg'  | https://a.example/a%20b%7Cc.jpg",
          "https://a.example/         | https://b.example/ö | https://b.example/ö",
          "null                       | /relative    | null",
          "https://a.example/         | javascript:alert(1) | null",
          "https://a.example/         | data:image/png;base64,AAAA | null",
          "https://a.example/         | mailto:x@a.example | null",
          "https://a.example/         | http://[bad  | null",
        })
    void urls(String base, String href, String expected) {
      assertThat(ItemFields.absoluteUrl(base, href)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        nullValues = "null",
        value = {
          "en-us | en-US",
          "en_GB | en-GB",
          "ar | ar",
          "English | null",
          "'' | null",
          "x | null"
        })
    void languages(String raw, String expected) {
      assertThat(ItemFields.language(raw)).isEqualTo(expected);
    }
  }

  @Nested
  class ForcedFormats {
    @Test
    void jsonFeedExpectedButXml() {
      assertThat(failure(fixture("rss20.xml"), FeedFormat.JSONFEED))
          .hasMessage("expected JSON Feed but the document is XML");
    }

    @Test
    void rssExpectedButJson() {
      assertThat(failure(fixture("jsonfeed11.json"), FeedFormat.RSS))
          .hasMessage("expected RSS but the document is JSON");
    }

    @Test
    void rssExpectedButAtom() {
      assertThat(failure(fixture("atom.xml"), FeedFormat.RSS))
          .hasMessage("expected RSS but the document is Atom");
    }

    @Test
    void jsonFeedExpectedButNinjs() {
      assertThat(failure(fixture("ninjs2.json"), FeedFormat.NINJS)).isNull();
      assertThat(failure(fixture("ninjs2.json"), FeedFormat.JSONFEED))
          .hasMessage("expected JSON Feed but the document is ninjs");
    }

    @Test
    void matchingFormatsAreRead() throws FeedException {
      assertThat(FeedParser.parse(fixture("atom.xml"), null, FeedFormat.ATOM, null).items())
          .hasSize(3);
      assertThat(FeedParser.parse(fixture("rss10-rdf.xml"), null, FeedFormat.RSS, null).items())
          .hasSize(2);
      assertThat(
              FeedParser.parse(fixture("jsonfeed11.json"), null, FeedFormat.JSONFEED, null).items())
          .hasSize(3);
    }
  }
}
