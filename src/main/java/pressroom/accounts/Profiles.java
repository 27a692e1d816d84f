package pressroom.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a signed-in reader changes about their account: name, address, deletion, export. */
public final class Profiles {

  private final AccountDao accounts;
  private final Passwords passwords;
  private final AccountMail accountMail;
  private final String siteName;
  private final InstantSource clock;

  public Profiles(
      AccountDao accounts,
      Passwords passwords,
      AccountMail accountMail,
      String siteName,
      InstantSource clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.accountMail = accountMail;
    this.siteName = siteName;
    this.clock = clock;
  }

  /**
   * Starts an e-mail change: the new address gets a confirmation link; until then the old one
   * stays.
   */
  public Optional<String> changeEmail(Account a, String newEmail) {
    String mail = newEmail == null ? "" : newEmail.strip();
    List<String> problems = EmailAddresses.problems(mail);
    if (!problems.isEmpty()) {
      return Optional.of(problems.get(0));
    }
    Instant now = clock.instant();
    Optional<Duration> wait = accountMail.allowed(a.id(), mail, now);
    if (wait.isPresent()) {
      return Optional.of(
          "Too many messages went to this account or address lately; try again in "
              + new Throttled(wait.get()).minutes()
              + " minutes.");
    }
    // Only the newest address asked for can be confirmed: an older link (a typo's, say) is dead.
    accounts.spendTokens(a.id(), "verify", now);
    if (accounts.emailTaken(mail)) {
      // The same answer as for a free address: whether an address has an account is not told.
      if (!a.email().equalsIgnoreCase(mail)) {
        accountMail.sendAddressTaken(mail); // counted above
      }
      return Optional.empty();
    }
    accountMail.sendVerification(a.id(), a.userId(), mail, "/", null, now);
    return Optional.empty();
  }

  /** Deletes the account after checking the password: personal data is removed, sessions end. */
  public boolean delete(Account a, String password) {
    String hash = accounts.passwordHash(a.id()).orElse("");
    if (!passwords.verify(password == null ? "" : password, hash).matches()) {
      return false;
    }
    accounts.anonymise(a.id(), clock.instant());
    return true;
  }

  /**
   * Sets the name shown beside the reader's comments (blank: none), or says what is wrong with it.
   */
  public Optional<String> setDisplayName(Account a, String raw) {
    return switch (DisplayNames.check(raw, a.role(), siteName)) {
      case DisplayNames.Outcome.Ok ok -> {
        accounts.setDisplayName(a.id(), ok.name());
        yield Optional.empty();
      }
      case DisplayNames.Outcome.Refused r -> Optional.of(r.problem());
    };
  }

  /** Everything we hold about the reader, as JSON-ready maps: the profile, then each other part. */
  public Map<String, Object> export(Account a, List<PersonalData> parts) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("userId", a.userId());
    profile.put("email", a.email());
    profile.put("displayName", a.displayName());
    profile.put("emailVerified", a.verified());
    profile.put("role", a.role().name().toLowerCase(java.util.Locale.ROOT));
    profile.put("notifyReplies", a.notifyReplies());
    profile.put("createdAt", a.createdAt().toString());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("profile", profile);
    for (PersonalData part : parts) {
      out.put(part.part(), part.reader().of(a.id()));
    }
    return out;
  }
}
