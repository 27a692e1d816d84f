package pressroom.web;

/** Thrown by a page handler to answer with a framed error page instead of the page. */
public final class PageException extends RuntimeException {
  private final int status;
  private final String title;

  public PageException(int status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  public static PageException notFound() {
    return new PageException(
        404,
        "Page not found",
        "There is no page at this address. It may have been withdrawn, or the link may be"
            + " mistyped.");
  }

  public static PageException badRequest(String message) {
    return new PageException(400, "Bad request", message);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
