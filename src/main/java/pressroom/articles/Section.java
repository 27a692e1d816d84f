package pressroom.articles;

/** A part of the site, such as "Syndicated News". */
public record Section(String id, String slug, String name, String description) {}
