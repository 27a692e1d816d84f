package pressroom.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlRepairTest {
  private static final String HEAD =
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><title>";
  private static final String TAIL = "</title></item></channel></rss>";

  @Test
  void aFeedThatNeedsNothingIsNotCopied() throws FeedException {
    String feed = HEAD + "Port &amp; rail “talks” resume 😀 <![CDATA[a & b]]>" + TAIL;
    assertThat(XmlRepair.repair(feed).xml()).isSameAs(feed);
  }

  @Test
  void whatXmlForbidsIsRepairedAndTheRestKept() throws FeedException {
    String feed = HEAD + "A&nbsp;B & C\u0001 D&bogus; <![CDATA[x & y]]> &#1;&#38;" + TAIL;
    assertThat(XmlRepair.repair(feed).xml())
        .isEqualTo(HEAD + "A&#160;B &amp; C D&amp;bogus; <![CDATA[x & y]]> &#38;" + TAIL);
  }

  @Test
  void junkBeforeTheFeedIsCutWithoutOtherChanges() throws FeedException {
    String feed = HEAD + "Plain title" + TAIL;
    assertThat(XmlRepair.repair("<br />\n<b>Warning</b>: something\n" + feed).xml())
        .isEqualTo(feed);
  }
}
