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
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.UncheckedJDOMFactory;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import pressroom.ingest.formats.FeedItem.LeadImage;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom with Rome, through a SAX parser that refuses DOCTYPEs and
 * external entities and bounds element depth, then maps Rome's entries to {@link FeedItem}s.
 */
final class RomeItems {
  /** Deeper than any real feed; stops pathological nesting before it costs stack or memory. */
  static final int MAX_ELEMENT_DEPTH = 256;

  private static final String MEDIA_RSS = "http://search.yahoo.com/mrss";
  private static final XMLReaderJDOMFactory SAFE_READERS = new SafeXmlReaders();
  private static final Pattern XHTML_DIV =
      Pattern.compile("\\s*<div\\b[^>]*>(.*)</div>\\s*", Pattern.DOTALL);

  private RomeItems() {}

  static FeedParser.Read read(byte[] body, String contentType, String baseUrl)
      throws FeedException {
    XmlRepair.Repaired repaired = XmlRepair.repair(FeedDecoding.decode(body, contentType));
    List<String> notes = new ArrayList<>();
    Document document = parseRecovering(repaired, notes);
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

  // --- XML ---------------------------------------------------------------------------------

  private static Document parseRecovering(XmlRepair.Repaired repaired, List<String> notes)
      throws FeedException {
    try {
      return parse(repaired.xml());
    } catch (JDOMParseException e) {
      String problem = problem(e, repaired.linesCut());
      String closed =
          atEnd(e, repaired.xml())
              ? XmlRepair.closeAfterLastItem(repaired.xml(), repaired.rootName())
              : null;
      if (closed != null) {
        try {
          Document document = parse(closed);
          notes.add(problem + "; kept the complete items before that point, the rest is lost");
          return document;
        } catch (JDOMException | IOException retry) {
          // the break was not the only problem: report the original one
        }
      }
      throw new FeedException(problem, e);
    } catch (JDOMException | IOException e) {
      throw new FeedException("the feed could not be read as XML: " + e.getMessage(), e);
    }
  }

  /** Parses with {@link SafeXmlReaders}; package-private so tests can attack the parser alone. */
  static Document parse(String xml) throws JDOMException, IOException {
    SAXBuilder builder = new SAXBuilder(SAFE_READERS);
    // JDOM turns external-general-entities on when it expands entities: keep it off.
    builder.setExpandEntities(false);
    builder.setEntityResolver(
        (publicId, systemId) -> {
          throw new SAXException("external entities are refused (" + systemId + ")");
        });
    builder.setReuseParser(false);
    // The XML parser has already checked every name and character: JDOM's own checks again
    // were a fifth of building the document.
    builder.setJDOMFactory(new UncheckedJDOMFactory());
    return builder.build(new StringReader(xml));
  }

  /** The parse error in plain words, with the line as the partner's file numbers it. */
  private static String problem(JDOMParseException e, int linesCut) {
    String message =
        String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    if (message.contains("DOCTYPE")) {
      return XmlRepair.DOCTYPE_REFUSED;
    }
    if (message.contains("maxElementDepth")) {
      return "the feed nests elements more than " + MAX_ELEMENT_DEPTH + " deep, which is refused";
    }
    int line = e.getLineNumber() > 0 ? e.getLineNumber() + linesCut : -1;
    return "the feed is not well-formed XML"
        + (line > 0 ? " (line " + line + ")" : "")
        + ": "
        + message;
  }

  /** True when the parser ran out of text, i.e. the feed was probably cut off. */
  private static boolean atEnd(JDOMParseException e, String xml) {
    int lines = 1;
    for (int i = 0; i < xml.length(); i++) {
      if (xml.charAt(i) == '\n') {
        lines++;
      }
    }
    String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : "");
    return e.getLineNumber() >= lines
        || message.contains("must start and end within the same entity");
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
        rssImage(entry, base),
        itemLanguage != null ? itemLanguage : language,
        null,
        null,
        null,
        dates.unreadable());
  }

  private static LeadImage rssImage(SyndEntry entry, String base) {
    Media media = Media.of(entry.getForeignMarkup(), base);
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
        atomImage(entry, atom, base),
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

  private static LeadImage atomImage(SyndEntry entry, Entry atom, String base) {
    Media media = Media.of(entry.getForeignMarkup(), base);
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

  /** Media RSS (media:content, media:group, media:thumbnail) found in an item's foreign markup. */
  private record Media(LeadImage content, LeadImage thumbnail, String caption, String credit) {

    static Media of(List<Element> markup, String base) {
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
      return new Media(content, thumbnail, caption, credit);
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

  /** SAX readers that refuse DOCTYPEs and external entities and bound element depth. */
  private static final class SafeXmlReaders implements XMLReaderJDOMFactory {
    @Override
    public XMLReader createXMLReader() throws JDOMException {
      try {
        // The JDK's own parser, whatever else is on the classpath: its limits are known.
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        reader.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        // JDK 24+ count every &lt; and &amp; against entity limits of 100,000 characters, which
        // a big feed of escaped HTML passes. With DOCTYPEs refused only the five predefined
        // entities and character references remain, each at most the size of the document.
        String documentSize = String.valueOf(FeedParser.MAX_BYTES);
        reader.setProperty("jdk.xml.maxGeneralEntitySizeLimit", documentSize);
        reader.setProperty("jdk.xml.totalEntitySizeLimit", documentSize);
        return reader;
      } catch (ParserConfigurationException | SAXException e) {
        throw new JDOMException("the XML parser cannot be made safe: " + e.getMessage(), e);
      }
    }

    @Override
    public boolean isValidating() {
      return false;
    }
  }
}
