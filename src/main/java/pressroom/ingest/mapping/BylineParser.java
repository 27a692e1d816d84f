package pressroom.ingest.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
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
 */
public final class BylineParser {
  /** At most this many names come back; later ones are ignored. */
  public static final int MAX_NAMES = 20;

  /** Longer "names" are sentences or junk, so they are dropped rather than cut. */
  public static final int MAX_NAME_LENGTH = 120;

  /** Only this much of a string is read; a longer byline is a broken feed. */
  private static final int MAX_INPUT = 10_000;

  /** Job titles written after a name: "Staff Reporter", "Beirut Correspondent". */
  private static final Set<String> TITLES =
      Set.of(
          "staff",
          "reporter",
          "reporters",
          "correspondent",
          "correspondents",
          "writer",
          "writers",
          "editor",
          "editors",
          "columnist",
          "contributor",
          "contributors",
          "desk");

  /** Words that only qualify an agency or a title: "Bloomberg News", "Our Chief Correspondent". */
  private static final Set<String> QUALIFIERS =
      Set.of(
          "news",
          "wire",
          "wires",
          "agency",
          "agencies",
          "service",
          "media",
          "the",
          "of",
          "our",
          "own",
          "from",
          "senior",
          "chief",
          "special",
          "deputy",
          "associate",
          "contributing",
          "foreign",
          "political",
          "politics",
          "business",
          "economics",
          "economy",
          "technology",
          "tech",
          "science",
          "sports",
          "sport",
          "health",
          "national",
          "international",
          "diplomatic",
          "legal",
          "medical",
          "education",
          "environment",
          "climate",
          "energy",
          "investigative");

  /** Words after which a final period belongs to the name. */
  private static final Set<String> SUFFIXES = Set.of("jr", "sr", "jnr", "snr");

  /** Separator punctuation that may be left at either end of a name. */
  private static final String EDGE = ",;:|/\\&+*•·،؛、，：；-‐‑‒–—―−_~=#!?\"“”„‟«»‹›()[]{}<>…@";

  private static final Pattern ENTITY =
      Pattern.compile("&(amp|nbsp|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
  private static final Pattern LINE_BREAK =
      Pattern.compile("\\r\\n|[\\r\\u0085\\u2028\\u2029\\u000B\\u000C]");
  private static final Pattern SPACE =
      Pattern.compile("[\\p{Z}\\p{Cc}\\u200B\\u2060\\uFEFF&&[^\\n]]+");
  // Direction marks are invisible and would make one name two different strings.
  private static final Pattern BIDI =
      Pattern.compile("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");
  // Only real tags, so "<jane@example.com>" is left for the address rules.
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
  private static final Pattern REPEATED_SPACE = Pattern.compile(" {2,}");

  // Starts only after a boundary, and possessively, so long junk is read in linear time.
  private static final String ADDRESS =
      "(?<![^\\s,;<(\\[\"'])[^\\s@,;<>()\\[\\]\"]++@[^\\s@,;<>()\\[\\]\"]++";
  private static final Pattern ADDRESS_WITH_NAME = Pattern.compile(ADDRESS + "\\s*\\(([^()]*)\\)");
  private static final Pattern ADDRESS_IN_ANGLES = Pattern.compile("<\\s*" + ADDRESS + "\\s*>");
  private static final Pattern ADDRESS_ALONE = Pattern.compile(ADDRESS);
  private static final Pattern HANDLE = Pattern.compile("(?<!\\S)@[\\p{L}\\p{N}_.]+");
  private static final Pattern ASIDE = Pattern.compile("[(\\[{][^()\\[\\]{}]*[)\\]}]");
  private static final Pattern BRACKET = Pattern.compile("[()\\[\\]{}]");

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
  private static final Pattern INITIAL = Pattern.compile("\\p{L}\\p{M}*");

  private final AgencyNames agencies;

  /** A parser that takes {@code agencies} for credit, never for authors. */
  public BylineParser(AgencyNames agencies) {
    this.agencies = agencies;
  }

  /** The authors named in one byline string, in order; empty for null or blank input. */
  public List<String> split(String raw) {
    Names names = new Names();
    if (raw == null || raw.isBlank()) {
      return names.toList();
    }
    String text = withoutAsides(withoutAddresses(plain(bounded(raw))));
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

  /** A very long string is cut after its last separator so no name is cut in half. */
  private static String bounded(String raw) {
    if (raw.length() <= MAX_INPUT) {
      return raw;
    }
    String head = raw.substring(0, MAX_INPUT);
    int cut = -1;
    for (char separator : ",;|\n،".toCharArray()) {
      cut = Math.max(cut, head.lastIndexOf(separator));
    }
    return cut < 0 ? "" : head.substring(0, cut);
  }

  /** One kind of space, line breaks as "\n", no markup or escaped characters. */
  private static String plain(String s) {
    s = ENTITY.matcher(s).replaceAll(BylineParser::decodeEntity);
    s = LINE_BREAK.matcher(s).replaceAll("\n");
    s = SPACE.matcher(s).replaceAll(" ");
    s = BIDI.matcher(s).replaceAll("");
    return TAG.matcher(s).replaceAll(" ");
  }

  private static String decodeEntity(MatchResult entity) {
    String name = entity.group(1);
    String text =
        switch (name) {
          case "amp" -> "&";
          case "nbsp" -> " ";
          case "quot" -> "\"";
          case "apos" -> "'";
          default -> {
            boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
            int codePoint =
                hex ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            yield Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : " ";
          }
        };
    return Matcher.quoteReplacement(text);
  }

  /** Addresses and handles are contact details, not names; "jane@x.com (Jane Roe)" keeps hers. */
  private static String withoutAddresses(String s) {
    if (s.indexOf('@') < 0) {
      return s;
    }
    s =
        ADDRESS_WITH_NAME
            .matcher(s)
            .replaceAll(m -> Matcher.quoteReplacement(", " + m.group(1) + " ,"));
    s = ADDRESS_IN_ANGLES.matcher(s).replaceAll(" , ");
    s = ADDRESS_ALONE.matcher(s).replaceAll(" , ");
    return HANDLE.matcher(s).replaceAll(" ");
  }

  /** Bracketed asides name agencies, places or beats: "Jane Roe (AFP)", "(Beirut)". */
  private static String withoutAsides(String s) {
    String out = s;
    for (int depth = 0; depth < 5; depth++) {
      String next = ASIDE.matcher(out).replaceAll(" ");
      if (next.equals(out)) {
        break;
      }
      out = next;
    }
    // A string that is nothing but brackets, "(Jane Roe)", still names someone.
    return hasLetter(out) || !hasLetter(s) ? out : BRACKET.matcher(s).replaceAll(" ");
  }

  /** The people of one segment; after "Editing by" the rest of the segment are not authors. */
  private void readSegment(String segment, Names names) {
    boolean others = false;
    for (String part : WEAK.split(segment)) {
      String text = trimEnds(part);
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
    String s = trimEnds(REPEATED_SPACE.matcher(part).replaceAll(" "));
    Matcher tail = TAIL.matcher(s);
    if (tail.find()) {
      s = trimEnds(s.substring(0, tail.start()));
    }
    s = withoutCredit(s);
    if (s == null) {
      return null;
    }
    s = trimEnds(s);
    boolean fits = s.codePointCount(0, s.length()) <= MAX_NAME_LENGTH;
    return fits && hasLetter(s) ? s : null;
  }

  private enum Credit {
    AGENCY, // an acronym or a name of several words: "AFP", "Associated Press"
    AGENCY_WORD, // one full word, which can also be a surname: "Bloomberg", "Xinhua"
    TITLE,
    QUALIFIER
  }

  /** One credit word or agency name in a trailing run, and the index of its first word. */
  private record Unit(Credit kind, int from) {}

  /** Cuts trailing agency and title words off a name; null when the part is all credit. */
  private String withoutCredit(String name) {
    String[] words = name.split(" ");
    List<Unit> run = trailingCredit(words);
    if (run.stream().allMatch(unit -> unit.kind() == Credit.QUALIFIER)) {
      return name;
    }
    if (run.getLast().from() == 0) {
      return null;
    }
    // A full agency word may be a surname ("Li Xinhua AP Business Writer"): never cut past it.
    List<Unit> cut = new ArrayList<>();
    for (Unit unit : run) {
      if (unit.kind() == Credit.AGENCY_WORD) {
        break;
      }
      cut.add(unit);
    }
    if (cut.stream().allMatch(unit -> unit.kind() == Credit.QUALIFIER)) {
      return name;
    }
    if (run.size() == 1 && run.getFirst().kind() == Credit.TITLE) {
      return null;
    }
    return String.join(" ", Arrays.asList(words).subList(0, cut.getLast().from()));
  }

  /** The credit words at the end of {@code words}, last first. */
  private List<Unit> trailingCredit(String[] words) {
    String[] trimmed = Arrays.stream(words).map(BylineParser::trimEnds).toArray(String[]::new);
    List<Unit> run = new ArrayList<>();
    int start = words.length;
    while (start > 0) {
      int agency = agencies.endingAt(trimmed, start);
      String word = trimmed[start - 1].toLowerCase(Locale.ROOT);
      Credit kind;
      if (agency > 0) {
        boolean fullWord = agency == 1 && word.length() > 4;
        kind = fullWord ? Credit.AGENCY_WORD : Credit.AGENCY;
      } else if (TITLES.contains(word)) {
        kind = Credit.TITLE;
      } else if (QUALIFIERS.contains(word)) {
        kind = Credit.QUALIFIER;
      } else {
        break;
      }
      start -= Math.max(agency, 1);
      run.add(new Unit(kind, start));
    }
    return run;
  }

  /** Without separator punctuation and spaces at the ends; keeps the period of "O." or "Jr.". */
  private static String trimEnds(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (isEdge(s.charAt(start)) || s.charAt(start) == '.')) {
      start++;
    }
    while (end > start) {
      char c = s.charAt(end - 1);
      if (isEdge(c) || (c == '.' && !closesInitial(s, start, end - 1))) {
        end--;
      } else {
        break;
      }
    }
    return s.substring(start, end);
  }

  private static boolean isEdge(char c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || type == Character.CONTROL
        || type == Character.FORMAT
        || EDGE.indexOf(c) >= 0;
  }

  /** Whether the period at {@code dot} ends an initial ("O.", "J.R.") or a suffix ("Jr."). */
  private static boolean closesInitial(String s, int start, int dot) {
    String before = s.substring(start, dot);
    String word = before.substring(Math.max(before.lastIndexOf(' '), before.lastIndexOf('.')) + 1);
    return INITIAL.matcher(word).matches() || SUFFIXES.contains(word.toLowerCase(Locale.ROOT));
  }

  private static boolean hasLetter(String s) {
    return s.codePoints().anyMatch(Character::isLetter);
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
