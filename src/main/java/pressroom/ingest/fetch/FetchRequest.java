package pressroom.ingest.fetch;

import java.net.URI;
import java.util.Map;

/**
 * One conditional GET of a feed.
 *
 * @param etag the ETag from the previous fetch, or null
 * @param lastModified the Last-Modified from the previous fetch, or null
 * @param headers extra request headers for keyed wire APIs (secret: never logged)
 */
public record FetchRequest(URI url, String etag, String lastModified, Map<String, String> headers) {
  public FetchRequest {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return "FetchRequest[" + url + ", " + headers.size() + " extra headers]";
  }
}
