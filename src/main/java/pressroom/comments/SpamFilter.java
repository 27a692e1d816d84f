package pressroom.comments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A naive Bayes spam/abuse score that learns from this site's moderators: every approval teaches
 * "fine", every rejection "not fine". Counts live in the database, so every node scores alike; each
 * node scores from a copy in memory that it brings up to date whenever the totals show that some
 * node learned something (one small read per score instead of a look-up of every word).
 * Hand-written because it is a page of arithmetic and no small maintained library offers it.
 */
public final class SpamFilter {
  /** Comments scoring at least this are held for a moderator. */
  public static final double HOLD_AT = 0.9;

  private final Jdbi jdbi;

  /** Token → {spam, ham} as of {@link #totals}, or newer. */
  private final Map<String, int[]> counts = new ConcurrentHashMap<>();

  private volatile Totals totals = new Totals(-1, -1);

  /** The documents learned so far; their sum numbers the decisions learned. */
  private record Totals(int spamDocs, int hamDocs) {
    long version() {
      return (long) spamDocs + hamDocs;
    }
  }

  public SpamFilter(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A score in [0, 1] and the features that pushed it up most. */
  public record Score(double probability, List<String> reasons) {}

  /** Word features plus a few shape features (links, shouting, a brand-new account). Pure. */
  public static Set<String> features(String text, boolean newAccount) {
    Set<String> f = new LinkedHashSet<>();
    // Words are runs of letters and numbers (as the pattern [\p{L}\p{N}]+), found by hand: this
    // runs for every comment posted.
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); ) {
      int cp = i < lower.length() ? lower.codePointAt(i) : -1;
      boolean inWord = cp >= 0 && (Character.isLetter(cp) || isNumber(cp));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        if (i - start >= 3 && i - start <= 30) {
          f.add(lower.substring(start, i));
        }
        start = -1;
      }
      i += cp >= 0 ? Character.charCount(cp) : 1;
    }
    int links = CommentText.links(text);
    if (links > 0) {
      f.add("#has-link");
    }
    if (links > 1) {
      f.add("#many-links");
    }
    long letters = text.chars().filter(Character::isLetter).count();
    long upper = text.chars().filter(Character::isUpperCase).count();
    if (letters > 20 && upper * 2 > letters) {
      f.add("#shouting");
    }
    if (newAccount) {
      f.add("#new-account");
    }
    return f;
  }

  private static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** Naive Bayes with Laplace smoothing over the features present. Pure. */
  static Score score(Set<String> features, Map<String, int[]> counts, int spamDocs, int hamDocs) {
    double logOdds = Math.log((spamDocs + 1.0) / (hamDocs + 1.0));
    Map<String, Double> contribution = new HashMap<>();
    for (String f : features) {
      int[] c = counts.get(f);
      if (c == null) {
        continue; // never seen: says nothing
      }
      double pSpam = (c[0] + 1.0) / (spamDocs + 2.0);
      double pHam = (c[1] + 1.0) / (hamDocs + 2.0);
      double w = Math.log(pSpam / pHam);
      logOdds += w;
      contribution.put(f, w);
    }
    double p = 1.0 / (1.0 + Math.exp(-logOdds));
    List<String> reasons =
        contribution.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
            .limit(4)
            .map(e -> e.getKey().startsWith("#") ? e.getKey().substring(1) : "“" + e.getKey() + "”")
            .toList();
    return new Score(p, reasons);
  }

  public Score score(String text, boolean newAccount) {
    Set<String> f = features(text, newAccount);
    Totals t = current();
    return score(f, counts, t.spamDocs(), t.hamDocs());
  }

  /** The totals now in the database, with {@link #counts} read up to them. */
  private Totals current() {
    Totals now =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT spam_docs, ham_docs FROM spam_totals WHERE id = 1")
                    .map((rs, ctx) -> new Totals(rs.getInt("spam_docs"), rs.getInt("ham_docs")))
                    .one());
    if (now.version() == totals.version()) {
      return now;
    }
    synchronized (this) {
      long since = totals.version();
      if (now.version() > since) {
        // Tokens changed by the decisions after the last read: all of them committed before the
        // totals we just read (learning updates the totals first, so decisions are numbered in
        // commit order). Counts are absolute, so reading one again is harmless.
        jdbi.useHandle(
            h ->
                h.createQuery(
                        "SELECT token, spam_count, ham_count FROM spam_tokens WHERE learned > :since")
                    .bind("since", since)
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getString("token"),
                                new int[] {rs.getInt("spam_count"), rs.getInt("ham_count")}))
                    .forEach(e -> counts.put(e.getKey(), e.getValue())));
        totals = now;
      }
    }
    return now;
  }

  /** Learns from one decision. */
  public void learn(String text, boolean newAccount, boolean spam) {
    Set<String> f = features(text, newAccount);
    jdbi.useTransaction(
        h -> {
          // The totals first: their row lock orders concurrent decisions, and the new sum numbers
          // this one.
          h.createUpdate(
                  spam
                      ? "UPDATE spam_totals SET spam_docs = spam_docs + 1 WHERE id = 1"
                      : "UPDATE spam_totals SET ham_docs = ham_docs + 1 WHERE id = 1")
              .execute();
          long decision =
              h.createQuery("SELECT spam_docs + ham_docs FROM spam_totals WHERE id = 1")
                  .mapTo(Long.class)
                  .one();
          PreparedBatch b =
              h.prepareBatch(
                  "INSERT INTO spam_tokens (token, spam_count, ham_count, learned) VALUES (:t, :s, :h, :d)"
                      + " ON CONFLICT (token) DO UPDATE SET spam_count = spam_tokens.spam_count + excluded.spam_count,"
                      + " ham_count = spam_tokens.ham_count + excluded.ham_count, learned = excluded.learned");
          for (String token : f) {
            b.bind("t", token)
                .bind("s", spam ? 1 : 0)
                .bind("h", spam ? 0 : 1)
                .bind("d", decision)
                .add();
          }
          if (!f.isEmpty()) {
            b.execute();
          }
        });
  }

  /** Trains the bundled seed set into an empty classifier (first start). */
  public void seedIfEmpty() {
    int docs =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT spam_docs + ham_docs FROM spam_totals WHERE id = 1")
                    .mapTo(Integer.class)
                    .one());
    if (docs > 0) {
      return;
    }
    try (var in = SpamFilter.class.getResourceAsStream("/comments/spam-seed.txt");
        var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int bar = line.indexOf('|');
        learn(line.substring(bar + 1), false, line.startsWith("spam"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
