package pressroom.ingest.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the one author string a partner sends ("By Jane Roe, Ali Hassan and Mary O. Doe |
 * Reuters") into the people who wrote the piece, in order. Pure; never throws; one parser serves
 * many threads. Which names are agencies is data ({@link AgencyNames}), given by the caller.
 *
 * <p>Names keep their case, accents and script. Choices for ambiguous input, kept predictable:
 *
 * <ul>
 *   <li>Every comma separates, so "Doe, Jane" is two authors, "Doe" and "Jane".
 *   <li>Agencies, job titles and their qualifiers are credit, not authors. A part made only of them
 *       ("Reuters", "AP Staff", "Our Correspondent") is dropped; a trailing run of two or more
 *       words ("Jane Roe AP Business Writer") or an agency acronym ("Jane Roe AFP") is cut off; a
 *       part ending in one bare title word ("Middle East Correspondent") is a title and is dropped;
 *       one trailing full agency word is kept ("Mary Bloomberg" may be her name).
 *   <li>Text in brackets is dropped ("(AFP)", "(Beirut)", a nickname), except the RSS form
 *       "jane@example.com (Jane Roe)" and a string that is nothing but brackets.
 *   <li>"By", "Reporting by", "Writing by" and "بقلم" introduce authors; "Editing by", "Photos by"
 *       and the like introduce other people, skipped up to the next ";", "|", dash or line.
 *   <li>"for …" and "in Place" end a name: "Jane Roe for Reuters", "Ali Hassan in Cairo".
 *   <li>Arabic "و" ("and") glued to a word separates only when both sides have two or more words.
 * </ul>
 *
 * <p>{@link BylineText} prepares the text and trims names, {@link BylineCredit} cuts credit off
 * them; the splitting into people is here.
 */
public final class BylineParser {
  /** At most this many names come back; later ones are ignored. */
  public static final int MAX_NAMES = 20;

  /** Longer "names" are sentences or junk, so they are dropped rather than cut. */
  public static final int MAX_NAME_LENGTH = 120;

  private static final Pattern REPEATED_SPACE = Pattern.compile(" {2,}");

  /** Between groups of people: an "Editing by" credit ends at one of these. */
  private static final Pattern STRONG = Pattern.compile("[;؛|\\n]| [-‐‒–—―]+ ");

  /** Between people of one group. */
  private static final Pattern WEAK = Pattern.compile("[,،/&＆，、]|(?<!\\S)(?i:and|with)(?!\\S)");

  private static final Pattern AUTHORS_FOLLOW =
      Pattern.compile(
          "(?i)(?:(?:(?:additional|further) )?(?:reporting|reported|writing|written|words|story"
              + "|text|report|compiled) )?by(?: ?[:：] ?| |$)"
              + "|(?:(?:additional|further) )?(?:reporting|writing|words|story|text|authors?"
              + "|byline) ?[:：] ?"
              + "|بقلم(?: ?[:：] ?| |$)");

  private static final Pattern OTHERS_FOLLOW =
      Pattern.compile(
          "(?i)(?<!\\S)(?:editing|edited|editor|fact-?checking|fact-?checked|translation"
              + "|translated|photos?|photography|pictures?|graphics|illustrations?|video"
              + "|production|produced|design|designed)(?: by(?=[ :：]|$)| ?[:：])");

  // "in" only before a capital, so the Dutch "Anouk in 't Veld" keeps her particle.
  private static final Pattern TAIL =
      Pattern.compile("(?:^| )(?:(?i:for|special to) |in (?=\\p{Lu}))");

  private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");

  private final BylineCredit credit;

  /** A parser that takes {@code agencies} for credit, never for authors. */
  public BylineParser(AgencyNames agencies) {
    this.credit = new BylineCredit(agencies);
  }

  /** The authors named in one byline string, in order; empty for null or blank input. */
  public List<String> split(String raw) {
    Names names = new Names();
    if (raw == null || raw.isBlank()) {
      return names.toList();
    }
    String text = BylineText.prepared(raw);
    for (String segment : STRONG.split(REPEATED_SPACE.matcher(text).replaceAll(" "))) {
      readSegment(segment, names);
    }
    return names.toList();
  }

  /**
   * The authors of several byline strings (an item's author fields), in order, each person once
   * even when written with different case or accents; the first spelling wins.
   */
  public List<String> splitAll(List<String> raws) {
    Names names = new Names();
    if (raws != null) {
      for (String raw : raws) {
        split(raw).forEach(names::add);
      }
    }
    return names.toList();
  }

  /** The people of one segment; after "Editing by" the rest of the segment are not authors. */
  private void readSegment(String segment, Names names) {
    boolean others = false;
    for (String part : WEAK.split(segment)) {
      String text = BylineText.trimEnds(part);
      Matcher authors = AUTHORS_FOLLOW.matcher(text);
      if (authors.lookingAt()) {
        others = false;
        text = text.substring(authors.end());
      }
      Matcher credit = OTHERS_FOLLOW.matcher(text);
      boolean othersFollow = credit.find();
      if (othersFollow) {
        text = text.substring(0, credit.start());
      }
      if (!others) {
        for (String name : splitArabicAnd(text)) {
          names.add(cleanName(name));
        }
      }
      others = others || othersFollow;
    }
  }

  /**
   * Splits Arabic-script names joined by "و" ("and"). The word "و" alone always separates; glued to
   * the next word it separates only when both sides have two or more words, because given names
   * such as وليد and وفاء begin with the same letter ("أحمد وليد الحكيم" is one person).
   */
  private static List<String> splitArabicAnd(String text) {
    if (!ARABIC.matcher(text).find()) {
      return List.of(text);
    }
    String[] words = text.trim().split(" +");
    List<String> names = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      boolean afterArabic = !current.isEmpty() && startsArabic(current.getLast());
      boolean moreFollow = i + 1 < words.length;
      if (afterArabic && moreFollow && word.equals("و") && startsArabic(words[i + 1])) {
        names.add(String.join(" ", current));
        current.clear();
      } else if (afterArabic && moreFollow && current.size() >= 2 && gluedAnd(word)) {
        names.add(String.join(" ", current));
        current.clear();
        current.add(word.substring(1));
      } else {
        current.add(word);
      }
    }
    names.add(String.join(" ", current));
    return names;
  }

  private static boolean startsArabic(String word) {
    return !word.isEmpty()
        && Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.ARABIC;
  }

  private static boolean gluedAnd(String word) {
    return word.length() > 1 && word.charAt(0) == 'و' && startsArabic(word.substring(1));
  }

  /** The name one part holds, or null when it names nobody. */
  private String cleanName(String part) {
    String s = BylineText.trimEnds(REPEATED_SPACE.matcher(part).replaceAll(" "));
    Matcher tail = TAIL.matcher(s);
    if (tail.find()) {
      s = BylineText.trimEnds(s.substring(0, tail.start()));
    }
    s = credit.withoutCredit(s);
    if (s == null) {
      return null;
    }
    s = BylineText.trimEnds(s);
    boolean fits = s.codePointCount(0, s.length()) <= MAX_NAME_LENGTH;
    return fits && BylineText.hasLetter(s) ? s : null;
  }

  /** The same for one person written with or without case and accents: "José", "JOSE". */
  private static String sameness(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    s =
        s.replace('ı', 'i')
            .replace('ł', 'l')
            .replace('Ł', 'L')
            .replace('ø', 'o')
            .replace('Ø', 'O')
            .replace('đ', 'd')
            .replace('Đ', 'D')
            .replace('’', '\'');
    return s.toLowerCase(Locale.ROOT);
  }

  /** Names in order of first appearance, each person once, at most {@link #MAX_NAMES}. */
  private static final class Names {
    private final Map<String, String> bySameness = new LinkedHashMap<>();

    void add(String name) {
      if (name != null && bySameness.size() < MAX_NAMES) {
        bySameness.putIfAbsent(sameness(name), name);
      }
    }

    List<String> toList() {
      return List.copyOf(bySameness.values());
    }
  }
}
