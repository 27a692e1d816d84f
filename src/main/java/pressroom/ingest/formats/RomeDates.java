package pressroom.ingest.formats;

import com.rometools.rome.feed.module.DCModule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Makes Rome's date parsing cheap without changing its answers. Rome's DateParser tries a dozen
 * SimpleDateFormat masks, each built anew, before an RFC 822 date matches; that was a tenth of an
 * import's CPU. Before Rome reads a document, the dates it will parse are read here with java.time,
 * and those read are written back in the one form Rome's first mask accepts. Only shapes on which
 * java.time and Rome agree exactly are rewritten (strict RFC 1123, and ISO 8601 with an offset and
 * no or three fraction digits); everything else is left for Rome as before. Where Rome then reads
 * no date at all, {@link #complete} hands the entry's own date texts to {@link FeedDates}, which
 * reads the shapes Rome's masks refuse.
 */
final class RomeDates {
  /** Elements Rome reads as dates (RSS, Dublin Core, Atom 1.0 and 0.3, syndication module). */
  private static final Set<String> DATE_ELEMENTS =
      Set.of(
          "pubDate",
          "lastBuildDate",
          "expirationDate",
          "date",
          "updated",
          "published",
          "modified",
          "issued",
          "created",
          "updateBase");

  private static final Set<String> DATE_NAMESPACES =
      Set.of(
          Namespace.NO_NAMESPACE.getURI(),
          "http://my.netscape.com/rdf/simple/0.9/",
          "http://purl.org/rss/1.0/",
          "http://purl.org/dc/elements/1.1/",
          "http://www.w3.org/2005/Atom",
          "http://purl.org/atom/ns#",
          "http://purl.org/rss/1.0/modules/syndication/");

  /** Rome reads dates on channels, items and entries: never deeper than this below the root. */
  private static final int MAX_DEPTH = 3;

  /** Strict: a wrong weekday or the 31st of February is left to Rome's lenient reading. */
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

  /** yyyy-MM-ddTHH:mm[:ss[.SSS]] then Z or ±HH:MM; Rome reads other fractions differently. */
  private static final DateTimeFormatter ISO_OFFSET =
      new DateTimeFormatterBuilder()
          .parseCaseSensitive()
          .appendValue(ChronoField.YEAR, 4)
          .appendLiteral('-')
          .appendValue(ChronoField.MONTH_OF_YEAR, 2)
          .appendLiteral('-')
          .appendValue(ChronoField.DAY_OF_MONTH, 2)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendLiteral('.')
          .appendValue(ChronoField.MILLI_OF_SECOND, 3)
          .optionalEnd()
          .optionalEnd()
          .appendOffset("+HH:MM", "Z")
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  /** The form Rome's first W3C mask ("yyyy-MM-dd'T'HH:mm:ss.SSSz") reads. */
  private static final DateTimeFormatter ROME_FIRST_MASK =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /**
   * The versions Rome reads with its RSS 0.9x parsers (compared exactly, as Rome does); every other
   * rss document, with or without a version, Rome reads as RSS 2.0.
   */
  private static final Set<String> RSS_09X = Set.of("0.91", "0.92", "0.93", "0.94");

  private static final String ATOM_10 = "http://www.w3.org/2005/Atom";
  private static final String ATOM_03 = "http://purl.org/atom/ns#";

  /** An element's namespace and local name. */
  private record Name(String namespace, String local) {
    boolean names(Element e) {
      return e.getName().equals(local) && e.getNamespaceURI().equals(namespace);
    }
  }

  /** Where an entry gives its publication date, in the order Rome weighs them. */
  private static final List<Name> PUBLISHED =
      List.of(
          new Name(DCModule.URI, "date"),
          new Name(Namespace.NO_NAMESPACE.getURI(), "pubDate"),
          new Name(ATOM_10, "published"),
          new Name(ATOM_03, "issued"));

  /** Where an entry gives its update date. */
  private static final List<Name> UPDATED =
      List.of(new Name(ATOM_10, "updated"), new Name(ATOM_03, "modified"));

  /**
   * An entry's dates once {@link #complete} has looked at them.
   *
   * @param unreadable the date text the entry gave when neither date could be read, else null
   */
  record EntryDates(Instant published, Instant updated, String unreadable) {}

  private RomeDates() {}

  /**
   * The item or entry elements of a document, in order, whatever its format (RSS 0.9x and 2.0, RSS
   * 0.9 and 1.0 RDF, Atom): Rome makes one entry of each.
   */
  static List<Element> entryElements(Element root) {
    return switch (root.getName()) {
      case "rss" -> {
        Element channel = root.getChild("channel", root.getNamespace());
        yield channel == null ? List.of() : channel.getChildren("item", root.getNamespace());
      }
      case "RDF" -> root.getChildren().stream().filter(e -> e.getName().equals("item")).toList();
      case "feed" -> root.getChildren("entry", root.getNamespace());
      default -> List.of();
    };
  }

  /**
   * An entry's dates as Rome (or {@link #takeItemDates}) read them, completed from the entry's own
   * date elements by {@link FeedDates} where Rome read no publication date: Rome's masks refuse
   * many dates real feeds write. An entry with a publication date is left as it is, so the usual
   * entry costs nothing more.
   *
   * @param entry the entry's element, or null when it is not known (nothing is then completed)
   */
  static EntryDates complete(Instant published, Instant updated, Element entry) {
    if (published != null || entry == null) {
      return new EntryDates(published, updated, null);
    }
    List<String> publishedTexts = texts(entry, PUBLISHED);
    List<String> updatedTexts = texts(entry, UPDATED);
    Instant p = FeedDates.first(publishedTexts);
    Instant u = updated != null ? updated : FeedDates.first(updatedTexts);
    List<String> given = new ArrayList<>(publishedTexts);
    given.addAll(updatedTexts);
    return new EntryDates(p, u, ItemFields.unreadableDate(p, u, given));
  }

  /** The texts of an entry's date elements with these names, in the order of the names. */
  private static List<String> texts(Element entry, List<Name> names) {
    List<String> texts = new ArrayList<>(2);
    for (Name name : names) {
      for (Element child : entry.getChildren()) {
        if (name.names(child) && child.getChildren().isEmpty()) {
          texts.add(child.getText());
        }
      }
    }
    return texts;
  }

  /**
   * The published time of each item of an RSS 2.0 document, read here, with the elements it came
   * from taken out of the document so that Rome does not read them again: Rome builds a
   * SimpleDateFormat for every date it parses, which was a sixteenth of an import's parsing. Rome's
   * rule for RSS 2.0 items is kept (its DC module parser, then ConverterForRSS091Userland): the
   * item's first dc:date, else its pubDate. An item whose deciding date cannot be read here keeps
   * its elements and gets null, so Rome reads it as before.
   *
   * @param items the document's {@link #rss2Items}
   */
  static List<Instant> takeItemDates(List<Element> items) {
    Namespace dc = Namespace.getNamespace(DCModule.URI);
    List<Instant> dates = new ArrayList<>(items.size());
    for (Element item : items) {
      List<Element> dcDates = item.getChildren("date", dc);
      Element pubDate = item.getChild("pubDate");
      Element deciding = !dcDates.isEmpty() ? dcDates.get(0) : pubDate;
      Instant date = deciding == null ? null : read(deciding.getText());
      if (date != null) {
        item.removeChildren("date", dc);
        if (pubDate != null) {
          item.removeContent(pubDate);
        }
      }
      dates.add(date);
    }
    return dates;
  }

  /**
   * The items of a document Rome reads as RSS 2.0 (without a namespace), else none: RSS 0.9x items,
   * RSS 1.0 and Atom are left to Rome as they are.
   */
  static List<Element> rss2Items(Element root) {
    Element channel = root.getName().equals("rss") ? root.getChild("channel") : null;
    String version = root.getAttributeValue("version");
    boolean rss2 = version == null || !RSS_09X.contains(version);
    if (channel == null || !root.getNamespaceURI().isEmpty() || !rss2) {
      return List.of();
    }
    return channel.getChildren("item");
  }

  /** Rewrites the dates under {@code root} that can be read here; the instants stay the same. */
  static void prepare(Element root) {
    prepare(root, 0);
  }

  private static void prepare(Element element, int depth) {
    for (Element child : element.getChildren()) {
      if (DATE_ELEMENTS.contains(child.getName())
          && DATE_NAMESPACES.contains(child.getNamespaceURI())
          && child.getChildren().isEmpty()) {
        Instant date = read(child.getText());
        if (date != null) {
          child.setText(ROME_FIRST_MASK.format(date));
        }
      } else if (depth + 1 < MAX_DEPTH) {
        prepare(child, depth + 1);
      }
    }
  }

  /**
   * The instant of an RFC 1123 or ISO 8601 date with an offset, or null for anything else. Years
   * before the Gregorian reform are left to Rome, whose calendar is Julian there.
   */
  static Instant read(String text) {
    String t = text.trim(); // as Rome trims
    if (t.isEmpty() || t.length() > 40) {
      return null;
    }
    boolean iso = t.length() > 10 && t.charAt(10) == 'T';
    if (iso && t.length() != text.length()) {
      return null; // Rome misreads "...Z" with spaces around it as local time: leave that to it
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(t, iso ? ISO_OFFSET : RFC_1123).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    return year >= 1600 && year <= 9999 ? instant : null;
  }
}
