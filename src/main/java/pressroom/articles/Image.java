package pressroom.articles;

/** An article's lead picture; caption and credit may be null. */
public record Image(String url, String caption, String credit) {}
