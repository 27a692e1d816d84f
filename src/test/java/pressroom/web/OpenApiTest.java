package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;

/**
 * The OpenAPI document names exactly the /api/v1 endpoints the server has, and the read API works.
 */
class OpenApiTest {
  @Test
  void theDocumentDescribesEveryEndpointAndNoOther() throws Exception {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false)) {
      var r = site.get("/api/openapi.json");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode doc = new ObjectMapper().readTree(r.body());
      assertThat(doc.get("openapi").asText()).startsWith("3.");
      List<String> documented = new ArrayList<>();
      doc.get("paths")
          .fields()
          .forEachRemaining(
              p ->
                  p.getValue()
                      .fieldNames()
                      .forEachRemaining(
                          m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
      assertThat(documented).containsExactlyInAnyOrderElementsOf(site.app().apiEndpoints());
      assertThat(site.app().apiEndpoints()).hasSizeGreaterThan(20);
    }
  }

  @Test
  void theReadApiUsesNinjsNamesAndKeepsPartnersTextOnOurPages() throws Exception {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false)) {
      Fixtures f = Fixtures.load(site.app());
      JsonNode list =
          new ObjectMapper().readTree(site.get("/api/v1/articles?section=world").body());
      assertThat(list.get("items").findValuesAsText("headline"))
          .containsExactly(
              "Mountain village switches on its solar microgrid",
              "افتتاح مكتبة جديدة في المدينة القديمة");
      JsonNode own = new ObjectMapper().readTree(site.get("/api/v1/articles/" + f.own.id()).body());
      assertThat(own.get("uri").asText()).isEqualTo("urn:pressroom:article:" + f.own.id());
      assertThat(own.get("byline").asText()).isEqualTo("Rêbaz Şêxanî and Þórdís Jónsdóttir");
      assertThat(own.get("body_html").asText()).contains("Sanandaj");
      JsonNode wire =
          new ObjectMapper().readTree(site.get("/api/v1/articles/" + f.wire.id()).body());
      assertThat(wire.has("body_html")).isFalse();
      assertThat(wire.get("copyrightholder").asText()).isEqualTo("Test Wire");
      assertThat(site.get("/api/v1/articles/" + f.withdrawn.id()).statusCode()).isEqualTo(404);
      assertThat(site.get("/api/v1/articles?page=x").statusCode()).isEqualTo(400);
    }
  }
}
