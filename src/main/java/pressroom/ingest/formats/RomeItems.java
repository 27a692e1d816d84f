package pressroom.ingest.formats;

import static pressroom.ingest.formats.ItemFields.absoluteUrl;
import static pressroom.ingest.formats.ItemFields.plainText;
import static pressroom.ingest.formats.ItemFields.trimToNull;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom with Rome, from a document {@link SafeXml} parsed, then maps
 * Rome's entries to {@link FeedItem}s: their text here, their dates with {@link RomeDates}, their
 * images with {@link MediaRss}.
 */
final class RomeItems {
  private static final Pattern XHTML_DIV =
      Pattern.compile("\\s*<div\\b[^>]*>(.*)</div>\\s*", Pattern.DOTALL);

  private RomeItems() {}

  static FeedParser.Read read(byte[] body, String contentType, String baseUrl)
      throws FeedException {
    XmlRepair.Repaired repaired = XmlRepair.repair(FeedDecoding.decode(body, contentType));
    List<String> notes = new ArrayList<>();
    Document document = SafeXml.parseRecovering(repaired, notes);
    // RSS 2.0 items' dates and bylines are read here, before Rome, and matched to its entries
    // by position.
    List<Element> rssItems = RomeDates.rss2Items(document.getRootElement());
    List<Instant> itemDates = RomeDates.takeItemDates(rssItems);
    List<List<String>> itemCreators = takeCreators(rssItems);
    RomeDates.prepare(document.getRootElement());
    SyndFeed feed = toSyndFeed(document);
    FeedFormat format =
        feed.getFeedType() != null && feed.getFeedType().startsWith("atom")
            ? FeedFormat.ATOM
            : FeedFormat.RSS;
    String title = plainText(feed.getTitle());
    List<Supplier<FeedItem>> items = new ArrayList<>();
    WireFeed wire = feed.originalWireFeed();
    if (wire instanceof Feed atom) {
      Element root = document.getRootElement();
      String language = ItemFields.language(xmlLang(root));
      String base = atomBase(baseUrl, atom);
      List<Element> entryElements = RomeDates.entryElements(root);
      List<SyndEntry> entries = feed.getEntries();
      boolean matched = entries.size() == entryElements.size();
      for (int i = 0; i < entries.size(); i++) {
        SyndEntry entry = entries.get(i);
        Element element = matched ? entryElements.get(i) : null;
        items.add(() -> atomItem(entry, element, atom, base, language));
      }
      return new FeedParser.Read(format, title, language, items, notes);
    }
    String language = ItemFields.language(feed.getLanguage());
    String channelLink = wire instanceof Channel channel ? channel.getLink() : feed.getLink();
    String base = baseUrl != null ? baseUrl : absoluteUrl(null, channelLink);
    boolean rdf = feed.getFeedType() != null && feed.getFeedType().startsWith("rss_1.0");
    List<SyndEntry> entries = feed.getEntries();
    boolean taken = !rssItems.isEmpty();
    if (taken && rssItems.size() != entries.size()) {
      throw new IllegalStateException(
          "Rome read " + entries.size() + " items of " + rssItems.size());
    }
    List<Element> itemElements =
        taken ? rssItems : RomeDates.entryElements(document.getRootElement());
    boolean matched = itemElements.size() == entries.size();
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry entry = entries.get(i);
      Instant published = taken ? itemDates.get(i) : null;
      List<String> creators = taken ? itemCreators.get(i) : List.of();
      Element element = matched ? itemElements.get(i) : null;
      items.add(() -> rssItem(entry, element, published, creators, rdf, base, language));
    }
    return new FeedParser.Read(format, title, language, items, notes);
  }

  private static SyndFeed toSyndFeed(Document document) throws FeedException {
    Element root = document.getRootElement();
    for (int attempt = 0; ; attempt++) {
      try {
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        return input.build(document);
      } catch (IllegalArgumentException e) {
        // <rss version="3.0"> and friends: read as RSS 2.0, which is what they mean.
        if (attempt == 0 && root.getName().equals("rss")) {
          root.setAttribute("version", "2.0");
          continue;
        }
        throw new FeedException(
            "the document is XML but not an RSS or Atom feed (its root element is <"
                + root.getQualifiedName()
                + ">)");
      } catch (com.rometools.rome.io.FeedException e) {
        throw new FeedException("the feed could not be read as RSS or Atom: " + e.getMessage(), e);
      }
    }
  }

  private static String xmlLang(Element element) {
    return element.getAttributeValue("lang", Namespace.XML_NAMESPACE);
  }

  // --- RSS -----------------------------------------------------------------------------------

  /**
   * The dc:creator texts of each RSS 2.0 item, in order, taken out of the document before Rome
   * reads it (Rome's DC module parser reads them as they are, too). An item left with no Dublin
   * Core element then has no module for Rome to copy into its entry, which Rome does by reflection,
   * property by property: a twentieth of an import's parsing.
   */
  private static List<List<String>> takeCreators(List<Element> items) {
    List<List<String>> creators = new ArrayList<>(items.size());
    Namespace dc = Namespace.getNamespace(DCModule.URI);
    for (Element item : items) {
      List<String> names = new ArrayList<>(1);
      for (Element creator : item.getChildren("creator", dc)) {
        names.add(creator.getText());
      }
      item.removeChildren("creator", dc);
      creators.add(names);
    }
    return creators;
  }

  /**
   * {@code element}: the item's element, or null when it is not known; {@code published}: read by
   * {@link RomeDates#takeItemDates}, or null when Rome read it; {@code creators}: taken by {@link
   * #takeCreators}.
   */
  private static FeedItem rssItem(
      SyndEntry entry,
      Element element,
      Instant published,
      List<String> creators,
      boolean rdf,
      String base,
      String language) {
    Item item = entry.getWireEntry() instanceof Item i ? i : null;
    Guid guidElement = item == null ? null : item.getGuid();
    String guid =
        guidElement != null
            ? trimToNull(guidElement.getValue())
            : rdf && item != null ? trimToNull(item.getUri()) : null;
    String link = absoluteUrl(base, item != null ? item.getLink() : entry.getLink());
    if (link == null && guid != null && (guidElement == null || guidElement.isPermaLink())) {
      link = absoluteUrl(null, guid);
    }
    DCModule dc = (DCModule) entry.getModule(DCModule.URI);
    List<String> authors = new ArrayList<>(creators);
    if (dc != null) {
      authors.addAll(dc.getCreators());
    }
    if (item != null && item.getAuthor() != null) {
      authors.add(item.getAuthor());
    }
    List<String> tags = new ArrayList<>();
    for (SyndCategory category : entry.getCategories()) {
      tags.add(category.getName());
    }
    addSubjects(dc, tags);
    String itemLanguage = dc == null ? null : ItemFields.language(dc.getLanguage());
    RomeDates.EntryDates dates =
        RomeDates.complete(
            published != null ? published : ItemFields.instant(entry.getPublishedDate()),
            ItemFields.instant(entry.getUpdatedDate()),
            element);
    return new FeedItem(
        guid,
        link,
        plainText(entry.getTitle()),
        ItemFields.authors(authors),
        dates.published(),
        dates.updated(),
        firstHtml(entry.getContents()),
        entry.getDescription() == null ? null : trimToNull(entry.getDescription().getValue()),
        ItemFields.tags(tags),
        MediaRss.rssImage(entry, base),
        itemLanguage != null ? itemLanguage : language,
        null,
        null,
        null,
        dates.unreadable());
  }

  // --- Atom ----------------------------------------------------------------------------------

  private static String atomBase(String baseUrl, Feed feed) {
    String base = baseUrl;
    if (base == null) {
      for (Link link : feed.getOtherLinks()) {
        if ("self".equals(link.getRel())) {
          base = absoluteUrl(null, link.getHref());
        }
      }
    }
    return rebase(base, feed.getXmlBase());
  }

  private static String rebase(String base, String xmlBase) {
    if (trimToNull(xmlBase) == null) {
      return base;
    }
    String resolved = absoluteUrl(base, xmlBase);
    return resolved != null ? resolved : base;
  }

  /** {@code element}: the entry's element, or null when it is not known. */
  private static FeedItem atomItem(
      SyndEntry entry, Element element, Feed feed, String feedBase, String feedLanguage) {
    Entry atom = entry.getWireEntry() instanceof Entry e ? e : new Entry();
    String base = rebase(feedBase, atom.getXmlBase());
    List<String> authors = new ArrayList<>();
    for (SyndPerson person : atom.getAuthors()) {
      authors.add(trimToNull(person.getName()) != null ? person.getName() : person.getEmail());
    }
    DCModule dc = (DCModule) entry.getModule(DCModule.URI);
    if (dc != null) {
      authors.addAll(dc.getCreators());
    }
    if (authors.isEmpty()) {
      for (SyndPerson person : feed.getAuthors()) { // entries inherit the feed's authors
        authors.add(person.getName());
      }
    }
    List<String> tags = new ArrayList<>();
    for (com.rometools.rome.feed.atom.Category category : atom.getCategories()) {
      tags.add(trimToNull(category.getLabel()) != null ? category.getLabel() : category.getTerm());
    }
    addSubjects(dc, tags);
    String language = element == null ? null : ItemFields.language(xmlLang(element));
    if (language == null && dc != null) {
      language = ItemFields.language(dc.getLanguage());
    }
    RomeDates.EntryDates dates =
        RomeDates.complete(
            ItemFields.instant(entry.getPublishedDate()),
            ItemFields.instant(entry.getUpdatedDate()),
            element);
    return new FeedItem(
        trimToNull(atom.getId()),
        absoluteUrl(base, alternateHref(atom)),
        atom.getTitleEx() != null
            ? plainText(atom.getTitleEx().getValue())
            : plainText(entry.getTitle()),
        ItemFields.authors(authors),
        dates.published(),
        dates.updated(),
        firstHtml(entry.getContents()),
        entry.getDescription() == null ? null : asHtml(entry.getDescription(), false),
        ItemFields.tags(tags),
        MediaRss.atomImage(entry, atom, base),
        language != null ? language : feedLanguage,
        null,
        null,
        null,
        dates.unreadable());
  }

  private static String alternateHref(Entry entry) {
    Link chosen = null;
    for (Link link : entry.getAlternateLinks()) {
      String type = link.getType();
      if (type == null || type.toLowerCase(Locale.ROOT).contains("html")) {
        return link.getHref();
      }
      chosen = chosen == null ? link : chosen;
    }
    return chosen == null ? null : chosen.getHref();
  }

  // --- shared --------------------------------------------------------------------------------

  /** dc:subject values; Rome merges them into RSS 2.0 categories but not RSS 1.0 or Atom. */
  private static void addSubjects(DCModule dc, List<String> tags) {
    if (dc != null) {
      for (DCSubject subject : dc.getSubjects()) {
        tags.add(subject.getValue());
      }
    }
  }

  private static String firstHtml(List<SyndContent> contents) {
    for (SyndContent content : contents) {
      String html = asHtml(content, true);
      if (html != null) {
        return html;
      }
    }
    return null;
  }

  /** Content as HTML: html and xhtml as sent, plain text escaped (in paragraphs for bodies). */
  private static String asHtml(SyndContent content, boolean paragraphs) {
    String value = trimToNull(content.getValue());
    if (value == null) {
      return null;
    }
    String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
    if (type.equals("xhtml")) {
      // Atom wraps XHTML in a <div> that is not part of the content.
      Matcher div = XHTML_DIV.matcher(value);
      return div.matches() ? trimToNull(div.group(1)) : value;
    }
    if (type.isEmpty() || type.contains("html")) {
      return value;
    }
    if (type.equals("text") || type.startsWith("text/")) {
      return paragraphs ? ItemFields.textToHtml(value) : ItemFields.escapeHtml(value);
    }
    return null; // base64 or other media: nothing a reader can see
  }
}
