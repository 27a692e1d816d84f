package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pressroom.search.QueryText.Field;
import pressroom.search.QueryText.Filter;
import pressroom.search.QueryText.Phrase;
import pressroom.search.QueryText.Word;

/** The search box's syntax on its own: what each kind of text is read as. */
class QueryTextTest {
  static List<QueryText.Part> parts(String text) {
    return QueryText.parse(text).parts();
  }

  @Test
  void wordsPhrasesExclusionsAndFilters() {
    assertThat(parts("harbour cranes"))
        .containsExactly(new Word("harbour", false), new Word("cranes", false));
    assertThat(parts("\"solar microgrid\"")).containsExactly(new Phrase("solar microgrid", false));
    assertThat(parts("ports -energy"))
        .containsExactly(new Word("ports", false), new Word("energy", true));
    assertThat(parts("-\"solar microgrid\" lights"))
        .containsExactly(new Phrase("solar microgrid", true), new Word("lights", false));
    assertThat(parts("author:jane-roe"))
        .containsExactly(new Filter(Field.AUTHOR, "jane-roe", false));
    assertThat(parts("source:\"Open Cooperative\" microgrid"))
        .containsExactly(
            new Filter(Field.SOURCE, "Open Cooperative", false), new Word("microgrid", false));
    assertThat(parts("-section:world summary"))
        .containsExactly(new Filter(Field.SECTION, "world", true), new Word("summary", false));
    assertThat(parts("Section:World AUTHOR:\"Jane Roe\""))
        .containsExactly(
            new Filter(Field.SECTION, "World", false), new Filter(Field.AUTHOR, "Jane Roe", false));
  }

  @Test
  void theRecordSortsThePartsByKind() {
    QueryText q =
        QueryText.parse(
            "dock \"fresh start\" -strike -\"long dispute\" section:world -author:jane-roe port");
    assertThat(q.words()).containsExactly(new Word("dock", false), new Word("port", false));
    assertThat(q.phrases()).containsExactly(new Phrase("fresh start", false));
    assertThat(q.filters()).containsExactly(new Filter(Field.SECTION, "world", false));
    assertThat(q.exclusions())
        .containsExactly(
            new Word("strike", true),
            new Phrase("long dispute", true),
            new Filter(Field.AUTHOR, "jane-roe", true));
    assertThat(q.shortened()).isFalse();
  }

  @Test
  void luceneSyntaxIsText() {
    assertThat(parts("/.*a.{30}/")).containsExactly(new Word("/.*a.{30}/", false));
    assertThat(parts("a~2 harb*r cran?s b^4"))
        .containsExactly(
            new Word("a~2", false),
            new Word("harb*r", false),
            new Word("cran?s", false),
            new Word("b^4", false));
    assertThat(parts("[a TO z]"))
        .containsExactly(new Word("[a", false), new Word("TO", false), new Word("z]", false));
    assertThat(parts("{a TO z}"))
        .containsExactly(new Word("{a", false), new Word("TO", false), new Word("z}", false));
    assertThat(parts("a && b || !c"))
        .containsExactly(
            new Word("a", false),
            new Word("&&", false),
            new Word("b", false),
            new Word("||", false),
            new Word("!c", false));
    assertThat(parts("dock AND port OR NOT ferry"))
        .extracting(p -> ((Word) p).text())
        .containsExactly("dock", "AND", "port", "OR", "NOT", "ferry");
    assertThat(parts("+must (group) \\escaped"))
        .containsExactly(
            new Word("+must", false), new Word("(group)", false), new Word("\\escaped", false));
    assertThat(parts("headline:harbour foo:bar"))
        .containsExactly(new Word("headline:harbour", false), new Word("foo:bar", false));
    assertThat(parts("all:x id:1 generation:5 sample:32")).allMatch(p -> p instanceof Word);
    assertThat(parts("xauthor:jane")).containsExactly(new Word("xauthor:jane", false));
  }

  @Test
  void brokenSyntaxIsReadSensibly() {
    assertThat(parts("\"solar microgrid")).containsExactly(new Phrase("solar microgrid", false));
    assertThat(parts("\"unclosed")).containsExactly(new Phrase("unclosed", false));
    assertThat(parts("author:")).containsExactly(new Word("author:", false));
    assertThat(parts("author: jane"))
        .containsExactly(new Word("author:", false), new Word("jane", false));
    assertThat(parts("-author:")).containsExactly(new Word("author:", true));
    assertThat(parts("source:\"Open Cooperative"))
        .containsExactly(new Filter(Field.SOURCE, "Open Cooperative", false));
    assertThat(parts("-")).isEmpty();
    assertThat(parts("- - -")).isEmpty();
    assertThat(parts("--")).isEmpty();
    assertThat(parts("-\"")).isEmpty();
    assertThat(parts("\"\" \"   \"")).isEmpty();
    assertThat(parts("--energy")).containsExactly(new Word("-energy", true));
    assertThat(parts("e-mail")).containsExactly(new Word("e-mail", false));
    assertThat(parts("don\"t stop"))
        .containsExactly(new Word("don\"t", false), new Word("stop", false));
    assertThat(parts("\"a b\"c")).containsExactly(new Phrase("a b", false), new Word("c", false));
    assertThat(parts("((( broken \"syntax"))
        .containsExactly(
            new Word("(((", false), new Word("broken", false), new Phrase("syntax", false));
  }

  @Test
  void curlyQuotesMakePhrases() {
    assertThat(parts("“solar microgrid” -„long dispute“"))
        .containsExactly(new Phrase("solar microgrid", false), new Phrase("long dispute", true));
    assertThat(parts("source:“Open Cooperative”"))
        .containsExactly(new Filter(Field.SOURCE, "Open Cooperative", false));
  }

  @Test
  void whitespaceAndControlCharactersSeparateWords() {
    assertThat(parts("  a\tb\nc\r\nd\u0000e\u00a0f\u3000g\u2028h  "))
        .extracting(p -> ((Word) p).text())
        .containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
    assertThat(parts("")).isEmpty();
    assertThat(parts(" \t\n")).isEmpty();
    assertThat(QueryText.parse(null)).isEqualTo(QueryText.EMPTY);
  }

  @Test
  void anyScriptIsWords() {
    assertThat(parts("مكتبة جديدة"))
        .containsExactly(new Word("مكتبة", false), new Word("جديدة", false));
    assertThat(parts("Şanlıurfa 東京大学 😀"))
        .containsExactly(
            new Word("Şanlıurfa", false), new Word("東京大学", false), new Word("😀", false));
  }

  @Test
  void aLongSearchIsReadUpToItsLimits() {
    QueryText many = QueryText.parse("word ".repeat(40));
    assertThat(many.parts()).hasSize(QueryText.MAX_PARTS);
    assertThat(many.shortened()).isTrue();
    assertThat(QueryText.parse("word ".repeat(QueryText.MAX_PARTS)).shortened()).isFalse();

    QueryText longWord = QueryText.parse("x".repeat(10_000));
    assertThat(((Word) longWord.parts().getFirst()).text()).hasSize(QueryText.MAX_LENGTH);
    assertThat(longWord.shortened()).isTrue();

    // Not cut between the two halves of a character.
    String emoji = "a".repeat(QueryText.MAX_LENGTH - 1) + "😀";
    assertThat(((Word) QueryText.parse(emoji).parts().getFirst()).text())
        .isEqualTo("a".repeat(QueryText.MAX_LENGTH - 1));
  }
}
