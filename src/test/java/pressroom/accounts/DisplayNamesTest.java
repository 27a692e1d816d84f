package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import pressroom.web.Access.Role;

/** Issue 12.14: display names are stored in one form and readers' names do not pass for staff. */
class DisplayNamesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'  Rêbaz   Şêxanî '|Rêbaz Şêxanî",
        "Ann\u0001 Lee|Ann Lee",
        "evil\u202Enimda|evilnimda",
        "zero\u200Bwidth|zerowidth",
        "e\u0301cole|école",
        "'\t\n'|",
      })
  void namesAreNormalised(String raw, String stored) {
    var outcome = DisplayNames.check(raw, Role.READER, "Pressroom");
    assertThat(outcome).isEqualTo(new DisplayNames.Outcome.Ok(stored));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Editor",
        "The Moderators",
        "admin team",
        "ＡＤＭＩＮ",
        "Site Staff",
        "Pressroom",
        "Press Room",
        "pressroom desk",
        "Ëditor"
      })
  void readersCannotPassForTheSiteOrItsStaff(String name) {
    assertThat(DisplayNames.check(name, Role.READER, "Pressroom"))
        .isInstanceOf(DisplayNames.Outcome.Refused.class);
    assertThat(DisplayNames.check(name, Role.EDITOR, "Pressroom"))
        .isInstanceOf(DisplayNames.Outcome.Ok.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Jane Creditor",
        "Modesty Blaise",
        "Administrative Assistant Jo",
        "Press on",
        "Roomba"
      })
  void ordinaryNamesThatMerelyContainSuchLettersAreFine(String name) {
    assertThat(DisplayNames.check(name, Role.READER, "Pressroom"))
        .isInstanceOf(DisplayNames.Outcome.Ok.class);
  }

  @org.junit.jupiter.api.Test
  void longNamesAreRefused() {
    assertThat(DisplayNames.check("x".repeat(61), Role.READER, "Pressroom"))
        .isInstanceOf(DisplayNames.Outcome.Refused.class);
    assertThat(DisplayNames.check("x".repeat(60), Role.READER, "Pressroom"))
        .isInstanceOf(DisplayNames.Outcome.Ok.class);
  }
}
