package pressroom.articles;

import java.util.List;

/** How a list of authors reads: "By A", "By A and B", "By A, B and C" (no serial comma). */
public final class Bylines {
  private Bylines() {}

  /** The text placed after the author at {@code index} of {@code count}. */
  public static String separatorAfter(int index, int count) {
    if (index >= count - 1) {
      return "";
    }
    return index == count - 2 ? " and " : ", ";
  }

  /** The byline as plain text, e.g. for JSON-LD-free contexts and feeds. */
  public static String text(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      sb.append(names.get(i)).append(separatorAfter(i, names.size()));
    }
    return sb.toString();
  }
}
