package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdPolicyTest {
  private static final Map<String, String> MESSAGES =
      Map.of(
          "length", "Use 3 to 30 characters.",
          "characters",
              "Use only the letters a-z and A-Z, the digits 0-9, and . _ - (no spaces or accents).",
          "ends", "Start and end with a letter or a digit.",
          "reserved", "This user ID is reserved.");

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # user ID                         | problems
          alice                             |
          Bob_99                            |
          j.smith                           |
          mary-jane                         |
          a1b                               |
          007                               |
          Admin2                            |
          moderation-fan                    |
          abcdefghijabcdefghijabcdefghij    |
          ab                                | length
          ''                                | length
          abcdefghijabcdefghijabcdefghijk   | length
          jörg                              | characters
          'john smith'                      | characters
          alice@example.org                 | characters
          Ĳsbrand                           | characters ends
          🙂🙂🙂                            | characters ends
          _alice                            | ends
          alice.                            | ends
          -                                 | length ends
          mod.                              | ends reserved
          """)
  void findsTheProblems(String userId, String expected) {
    List<String> messages =
        expected == null
            ? List.of()
            : Arrays.stream(expected.split(" ")).map(MESSAGES::get).toList();

    assertThat(UserIdPolicy.problems(userId)).isEqualTo(messages);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "admin",
        "ADMIN",
        "Admin",
        "aDmIn",
        "administrator",
        "moderator",
        "mod",
        "support",
        "help",
        "root",
        "System",
        "staff",
        "editor",
        "PressRoom",
        "security",
        "abuse",
        "postmaster",
        "webmaster",
        "noreply",
        "no-reply",
        "No_Reply",
        "no.reply",
        "info",
        "contact",
        "api",
        "www",
        "mail",
        "null",
        "undefined",
        "anonymous",
        "deleted",
        "ad.min",
        "mailer-daemon"
      })
  void refusesReservedNamesInAnyCase(String userId) {
    assertThat(UserIdPolicy.problems(userId)).containsExactly("This user ID is reserved.");
  }

  @Test
  void keyIgnoresCaseInEveryLocale() {
    assertThat(UserIdPolicy.key("Alice.Smith")).isEqualTo("alice.smith");
    assertThat(UserIdPolicy.key("ALICE")).isEqualTo(UserIdPolicy.key("alice"));

    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      assertThat(UserIdPolicy.key("TIM")).isEqualTo("tim");
      assertThat(UserIdPolicy.problems("ADMIN")).containsExactly("This user ID is reserved.");
    } finally {
      Locale.setDefault(before);
    }
  }
}
