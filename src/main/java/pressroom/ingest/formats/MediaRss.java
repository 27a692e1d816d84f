package pressroom.ingest.formats;

import static pressroom.ingest.formats.ItemFields.absoluteUrl;
import static pressroom.ingest.formats.ItemFields.plainText;
import static pressroom.ingest.formats.ItemFields.trimToNull;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import java.util.List;
import org.jdom2.Element;
import pressroom.ingest.formats.FeedItem.LeadImage;

/**
 * An item's lead image: its image enclosure, else Media RSS (media:content, media:group,
 * media:thumbnail) found in its foreign markup, with the caption and credit Media RSS gives.
 */
record MediaRss(LeadImage content, LeadImage thumbnail, String caption, String credit) {
  private static final String MEDIA_RSS = "http://search.yahoo.com/mrss";

  /** An RSS item's first image enclosure, described by its Media RSS, else its Media RSS image. */
  static LeadImage rssImage(SyndEntry entry, String base) {
    MediaRss media = MediaRss.of(entry.getForeignMarkup(), base);
    for (SyndEnclosure enclosure : entry.getEnclosures()) {
      String url = absoluteUrl(base, enclosure.getUrl());
      boolean image =
          ItemFields.isImageType(enclosure.getType())
              || (trimToNull(enclosure.getType()) == null && ItemFields.looksLikeImageUrl(url));
      if (url != null && image) {
        return media.describe(url);
      }
    }
    return media.image();
  }

  /** The same for an Atom entry, whose enclosures are links. */
  static LeadImage atomImage(SyndEntry entry, Entry atom, String base) {
    MediaRss media = MediaRss.of(entry.getForeignMarkup(), base);
    for (Link link : atom.getOtherLinks()) {
      if ("enclosure".equals(link.getRel()) && ItemFields.isImageType(link.getType())) {
        String url = absoluteUrl(base, link.getHref());
        if (url != null) {
          return media.describe(url);
        }
      }
    }
    return media.image();
  }

  /** The Media RSS elements of an item's foreign markup. */
  static MediaRss of(List<Element> markup, String base) {
    LeadImage content = null;
    LeadImage thumbnail = null;
    String caption = null;
    String credit = null;
    for (Element element : markup) {
      if (!element.getNamespaceURI().startsWith(MEDIA_RSS)) {
        continue;
      }
      switch (element.getName()) {
        case "content", "group" ->
            content = content != null ? content : contentImage(element, base);
        case "thumbnail" ->
            thumbnail = thumbnail != null ? thumbnail : image(element, base, null, null);
        case "description" -> caption = caption != null ? caption : plainText(element.getText());
        case "title" -> caption = caption != null ? caption : plainText(element.getText());
        case "credit" -> credit = credit != null ? credit : plainText(element.getText());
        default -> {}
      }
    }
    return new MediaRss(content, thumbnail, caption, credit);
  }

  /** The first image media:content of a media:content or media:group element, or null. */
  private static LeadImage contentImage(Element element, String base) {
    if (element.getName().equals("group")) {
      String caption = childText(element, "description", "title");
      String credit = childText(element, "credit");
      for (Element child : element.getChildren()) {
        if (child.getName().equals("content") && isImage(child)) {
          LeadImage image = image(child, base, caption, credit);
          if (image != null) {
            return image;
          }
        }
      }
      return null;
    }
    return isImage(element) ? image(element, base, null, null) : null;
  }

  private static boolean isImage(Element content) {
    String medium = content.getAttributeValue("medium");
    String type = content.getAttributeValue("type");
    if (medium != null) {
      return medium.strip().equalsIgnoreCase("image");
    }
    if (type != null) {
      return ItemFields.isImageType(type);
    }
    return ItemFields.looksLikeImageUrl(content.getAttributeValue("url"));
  }

  private static LeadImage image(Element element, String base, String caption, String credit) {
    String url = absoluteUrl(base, element.getAttributeValue("url"));
    if (url == null) {
      return null;
    }
    String ownCaption = childText(element, "description", "title");
    String ownCredit = childText(element, "credit");
    return new LeadImage(
        url, ownCaption != null ? ownCaption : caption, ownCredit != null ? ownCredit : credit);
  }

  private static String childText(Element parent, String... names) {
    for (String name : names) {
      for (Element child : parent.getChildren()) {
        if (child.getName().equals(name) && child.getNamespaceURI().startsWith(MEDIA_RSS)) {
          String text = plainText(child.getText());
          if (text != null) {
            return text;
          }
        }
      }
    }
    return null;
  }

  /** The best image: media:content, else media:thumbnail, with item-level caption and credit. */
  LeadImage image() {
    LeadImage chosen = content != null ? content : thumbnail;
    return chosen == null ? null : describe(chosen);
  }

  /** An enclosure's URL with the caption and credit the media elements give. */
  LeadImage describe(String url) {
    LeadImage same = content != null && content.url().equals(url) ? content : null;
    return describe(same != null ? same : new LeadImage(url, null, null));
  }

  private LeadImage describe(LeadImage image) {
    return new LeadImage(
        image.url(),
        image.caption() != null ? image.caption() : caption,
        image.credit() != null ? image.credit() : credit);
  }
}
