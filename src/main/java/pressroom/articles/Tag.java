package pressroom.articles;

/** A subject label; the slug is the tag page's address. */
public record Tag(String id, String slug, String name) {}
