package pressroom.ingest.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agency and wire names that a byline credits rather than being written by: "Jane Roe |
 * Reuters". Data, not code: the well-known wires ship in {@code /ingest/wire-agencies.txt}, and a
 * site adds its own partners' names (each source's name, and any the operator lists). Immutable.
 *
 * <p>A name of up to four characters is an acronym and matches only as written, so "Efe", "Ansa"
 * and "Pa" remain given names; longer names match in any case.
 */
public final class AgencyNames {
  private static final String WIRES_FILE = "/ingest/wire-agencies.txt";

  private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");

  private static final AgencyNames WIRES = new AgencyNames(readWires());

  private final Set<String> names;

  /** The names as words, longest first so "Associated Press" wins over shorter entries. */
  private final List<List<String>> byLength;

  private AgencyNames(Set<String> names) {
    this.names = Set.copyOf(names);
    this.byLength =
        this.names.stream()
            .map(name -> List.of(name.split(" ")))
            .sorted(Comparator.comparingInt((List<String> words) -> words.size()).reversed())
            .toList();
  }

  /** The well-known wire agencies (AP, Reuters, AFP, dpa, …), the same for every site. */
  public static AgencyNames wires() {
    return WIRES;
  }

  /** These names and {@code more}; blank entries are ignored, spaces inside one collapsed. */
  public AgencyNames plus(Collection<String> more) {
    Set<String> all = new LinkedHashSet<>(names);
    for (String name : more) {
      String words = name == null ? "" : SPACES.matcher(name).replaceAll(" ").strip();
      if (!words.isEmpty()) {
        all.add(words);
      }
    }
    return all.size() == names.size() ? this : new AgencyNames(all);
  }

  public AgencyNames plus(String... more) {
    return plus(Arrays.asList(more));
  }

  /**
   * How many words of an agency name end just before {@code end} in {@code words} (already stripped
   * of edge punctuation), or 0.
   */
  int endingAt(String[] words, int end) {
    for (List<String> agency : byLength) {
      int from = end - agency.size();
      if (from < 0) {
        continue;
      }
      boolean acronym = agency.size() == 1 && agency.get(0).length() <= 4;
      boolean matches = true;
      for (int i = 0; i < agency.size() && matches; i++) {
        String word = words[from + i];
        matches = acronym ? word.equals(agency.get(i)) : word.equalsIgnoreCase(agency.get(i));
      }
      if (matches) {
        return agency.size();
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgencyNames other && names.equals(other.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return "AgencyNames" + names;
  }

  private static Set<String> readWires() {
    Set<String> names = new LinkedHashSet<>();
    try (InputStream in = AgencyNames.class.getResourceAsStream(WIRES_FILE)) {
      if (in == null) {
        throw new IllegalStateException(WIRES_FILE + " is missing from the build");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
