package pressroom.ingest;

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
        new Element("pubDate", "x", "http://example.com/other").setText("Sun, 1 Nov 2026 00:00:00 GMT");
    Element title = new Element("title").setText("Sun, 1 Nov 2026 00:00:00 GMT");
    channel.addContent(foreign).addContent(title);
    RomeDates.prepare(rss);
    assertThat(foreign.getText()).isEqualTo("Sun, 1 Nov 2026 00:00:00 GMT");
    assertThat(title.getText()).isEqualTo("Sun, 1 Nov 2026 00:00:00 GMT");
  }
}
