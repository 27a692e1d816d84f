package pressroom.ingest.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Agencies, job titles and their qualifiers at the end of a name are credit, not the author: "Jane
 * Roe AP Business Writer" is Jane Roe. Which names are agencies is the caller's {@link
 * AgencyNames}.
 */
final class BylineCredit {
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

  private final AgencyNames agencies;

  BylineCredit(AgencyNames agencies) {
    this.agencies = agencies;
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
  String withoutCredit(String name) {
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
    String[] trimmed = Arrays.stream(words).map(BylineText::trimEnds).toArray(String[]::new);
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
}
