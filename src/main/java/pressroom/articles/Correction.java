package pressroom.articles;

import java.time.Instant;

/** A correction an editor appended to an article; readers see it under the text with its time. */
public record Correction(String id, String note, Instant at) {}
