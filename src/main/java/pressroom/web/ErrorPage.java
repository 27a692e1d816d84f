package pressroom.web;

/** Model of the 404/500/400 page, framed like every other page. */
public record ErrorPage(Chrome chrome, Head head, int status, String title, String message) {}
