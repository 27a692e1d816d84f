package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {
  // Cheap parameters keep the suite fast; one test below uses the real ones.
  private final Passwords cheap = new Passwords(256, 1, 1);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery staple",
        "",
        " ",
        "Grüße aus Köln, 2026",
        "пароль-для-сайта",
        "密码很长很安全吗",
        "🔐 emoji 🦄 ok 👍🏽",
        "tab\tand\nnewline",
        "\uD800 lone surrogate"
      })
  void hashesAndVerifiesAnyString(String password) {
    String hash = cheap.hash(password);

    assertThat(hash).startsWith("$argon2id$v=19$m=256,t=1,p=1$");
    assertThat(cheap.verify(password, hash)).isEqualTo(new Passwords.Verification(true, null));
    assertThat(cheap.verify(password + "x", hash).matches()).isFalse();
  }

  @Test
  void handlesAThousandCharacterPassword() {
    String password = "abcdefghij🙂".repeat(91).substring(0, 1_000);
    String hash = cheap.hash(password);

    assertThat(cheap.verify(password, hash).matches()).isTrue();
    assertThat(cheap.verify(password.substring(0, 999), hash).matches()).isFalse();
  }

  @Test
  void refusesTheWrongPassword() {
    String hash = cheap.hash("the right one, surely");

    assertThat(cheap.verify("the wrong one, surely", hash))
        .isEqualTo(new Passwords.Verification(false, null));
    assertThat(cheap.verify("The right one, surely", hash).matches()).isFalse();
  }

  @Test
  void saltsEveryHash() {
    String a = cheap.hash("same password twice");
    String b = cheap.hash("same password twice");

    assertThat(a).isNotEqualTo(b);
    assertThat(cheap.verify("same password twice", a).matches()).isTrue();
    assertThat(cheap.verify("same password twice", b).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hunter2hunter2", "argon2id v=19", "AAAAAAAAAAAAAAAAAAAAAA"})
  void theHashNeverContainsThePassword(String password) {
    assertThat(cheap.hash(password)).doesNotContain(password);
  }

  @Test
  void composedAndDecomposedAccentsAreTheSamePassword() {
    String composed = "caf\u00e9 au lait";
    String decomposed = "cafe\u0301 au lait";

    assertThat(cheap.verify(decomposed, cheap.hash(composed)).matches()).isTrue();
  }

  @Test
  void rehashesWhenTheStoredHashUsedOtherParameters() {
    Passwords older = new Passwords(128, 1, 1);
    String oldHash = older.hash("kept across the upgrade");

    Passwords.Verification verification = cheap.verify("kept across the upgrade", oldHash);

    assertThat(verification.matches()).isTrue();
    assertThat(verification.rehashed()).startsWith("$argon2id$v=19$m=256,t=1,p=1$");
    assertThat(cheap.verify("kept across the upgrade", verification.rehashed()))
        .isEqualTo(new Passwords.Verification(true, null));
    // Old parameters are still understood by the old settings, and the new hash by the old too.
    assertThat(older.verify("kept across the upgrade", verification.rehashed()).matches()).isTrue();
  }

  @Test
  void rehashesWhenOnlyIterationsOrParallelismDiffer() {
    String twoPasses = new Passwords(256, 2, 1).hash("pass word pass");
    String twoLanes = new Passwords(256, 1, 2).hash("pass word pass");

    assertThat(cheap.verify("pass word pass", twoPasses).rehashed()).isNotNull();
    assertThat(cheap.verify("pass word pass", twoLanes).rehashed()).isNotNull();
  }

  @Test
  void doesNotRehashForAWrongPasswordOrMatchingParameters() {
    String oldHash = new Passwords(128, 1, 1).hash("kept across the upgrade");

    assertThat(cheap.verify("not the password", oldHash))
        .isEqualTo(new Passwords.Verification(false, null));
    assertThat(cheap.verify("kept across the upgrade", cheap.hash("kept across the upgrade")))
        .isEqualTo(new Passwords.Verification(true, null));
  }

  @Test
  void readsAndWritesThePhcStringsPassword4jWrites() {
    Argon2Function function = Argon2Function.getInstance(256, 1, 1, 32, Argon2.ID);
    String theirs = Password.hash("shared format").addRandomSalt(16).with(function).getResult();
    String ours = cheap.hash("shared format");

    assertThat(cheap.verify("shared format", theirs))
        .isEqualTo(new Passwords.Verification(true, null));
    assertThat(Password.check("shared format", ours).with(function)).isTrue();
  }

  @Test
  void worksUnderATurkishLocale() {
    // password4j lower-cases "ID" in the default locale; in Turkish that gives "ıd".
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      String hash = cheap.hash("istanbul İzmir ılık");
      assertThat(hash).startsWith("$argon2id$");
      assertThat(cheap.verify("istanbul İzmir ılık", hash).matches()).isTrue();
    } finally {
      Locale.setDefault(before);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "!",
        "not a hash",
        "$argon2i$v=19$m=256,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo",
        "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$",
        "$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo",
        "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo",
        "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoa"
      })
  void aStoredValueThatIsNotAnArgon2idHashMatchesNothing(String stored) {
    assertThat(cheap.verify("", stored)).isEqualTo(new Passwords.Verification(false, null));
    assertThat(cheap.verify("not a hash", stored).matches()).isFalse();
  }

  @Test
  void verifyDummyDoesNotThrow() {
    cheap.verifyDummy("anything at all");
    cheap.verifyDummy("");
    cheap.verifyDummy("🙂".repeat(1_000));
  }

  @Test
  void nullsAreNamedButPasswordsNeverShown() {
    assertThatNullPointerException().isThrownBy(() -> cheap.hash(null)).withMessage("password");
    assertThatNullPointerException()
        .isThrownBy(() -> cheap.verify("secret words here", null))
        .withMessage("storedHash")
        .satisfies(e -> assertThat(e.toString()).doesNotContain("secret words here"));
  }

  @Test
  void defaultParametersFollowOwasp() {
    Passwords passwords = new Passwords();
    String hash = passwords.hash("a real-cost password");

    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(passwords.verify("a real-cost password", hash))
        .isEqualTo(new Passwords.Verification(true, null));
    passwords.verifyDummy("nobody has this user ID");
  }
}
