package pressroom.ingest.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import pressroom.articles.Sections;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;

/** A row of the sources table as a {@link FeedSource}, and the JSON some of its columns hold. */
final class SourceRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SourceRows() {}

  static String json(Map<String, String> headers) {
    try {
      return JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(FeedSource.LastRun run) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("new", run.inserted());
    fields.put("updated", run.updated());
    fields.put("withdrawn", run.withdrawn());
    fields.put("unchanged", run.unchanged());
    fields.put("skipped", run.skipped());
    fields.put("reasons", run.reasons());
    fields.put("notModified", run.notModified());
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The last run as stored, or null when none was (or it cannot be read). */
  private static FeedSource.LastRun lastRun(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(json);
      List<String> reasons = new ArrayList<>();
      n.path("reasons").forEach(r -> reasons.add(r.asText()));
      return new FeedSource.LastRun(
          n.path("new").asInt(),
          n.path("updated").asInt(),
          n.path("withdrawn").asInt(),
          n.path("unchanged").asInt(),
          n.path("skipped").asInt(),
          reasons,
          n.path("notModified").asBoolean());
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static Map<String, String> headers(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  /** Maps rows to sources, their section named by its slug (the sections are the articles'). */
  static RowMapper<FeedSource> mapper(Handle h) {
    Map<String, String> sectionSlugs = Sections.sectionSlugs(h);
    return (rs, ctx) -> source(rs, sectionSlugs);
  }

  private static FeedSource source(ResultSet rs, Map<String, String> sectionSlugs)
      throws SQLException {
    return new FeedSource(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("home_url"),
        rs.getString("feed_url"),
        FeedFormat.fromName(rs.getString("format")),
        sectionSlugs.get(rs.getString("section_id")),
        rs.getString("attribution"),
        rs.getInt("priority"),
        Duration.ofSeconds(rs.getLong("interval_seconds")),
        headers(rs.getString("request_headers")),
        SeoPolicy.fromDb(rs.getString("seo_policy")),
        "full".equals(rs.getString("content_policy")),
        rs.getInt("expire_after_days"),
        FeedSource.State.fromDb(rs.getString("state")),
        rs.getString("etag"),
        rs.getString("last_modified"),
        instant(rs, "last_fetch_at"),
        instant(rs, "next_fetch_at"),
        instant(rs, "last_success_at"),
        instant(rs, "failing_since"),
        rs.getString("last_error"),
        rs.getInt("consecutive_failures"),
        rs.getLong("items_total"),
        lastRun(rs.getString("last_run")));
  }
}
