package pressroom.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BylineParserTest {
  /** The wires plus the partners a site of these tests has (each source's name). */
  private static final BylineParser PARSER =
      new BylineParser(AgencyNames.wires().plus("Harbour Wire", "Meridian Press"));

  static Stream<Arguments> shapes() {
    return Stream.of(
        // Separators and the leading "By"
        shape("By Jane Roe, Ali Hassan and Mary O. Doe", "Jane Roe", "Ali Hassan", "Mary O. Doe"),
        shape("by Jane Roe", "Jane Roe"),
        shape("BY JANE ROE AND ALI HASSAN", "JANE ROE", "ALI HASSAN"),
        shape("By: Jane Roe", "Jane Roe"),
        shape("By:Jane Roe & Ali Hassan", "Jane Roe", "Ali Hassan"),
        shape("Jane Roe; Ali Hassan; Mary O. Doe", "Jane Roe", "Ali Hassan", "Mary O. Doe"),
        shape("Jane Roe / Ali Hassan", "Jane Roe", "Ali Hassan"),
        shape("Jane Roe with Ali Hassan", "Jane Roe", "Ali Hassan"),
        shape("Jane Roe, Ali Hassan, and Mary O. Doe", "Jane Roe", "Ali Hassan", "Mary O. Doe"),
        shape("  Jane\u00A0\u00A0Roe ,\n  Ali   Hassan\t ", "Jane Roe", "Ali Hassan"),
        shape("Jane Roe\nAli Hassan\r\nMary O. Doe", "Jane Roe", "Ali Hassan", "Mary O. Doe"),
        shape("Jane Roe &amp; Ali Hassan", "Jane Roe", "Ali Hassan"),
        shape("<b>Jane Roe</b>", "Jane Roe"),
        shape("“Jane Roe”", "Jane Roe"),
        // Agencies, titles and other credits
        shape("By Jane Roe | Reuters", "Jane Roe"),
        shape("Jane Roe - AP", "Jane Roe"),
        shape("Jane Roe, Associated Press", "Jane Roe"),
        shape("Jane Roe (AFP)", "Jane Roe"),
        shape("Jane Roe for Harbour Wire", "Jane Roe"),
        shape("Jane Roe, Staff Reporter", "Jane Roe"),
        shape("Jane Roe, Beirut Correspondent", "Jane Roe"),
        shape("By JANE ROE AP Business Writer", "JANE ROE"),
        shape("By Jane Roe and Ali Hassan Associated Press", "Jane Roe", "Ali Hassan"),
        shape("Jane Roe, Reuters staff", "Jane Roe"),
        shape("Staff"),
        shape("Reuters"),
        shape("AP, Reuters, AFP"),
        shape("Bloomberg News"),
        shape("The Associated Press"),
        shape("Agence France-Presse"),
        shape("From our correspondent"),
        shape("Jane Roe – Meridian Press", "Jane Roe"),
        shape(
            "Reporting by Jane Roe and Ali Hassan; Editing by Mary O. Doe and Tomas Lind",
            "Jane Roe",
            "Ali Hassan"),
        shape(
            "Reporting by Jane Roe; Additional reporting by Ali Hassan; Writing by Mary O. Doe;"
                + " Editing by Tomas Lind",
            "Jane Roe",
            "Ali Hassan",
            "Mary O. Doe"),
        shape("Editing by Tomas Lind, reporting by Jane Roe", "Jane Roe"),
        shape("Jane Roe (Reuters) - Editing by Ali Hassan", "Jane Roe"),
        shape("Jane Roe in Beirut and Ali Hassan in Cairo", "Jane Roe", "Ali Hassan"),
        // Words that look like credit inside real names
        shape("Mary Press and Ali Hassan, Meridian Press", "Mary Press", "Ali Hassan"),
        shape("Pa Kou Vang and Efe Kaya, PA", "Pa Kou Vang", "Efe Kaya"),
        shape("Li Xinhua | Xinhua", "Li Xinhua"),
        shape("Ansa Virtanen, ANSA", "Ansa Virtanen"),
        // Addresses
        shape("jane@example.com (Jane Roe)", "Jane Roe"),
        shape(
            "Jane Roe <jane@example.com>, Ali Hassan <ali@example.com>", "Jane Roe", "Ali Hassan"),
        shape("newsdesk@example.com"),
        shape("Jane Roe @janeroe", "Jane Roe"),
        // Name shapes that must survive unchanged
        shape("J. R. Smith and Mary O. Doe.", "J. R. Smith", "Mary O. Doe"),
        shape("Jane R.", "Jane R."),
        shape("Tom Baker Jr. and Anouk in 't Veld", "Tom Baker Jr.", "Anouk in 't Veld"),
        shape(
            "Maria van der Berg, Jean-Luc de la Fontaine and Ludwig von Amsel",
            "Maria van der Berg",
            "Jean-Luc de la Fontaine",
            "Ludwig von Amsel"),
        shape(
            "Karim Ibn Saleh & Seán O’Brien & Aoife D'Arcy",
            "Karim Ibn Saleh",
            "Seán O’Brien",
            "Aoife D'Arcy"),
        shape(
            "Rêbaz Şêxanî, Ayşe Çağlar Öztürk, Þórdís Jónsdóttir - Anadolu",
            "Rêbaz Şêxanî",
            "Ayşe Çağlar Öztürk",
            "Þórdís Jónsdóttir"),
        shape(
            "Nguyễn Thị Hằng and ʿAbd al-Raḥmān al-Ḥakīm",
            "Nguyễn Thị Hằng",
            "ʿAbd al-Raḥmān al-Ḥakīm"),
        shape("Mary (Molly) Doe", "Mary Doe"),
        // Arabic and Persian
        shape("بقلم سلمى الحكيم", "سلمى الحكيم"),
        shape("بقلم: سلمى الحكيم", "سلمى الحكيم"),
        shape("سلمى الحكيم، أحمد وليد الحكيم", "سلمى الحكيم", "أحمد وليد الحكيم"),
        shape("سلمى الحكيم وأحمد علي", "سلمى الحكيم", "أحمد علي"),
        shape("سلمى الحكيم و أحمد علي", "سلمى الحكيم", "أحمد علي"),
        shape("أحمد وليد الحكيم", "أحمد وليد الحكيم"),
        shape("سلمى الحكيم (وكالات)", "سلمى الحكيم"),
        shape("سلمى الحكيم - أ ف ب", "سلمى الحكيم"),
        shape("مریم رضایی و نسرین کاظمی", "مریم رضایی", "نسرین کاظمی"),
        // Ambiguous or empty
        shape("Doe, Jane", "Doe", "Jane"),
        shape("Jane Roe, jane roe, JANE ROE", "Jane Roe"),
        shape("José Núñez and Jose Nunez", "José Núñez"),
        shape(null),
        shape("   \u00A0\n "),
        shape("By"),
        shape(", ; | — / &"));
  }

  private static Arguments shape(String raw, String... names) {
    return Arguments.of(raw, List.of(names));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("shapes")
  void splitsRealWorldBylines(String raw, List<String> names) {
    assertThat(PARSER.split(raw)).containsExactlyElementsOf(names);
  }

  @Test
  void agencyNamesComeFromTheCallerNotTheCode() {
    BylineParser wiresOnly = new BylineParser(AgencyNames.wires());
    assertThat(wiresOnly.split("Jane Roe – Meridian Press"))
        .containsExactly("Jane Roe", "Meridian Press");
    assertThat(
            new BylineParser(AgencyNames.wires().plus(" Meridian \u00A0Press ", "", null))
                .split("Jane Roe – Meridian Press"))
        .containsExactly("Jane Roe");
    assertThat(wiresOnly.split("Jane Roe | Reuters, Ali Hassan - dpa"))
        .containsExactly("Jane Roe", "Ali Hassan");
  }

  @Test
  void splitAllKeepsTheFirstSpellingOfEachPersonInOrder() {
    List<String> raws = Arrays.asList("By Jane Roe", "José Núñez and JANE ROE", null, "Jose Nunez");
    assertThat(PARSER.splitAll(raws)).containsExactly("Jane Roe", "José Núñez");
    assertThat(PARSER.splitAll(null)).isEmpty();
    assertThat(PARSER.splitAll(List.of())).isEmpty();
  }

  @Test
  void returnsAtMostTwentyNames() {
    List<String> many = new ArrayList<>();
    for (char c = 'a'; c < 'a' + 25; c++) {
      many.add("Ann X" + c);
    }
    assertThat(PARSER.split(String.join(", ", many))).isEqualTo(many.subList(0, 20));
    assertThat(PARSER.splitAll(List.of(String.join(", ", many), "Jane Roe")))
        .isEqualTo(many.subList(0, 20));
  }

  @Test
  void dropsNamesLongerThan120CharactersRatherThanCuttingThem() {
    String longest = "Jane " + "o".repeat(111) + " Roe";
    String tooLong = "Jane " + "o".repeat(112) + " Roe";
    assertThat(longest).hasSize(120);
    assertThat(PARSER.split(longest + ", " + tooLong + ", Ali Hassan"))
        .containsExactly(longest, "Ali Hassan");
  }

  @Test
  void readsHugeInputOnlyUpToASeparator() {
    String huge = "Jane Roe, " + "Ali Hassan, ".repeat(2_000) + "x".repeat(50_000);
    assertThat(PARSER.split(huge)).containsExactly("Jane Roe", "Ali Hassan");
    assertThat(PARSER.split("y".repeat(50_000))).isEmpty();
  }

  // ---- properties ----

  private static final List<String> POOL =
      List.of(
          "Jane Roe",
          "Ali Hassan",
          "Mary O. Doe",
          "J. R. Smith",
          "Maria van der Berg",
          "Jean-Luc de la Fontaine",
          "Ludwig von Amsel",
          "Karim Ibn Saleh",
          "Seán O’Brien",
          "Aoife D'Arcy",
          "Rêbaz Şêxanî",
          "Ayşe Çağlar Öztürk",
          "Þórdís Jónsdóttir",
          "Nguyễn Thị Hằng",
          "ʿAbd al-Raḥmān al-Ḥakīm",
          "Łukasz Wróbel",
          "Mary Press",
          "Pa Kou Vang",
          "Efe Kaya",
          "Ansa Virtanen",
          "Li Xinhua",
          "Anouk in 't Veld",
          "Tom Baker Jr.",
          "Madonna",
          "سلمى الحكيم",
          "أحمد وليد الحكيم",
          "وفاء حداد",
          "مریم رضایی");

  private static final List<String> PREFIXES =
      List.of("", "", "By ", "by ", "BY ", "By: ", "بقلم ", "Reporting by ");

  private static final List<String> SEPARATORS =
      List.of(", ", " and ", " AND ", " & ", " with ", "; ", " / ", "\n", ",\n", "، ", " ; ");

  private static final List<String> ARABIC_SEPARATORS = List.of(" و ", " و");

  private static final List<String> SUFFIXES =
      List.of(
          "",
          "",
          " | Reuters",
          " - AP",
          ", Associated Press",
          " (AFP)",
          " for Harbour Wire",
          ", Staff Reporter",
          "; Editing by Tomas Lind and Ute Berg",
          " — Meridian Press",
          ", dpa",
          " Associated Press",
          " AP Business Writer",
          " (Reuters)",
          ", Xinhua");

  private static final List<String> SPACES =
      List.of(" ", " ", "  ", "\u00A0", "\u2009", " \t", "\u202F");

  private static final List<String> JUNK =
      List.of(
          "...",
          "--",
          "|",
          "()",
          "(",
          ")",
          "[",
          "]",
          "@",
          "&&",
          "•",
          "“",
          "”",
          "'",
          "’",
          ".",
          ",,",
          ";;",
          ":",
          "By",
          "by:",
          "and",
          "with",
          "و",
          "بقلم",
          "\n",
          "\u00A0",
          "&amp;",
          "&#0;",
          "&#x110000;",
          "<b>",
          "</i>",
          "jane@example.com",
          "x@y",
          "(Jane Roe)",
          "Editing by",
          "Reporting by",
          "Staff",
          "Correspondent",
          "AP",
          "Reuters",
          " for ",
          " in ",
          "\u200F",
          "\u0301",
          "J.",
          "Jr.",
          "a".repeat(130));

  @Test
  void poolNamesJoinedWithKnownSeparatorsComeBackExactlyInOrder() {
    Random random = new Random(20260412);
    for (int i = 0; i < 5_000; i++) {
      List<String> names = pick(random);
      String raw = byline(random, names);
      List<String> result = PARSER.split(raw);
      assertWellFormed(result, raw);
      assertThat(result).as("split(%s)", raw).containsExactlyElementsOf(names);
    }
  }

  @Test
  void randomInputNeverThrowsAndAlwaysGivesCleanDistinctNames() {
    Random random = new Random(20261125);
    for (int i = 0; i < 5_000; i++) {
      String raw = junk(random);
      assertWellFormed(PARSER.split(raw), raw);
      List<String> raws = List.of(raw, junk(random), byline(random, pick(random)));
      assertWellFormed(PARSER.splitAll(raws), String.join(" // ", raws));
    }
  }

  private static List<String> pick(Random random) {
    List<String> pool = new ArrayList<>(POOL);
    Collections.shuffle(pool, random);
    return List.copyOf(pool.subList(0, 1 + random.nextInt(6)));
  }

  private static String byline(Random random, List<String> names) {
    StringBuilder sb = new StringBuilder(spaced(random, oneOf(random, PREFIXES)));
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        boolean arabic = isArabic(names.get(i - 1)) && isArabic(names.get(i));
        List<String> separators = arabic && random.nextBoolean() ? ARABIC_SEPARATORS : SEPARATORS;
        sb.append(spaced(random, oneOf(random, separators)));
      }
      sb.append(names.get(i));
    }
    sb.append(spaced(random, oneOf(random, SUFFIXES)));
    String before = oneOf(random, List.of("", " ", "\n", "\u00A0"));
    return before + sb + oneOf(random, List.of("", " ", "\n"));
  }

  private static String junk(Random random) {
    StringBuilder sb = new StringBuilder();
    int chunks = random.nextInt(12);
    for (int i = 0; i < chunks; i++) {
      switch (random.nextInt(5)) {
        case 0 -> sb.append(oneOf(random, POOL));
        case 1 -> sb.append(oneOf(random, SEPARATORS));
        case 2 -> sb.append(oneOf(random, SUFFIXES));
        case 3 -> sb.append(oneOf(random, JUNK));
        default -> {
          int length = random.nextInt(8);
          for (int j = 0; j < length; j++) {
            int bound = random.nextInt(3) == 0 ? Character.MAX_CODE_POINT + 1 : 0x3000;
            sb.appendCodePoint(random.nextInt(bound));
          }
        }
      }
    }
    return sb.toString();
  }

  private static void assertWellFormed(List<String> names, String raw) {
    assertThat(names).as("split(%s)", raw).hasSizeLessThanOrEqualTo(BylineParser.MAX_NAMES);
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      assertThat(name).as("name from %s", raw).isNotBlank();
      assertThat(name.codePointCount(0, name.length())).isLessThanOrEqualTo(120);
      assertThat(name.codePoints().anyMatch(Character::isLetter)).isTrue();
      char first = name.charAt(0);
      char last = name.charAt(name.length() - 1);
      assertThat(isSpace(first) || isSpace(last)).as("spaces around [%s]", name).isFalse();
      assertThat(SEPARATOR_PUNCTUATION.indexOf(first) >= 0 || first == '.')
          .as("[%s] starts with separator punctuation", name)
          .isFalse();
      assertThat(SEPARATOR_PUNCTUATION.indexOf(last) >= 0)
          .as("[%s] ends with separator punctuation", name)
          .isFalse();
      if (last == '.') {
        assertThat(name)
            .as("[%s] ends with a period that is not an initial", name)
            .matches("(?s)(.*[ .])?(\\p{L}\\p{M}*|(?i:[js]n?r))\\.");
      }
      assertThat(seen.add(sameness(name))).as("duplicate [%s] from %s", name, raw).isTrue();
    }
  }

  private static final String SEPARATOR_PUNCTUATION = ",;:|/\\&-–—،؛";

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static String sameness(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }

  private static boolean isArabic(String name) {
    return Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.ARABIC;
  }

  private static String spaced(Random random, String template) {
    StringBuilder sb = new StringBuilder();
    for (char c : template.toCharArray()) {
      sb.append(c == ' ' ? oneOf(random, SPACES) : String.valueOf(c));
    }
    return sb.toString();
  }

  private static <T> T oneOf(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
