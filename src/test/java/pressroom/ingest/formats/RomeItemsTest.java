package pressroom.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RomeItemsTest {
  private static final String[] CREATORS = {
    "Jane Roe",
    " By Ali Hassan and Mary O. Doe ",
    "Rêbaz Şêxanî &amp; Þórdís Jónsdóttir",
    "",
    "Saoirse Ní Bhriain | Wire",
  };

  /**
   * Bylines, tags and language as the import reads them (dc:creator taken before Rome sees it)
   * against what Rome alone gives for the same feed, over seeded random items with and without
   * other Dublin Core elements, authors and categories.
   */
  @Test
  void creatorsTakenBeforeRomeGiveTheBylinesRomeGives() throws Exception {
    Random r = new Random(23);
    for (int feed = 0; feed < 300; feed++) {
      StringBuilder xml =
          new StringBuilder(
              "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                  + "<channel><title>T</title><link>https://x.example/</link><description>D</description>");
      int items = 1 + r.nextInt(4);
      for (int i = 0; i < items; i++) {
        xml.append("<item><title>Item ")
            .append(i)
            .append("</title><guid>g")
            .append(i)
            .append("</guid>");
        for (int c = r.nextInt(3); c > 0; c--) {
          xml.append("<dc:creator>")
              .append(CREATORS[r.nextInt(CREATORS.length)])
              .append("</dc:creator>");
        }
        if (r.nextInt(3) == 0) {
          xml.append("<author>desk@x.example (News Desk)</author>");
        }
        if (r.nextInt(3) == 0) {
          xml.append("<category>Ports</category>");
        }
        if (r.nextInt(3) == 0) {
          xml.append("<dc:subject>Water</dc:subject>");
        }
        if (r.nextInt(4) == 0) {
          xml.append("<dc:language>tr</dc:language>");
        }
        xml.append("<description>Text.</description></item>");
      }
      xml.append("</channel></rss>");
      SyndFeedInput rome = new SyndFeedInput();
      rome.setPreserveWireFeed(true);
      List<SyndEntry> entries = rome.build(new StringReader(xml.toString())).getEntries();
      List<FeedItem> ours =
          FeedParser.parse(
                  xml.toString().getBytes(StandardCharsets.UTF_8), null, FeedFormat.AUTO, null)
              .items();
      assertThat(ours).hasSameSizeAs(entries);
      for (int i = 0; i < ours.size(); i++) {
        SyndEntry entry = entries.get(i);
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        List<String> authors = new ArrayList<>(dc.getCreators());
        Item wire = (Item) entry.getWireEntry();
        if (wire.getAuthor() != null) {
          authors.add(wire.getAuthor());
        }
        List<String> tags = new ArrayList<>();
        for (SyndCategory category : entry.getCategories()) {
          tags.add(category.getName());
        }
        for (DCSubject subject : dc.getSubjects()) {
          tags.add(subject.getValue());
        }
        assertThat(ours.get(i).authors())
            .as("%s item %d", xml, i)
            .isEqualTo(ItemFields.authors(authors));
        assertThat(ours.get(i).tags()).as("%s item %d", xml, i).isEqualTo(ItemFields.tags(tags));
        // The channel names no language here, so an item's is its dc:language or none.
        assertThat(ours.get(i).language()).isEqualTo(ItemFields.language(dc.getLanguage()));
      }
    }
  }
}
