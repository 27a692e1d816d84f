package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressesTest {
  private static final Map<String, String> MESSAGES =
      Map.of(
          "empty", "Enter your e-mail address.",
          "long", "Use an e-mail address of at most 254 characters.",
          "spaces", "An e-mail address cannot contain spaces.",
          "at", "An e-mail address has one @, as in name@example.org.",
          "local", "Put 1 to 64 characters before the @, as in name@example.org.",
          "localchars",
              "Check the part before the @: it cannot hold , ; : < > ( ) [ ] \\ \" or stray dots.",
          "domain", "Put a domain after the @, as in name@example.org.");

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # address                         | problems
          alice@example.org                 |
          '  Alice@Example.ORG  '           |
          j.smith+news@mail.example.co.uk   |
          o'brien@example.ie                |
          jörg@müller.de                    |
          ''                                | empty
          '   '                             | empty
          alice                             | at
          a@b@example.org                   | at
          @example.org                      | local
          alice@example                     | domain
          alice@                            | domain
          alice@.example.org                | domain
          alice@example..org                | domain
          alice@-example.org                | domain
          alice@example,org                 | domain
          'al ice@example.org'              | spaces
          'alice@exa mple.org'              | spaces domain
          alice.@example.org                | localchars
          a..b@example.org                  | localchars
          <alice>@example.org               | localchars
          """)
  void findsTheProblems(String email, String expected) {
    List<String> messages =
        expected == null
            ? List.of()
            : Arrays.stream(expected.split(" ")).map(MESSAGES::get).toList();

    assertThat(EmailAddresses.problems(email)).isEqualTo(messages);
  }

  @Test
  void limitsLengths() {
    String local64 = "a".repeat(64);
    String domain189 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org";

    assertThat(EmailAddresses.problems(local64 + "@example.org")).isEmpty();
    assertThat(EmailAddresses.problems(local64 + "a@example.org"))
        .containsExactly("Put 1 to 64 characters before the @, as in name@example.org.");
    assertThat(EmailAddresses.problems(local64 + "@" + domain189)).isEmpty(); // 254
    assertThat(EmailAddresses.problems(local64 + "@e" + domain189))
        .containsExactly("Use an e-mail address of at most 254 characters.");
  }

  @Test
  void keyTrimsAndIgnoresCase() {
    assertThat(EmailAddresses.key("  Alice@Example.ORG ")).isEqualTo("alice@example.org");
  }
}
