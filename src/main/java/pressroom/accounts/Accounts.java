package pressroom.accounts;

import java.time.InstantSource;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import pressroom.audit.AuditLog;
import pressroom.mail.MailTemplates;
import pressroom.mail.Mailer;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Templates;

/**
 * The accounts feature put together once, by {@code App}: the services other features ask (who is
 * signed in, names, suspensions, throttles) and the pages the routes serve.
 */
public record Accounts(
    AccountDao dao,
    Sessions sessions,
    Auth auth,
    Throttle throttle,
    AccountLookups lookups,
    Suspensions suspensions,
    ReplyMailSettings replyMail,
    Registrations registrations,
    SignIns signIns,
    PasswordChanges passwordChanges,
    Profiles profiles,
    AccountViews views,
    Csrf csrf,
    AuditLog audit,
    TwoFactor twoFactor,
    PendingSignIns pendingSignIns,
    SecuritySettings securitySettings,
    boolean secureCookies)
    implements AutoCloseable {

  /** What the accounts feature needs from the site around it. */
  public record Site(
      String baseUrl, String siteName, boolean secureCookies, Supplier<Chrome> chrome) {}

  public static Accounts create(
      Jdbi jdbi,
      Mailer mailer,
      Templates templates,
      Csrf csrf,
      Site site,
      AuditLog audit,
      InstantSource clock) {
    AccountDao dao = new AccountDao(jdbi);
    Sessions sessions = new Sessions(jdbi, site.secureCookies());
    dao.onChange(sessions::forget);
    Throttle throttle = new Throttle(jdbi);
    Passwords passwords = new Passwords();
    TwoFactor twoFactor = new TwoFactor(jdbi, throttle, dao, clock);
    PendingSignIns pending = new PendingSignIns(jdbi, site.secureCookies());
    SecuritySettings settings = new SecuritySettings(jdbi);
    AccountMail mail =
        new AccountMail(
            dao, throttle, mailer, new MailTemplates(), site.baseUrl(), site.siteName());
    return new Accounts(
        dao,
        sessions,
        new Auth(sessions, site.secureCookies(), clock, settings),
        throttle,
        new AccountLookups(jdbi),
        new Suspensions(dao, audit, clock),
        new ReplyMailSettings(jdbi, sessions::forgetAll),
        new Registrations(dao, passwords, throttle, mail, site.siteName(), clock),
        new SignIns(dao, sessions, passwords, throttle, twoFactor, pending, clock),
        new PasswordChanges(dao, sessions, passwords, throttle, mail, clock),
        new Profiles(dao, passwords, mail, site.siteName(), clock),
        new AccountViews(templates, site.chrome(), csrf),
        csrf,
        audit,
        twoFactor,
        pending,
        settings,
        site.secureCookies());
  }

  public RegistrationPages registrationPages() {
    return new RegistrationPages(registrations, signIns, auth, csrf, views);
  }

  /**
   * @param afterSignIn what else happens on signing in (a bookmark asked for before it)
   */
  public SignInPages signInPages(BiConsumer<Account, String> afterSignIn) {
    return new SignInPages(
        signIns,
        dao,
        auth,
        csrf,
        views,
        afterSignIn,
        pendingSignIns,
        securitySettings,
        secureCookies);
  }

  /** Setting up and changing one's second factor. */
  public TwoFactorPages twoFactorPages() {
    return new TwoFactorPages(twoFactor, views, audit, sessions, auth);
  }

  /** Admins' sign-in rules for staff. */
  public SecurityPage securityPage() {
    return new SecurityPage(securitySettings, twoFactor, views, audit);
  }

  public RecoveryPages recoveryPages() {
    return new RecoveryPages(passwordChanges, views);
  }

  /**
   * @param personalData the other features' parts of "download my data"
   */
  public ProfilePages profilePages(List<PersonalData> personalData) {
    return new ProfilePages(profiles, passwordChanges, dao, auth, csrf, views, personalData);
  }

  /** The staff's users pages. */
  public AccountPages userPages() {
    return new AccountPages(dao, views, suspensions, audit);
  }

  public AccountApi api() {
    return new AccountApi(registrations, signIns, passwordChanges, auth, csrf);
  }

  @Override
  public void close() {
    passwordChanges.close();
  }
}
