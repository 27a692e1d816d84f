package pressroom.articles;

/** A person named in a byline; the slug is the author page's address. */
public record Author(String id, String slug, String name) {}
