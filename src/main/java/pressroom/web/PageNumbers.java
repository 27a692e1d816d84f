package pressroom.web;

/** The page number of a listing, search or API request: absent means 1, nonsense means 400. */
public final class PageNumbers {
  private PageNumbers() {}

  public static int parse(String raw, int max) {
    if (raw == null) {
      return 1;
    }
    try {
      int page = Integer.parseInt(raw);
      if (page >= 1 && page <= max) {
        return page;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw PageException.badRequest(
        "The page number “" + raw + "” is not valid: use a whole number from 1 to " + max + ".");
  }
}
