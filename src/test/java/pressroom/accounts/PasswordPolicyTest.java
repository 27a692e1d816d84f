package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {
  private static final Map<String, String> MESSAGES =
      Map.of(
          "short", "Use at least 10 characters.",
          "long", "Use at most 256 characters.",
          "common", "This password is too common; choose another.",
          "simple", "Avoid repeats and simple sequences like aaaaaaaaaa, 1234567890 or qwertyuiop.",
          "personal", "Do not use your user ID or e-mail address in your password.");

  @ParameterizedTest(name = "\"{0}\" for {1} / {2}: {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # password                      | user ID | e-mail                | problems
          correct horse battery staple    | alice   | alice@example.org     |
          Tr0ub4dor&3x                    | bob99   | bob@example.org       |
          ünïcödé pässwörd                | -       | -                     |
          密码很长很安全吗真的吗              | -       | -                     |
          🔐🦄👍🏽🌍🚀🎉🍕🐱🐶🌈                | -       | -                     |
          '  spaces   are   fine  '        | -       | -                     |
          bo is my nickname ok            | bo      | bo@example.org        |
          short                           | -       | -                     | short
          ''                              | -       | -                     | short
          password123                     | -       | -                     | common
          PassWord123                     | -       | -                     | common
          1234567890                      | -       | -                     | common
          Welcome2025                     | -       | -                     | common
          football10                      | -       | -                     | common
          qwertyuiop                      | -       | -                     | common
          12345678901234                  | -       | -                     | simple
          7890123456                      | -       | -                     | simple
          abcdefghijkl                    | -       | -                     | simple
          ZYXWVUTSRQPO                    | -       | -                     | simple
          qwertyuiopasdf                  | -       | -                     | simple
          mnbvcxzlkjhgfdsa                | -       | -                     | simple
          1qaz2wsx3edc4rfv                | -       | -                     | common
          aaaaaaaaaaaa                    | -       | -                     | simple
          '          '                    | -       | -                     | simple
          abababababab                    | -       | -                     | simple
          passpasspass                    | -       | -                     | simple
          😀😀😀😀😀😀😀😀😀😀                  | -       | -                     | simple
          aaa                             | -       | -                     | short simple
          my name is alice!               | alice   | other@example.org     | personal
          ALICE in wonderland             | Alice   | -                     | personal
          j.smith writes here             | -       | J.Smith@example.org   | personal
          jsmith writes here              | -       | J.Smith@example.org   |
          alice123                        | alice   | -                     | short personal
          """)
  void findsTheProblems(String password, String userId, String email, String expected) {
    List<String> messages =
        expected == null
            ? List.of()
            : Arrays.stream(expected.split(" ")).map(MESSAGES::get).toList();

    assertThat(PasswordPolicy.problems(password, userId, email)).isEqualTo(messages);
  }

  @Test
  void countsCharactersAsReadersSeeThem() {
    String nineDecomposed = "e\u0301".repeat(9); // 18 chars of Java, 9 letters "é"
    String tenEmoji = "🦄🌍🚀🎉🍕🐱🐶🌈🔐👍"; // 20 chars of Java

    assertThat(PasswordPolicy.problems(nineDecomposed, null, null))
        .contains("Use at least 10 characters.");
    assertThat(PasswordPolicy.problems(tenEmoji, null, null)).isEmpty();
  }

  @Test
  void allowsUpTo256Characters() {
    String limit =
        "Lorem ipsum, dolor sit amet 🙂 "
            .repeat(10)
            .codePoints()
            .limit(256)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    String over = limit + "x";

    assertThat(limit.codePointCount(0, limit.length())).isEqualTo(256);
    assertThat(PasswordPolicy.problems(limit, "alice", "alice@example.org")).isEmpty();
    assertThat(PasswordPolicy.problems("x".repeat(256) + "y", null, null))
        .containsExactly("Use at most 256 characters.");
    assertThat(PasswordPolicy.problems(over.repeat(1_000), null, null))
        .containsExactly("Use at most 256 characters.");
  }

  @Test
  void everyBundledCommonPasswordIsRefused() throws Exception {
    try (var in = PasswordPolicy.class.getResourceAsStream("/accounts/common-passwords.txt")) {
      List<String> entries =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.isBlank() && !line.startsWith("#"))
              .toList();

      assertThat(entries).hasSizeGreaterThan(250).doesNotHaveDuplicates();
      for (String entry : entries) {
        assertThat(entry)
            .as(entry)
            .hasSizeGreaterThanOrEqualTo(10)
            .isEqualTo(entry.toLowerCase(Locale.ROOT));
        assertThat(PasswordPolicy.problems(entry, null, null))
            .as(entry)
            .containsExactly("This password is too common; choose another.");
      }
    }
  }
}
