package pressroom.articles;

/** A partner that supplies articles: a wire agency or another publisher. */
public record Source(
    String id, String name, String homeUrl, String attribution, SeoPolicy seoPolicy) {}
