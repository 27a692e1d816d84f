package pressroom.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;

class RomeDatesTest {
  static final List<String> DATES =
      List.of(
          "Sun, 1 Nov 2026 00:00:00 GMT",
          "Sun, 01 Nov 2026 00:00:00 GMT",
          "  Tue, 07 May 2024 09:15:00 +0100\n",
          "Tue, 07 May 2024 09:15 +0100",
          "Tue, 07 May 2024 09:15:00 -0530",
          "07 May 2024 09:15:00 GMT",
          "Thu, 29 Feb 2024 23:59:59 GMT",
          "Mon, 07 May 2024 09:15:00 GMT", // wrong weekday: Rome's lenient reading
          "Tue, 31 Feb 2024 09:15:00 GMT", // no such day: Rome's lenient reading
          "Tue, 07 May 2024 09:15:00 EST",
          "Tue, 07 May 2024 09:15:00 PDT",
          "Tue, 07 May 24 09:15:00 GMT",
          "Tue, 07 May 2024 09:15:00 UT",
          "Tue, 07 May 2024 09:15:00 Z",
          "tue, 07 may 2024 09:15:00 gmt",
          "Tue, 07 May 2024 9:15:00 GMT",
          "2024-05-07T09:15:00+02:00",
          "2024-05-07T09:15:00-05:00",
          "2024-05-07T09:15:00Z",
          "2024-05-07T09:15Z",
          "2024-05-07T09:15:00.123Z",
          "2024-05-07T09:15:00.5Z",
          "2024-05-07T09:15:00.123456+01:00",
          "2024-05-07T09:15:00,123Z",
          "2024-05-07T09:15:00",
          "2024-05-07t09:15:00Z",
          " 2024-05-07T09:15:00Z ",
          "2024-05-07T09:15:00+0200",
          "2024-05-07",
          "2024-13-07T09:15:00Z",
          "1500-05-07T09:15:00Z",
          "next Tuesday-ish, after lunch",
          "");

  @Test
  void whereverItAnswersItAgreesWithRome() {
    int answered = 0;
    for (String raw : DATES) {
      Instant fast = RomeDates.read(raw);
      if (fast != null) {
        answered++;
        Date rome = DateParser.parseDate(raw, Locale.US);
        assertThat(rome).as(raw).isNotNull();
        assertThat(fast).as(raw).isEqualTo(rome.toInstant());
      }
    }
    assertThat(answered).isGreaterThanOrEqualTo(12);
  }

  @Test
  void romeReadsTheRewrittenDateAsTheSameInstant() {
    Element rss = new Element("rss");
    Element channel = new Element("channel");
    Element item = new Element("item");
    rss.addContent(channel);
    channel.addContent(item);
    for (String raw : DATES) {
      item.removeContent();
      item.addContent(new Element("pubDate").setText(raw));
      RomeDates.prepare(rss);
      String rewritten = item.getChildText("pubDate");
      Date before = DateParser.parseDate(raw, Locale.US);
      Date after = DateParser.parseDate(rewritten, Locale.US);
      assertThat(after).as(raw + " -> " + rewritten).isEqualTo(before);
    }
  }

  @Test
  void onlyDatesThatRomeReadsAreTouched() {
    Element rss = new Element("rss");
    Element channel = new Element("channel");
    rss.addContent(channel);
    Element foreign =
        new Element("pubDate", "x", "http://example.com/other")
            .setText("Sun, 1 Nov 2026 00:00:00 GMT");
    Element title = new Element("title").setText("Sun, 1 Nov 2026 00:00:00 GMT");
    channel.addContent(foreign).addContent(title);
    RomeDates.prepare(rss);
    assertThat(foreign.getText()).isEqualTo("Sun, 1 Nov 2026 00:00:00 GMT");
    assertThat(title.getText()).isEqualTo("Sun, 1 Nov 2026 00:00:00 GMT");
  }

  /**
   * Items' published times as the import reads them (dates taken before Rome sees them) against
   * Rome alone on the same feed, over seeded random mixes of dc:date and pubDate in RSS 2.0 and
   * 0.9x feeds, readable here or left to Rome. Where Rome reads no date, the item's date is the
   * first of its texts (dc:dates, then pubDate) that {@link FeedDates} reads.
   */
  @Test
  void itemTimesTakenBeforeRomeAreTheOnesRomeGives() throws Exception {
    java.util.Random r = new java.util.Random(17);
    String[] versions = {null, "2.0", " 2.0 ", "0.91", "0.92", "0.93", "0.94"};
    for (int feed = 0; feed < 300; feed++) {
      String version = versions[r.nextInt(versions.length)];
      StringBuilder xml =
          new StringBuilder(
                  "<?xml version=\"1.0\"?><rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
              .append(version == null ? "" : " version=\"" + version + "\"")
              .append(
                  "><channel><title>T</title><link>https://x.example/</link><description>D</description>");
      int items = 1 + r.nextInt(4);
      List<List<String>> texts = new java.util.ArrayList<>();
      for (int i = 0; i < items; i++) {
        List<String> itemTexts = new java.util.ArrayList<>();
        xml.append("<item><title>Item ")
            .append(i)
            .append("</title><guid>g")
            .append(i)
            .append("</guid>");
        for (int d = r.nextInt(3); d > 0; d--) {
          String date = DATES.get(r.nextInt(DATES.size()));
          itemTexts.add(date);
          xml.append("<dc:date>").append(escape(date)).append("</dc:date>");
        }
        if (r.nextBoolean()) {
          String date = DATES.get(r.nextInt(DATES.size()));
          itemTexts.add(date);
          xml.append("<pubDate>").append(escape(date)).append("</pubDate>");
        }
        xml.append("<description>Text.</description></item>");
        texts.add(itemTexts);
      }
      xml.append("</channel></rss>");
      List<com.rometools.rome.feed.synd.SyndEntry> rome =
          new com.rometools.rome.io.SyndFeedInput()
              .build(new java.io.StringReader(xml.toString()))
              .getEntries();
      List<FeedItem> ours =
          FeedParser.parse(
                  xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  null,
                  FeedFormat.AUTO,
                  null)
              .items();
      assertThat(ours).hasSameSizeAs(rome);
      for (int i = 0; i < ours.size(); i++) {
        Date romes = rome.get(i).getPublishedDate();
        Instant expected = romes != null ? romes.toInstant() : FeedDates.first(texts.get(i));
        assertThat(ours.get(i).published()).as("%s item %d", xml, i).isEqualTo(expected);
      }
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;");
  }
}
