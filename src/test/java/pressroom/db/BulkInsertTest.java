package pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pressroom.testing.TestDatabases;

/**
 * Rows written in bulk come back exactly as given, on SQLite (batched INSERTs) and PostgreSQL
 * (COPY, whose text format gives tabs, newlines and backslashes a meaning of their own).
 */
class BulkInsertTest {
  static final List<String> HOSTILE =
      Arrays.asList(
          "plain",
          "",
          null,
          "tab\there",
          "two\nlines",
          "crlf\r\nline",
          "back\\slash",
          "\\N",
          "\\.",
          "ends with backslash\\",
          "\\t is not a tab",
          "'single' \"double\" `back`",
          "comma, semicolon; pipe|",
          "Diyarbakır “we are back” — Þórdís Nguyễn Thị Hằng",
          "emoji 📰 outside the BMP 𝄞",
          "rtl العربية עברית",
          "<p>html &amp; <script>alert(1)</script></p>",
          "trailing tab\t",
          "\t\n\r\\");

  String url(String dialect) throws Exception {
    return dialect.equals("sqlite")
        ? TestDatabases.sqliteUrl(Files.createTempDirectory("bulk"))
        : TestDatabases.newPostgresDatabase();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void hostileValuesRoundTripUnchanged(String dialect) throws Exception {
    Jdbi jdbi = Jdbi.create(url(dialect));
    jdbi.useHandle(
        h -> h.execute("CREATE TABLE t (pos BIGINT PRIMARY KEY, s TEXT, n BIGINT, m BIGINT)"));
    jdbi.useTransaction(
        h -> {
          try (BulkInsert rows = BulkInsert.into(h, "t", "pos, s, n, m")) {
            // PostgreSQL writes with COPY, SQLite with INSERTs.
            assertThat(rows)
                .isInstanceOf(dialect.equals("postgresql") ? PgCopy.class : JdbcBatch.class);
            for (int i = 0; i < HOSTILE.size(); i++) {
              rows.add(i)
                  .add(HOSTILE.get(i))
                  .add(i % 3 == 0 ? null : (Long) (-1L - i))
                  .add(Long.MAX_VALUE - i)
                  .row();
            }
            rows.execute();
            // A second round on the same writer: what was sent is not sent again.
            rows.add(1000).add("after").add((Long) null).add(Long.MIN_VALUE).row();
            rows.execute();
          }
        });
    List<List<Object>> back =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT pos, s, n, m FROM t ORDER BY pos")
                    .map(
                        (rs, ctx) -> {
                          List<Object> row = new ArrayList<>();
                          row.add(rs.getLong(1));
                          row.add(rs.getString(2));
                          long n = rs.getLong(3);
                          row.add(rs.wasNull() ? null : n);
                          row.add(rs.getLong(4));
                          return row;
                        })
                    .list());
    assertThat(back).hasSize(HOSTILE.size() + 1);
    for (int i = 0; i < HOSTILE.size(); i++) {
      assertThat(back.get(i))
          .as("row %d", i)
          .containsExactly(
              (long) i, HOSTILE.get(i), i % 3 == 0 ? null : -1L - i, Long.MAX_VALUE - i);
    }
    assertThat(back.get(HOSTILE.size())).containsExactly(1000L, "after", null, Long.MIN_VALUE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aRowThatBreaksAConstraintFailsTheWriteAndTheTransaction(String dialect) throws Exception {
    try (Handle h = Jdbi.create(url(dialect)).open()) {
      h.execute("CREATE TABLE t (pos BIGINT PRIMARY KEY, s TEXT NOT NULL)");
      h.begin();
      try (BulkInsert rows = BulkInsert.into(h, "t", "pos, s")) {
        rows.add(1).add("one").row();
        rows.add(1).add("again").row();
        assertThatThrownBy(rows::execute).isInstanceOf(UnableToExecuteStatementException.class);
      }
      h.rollback();
      assertThat(h.createQuery("SELECT count(*) FROM t").mapTo(Integer.class).one()).isZero();
      // The same connection writes again: a failed COPY is not left open on it.
      h.begin();
      try (BulkInsert rows = BulkInsert.into(h, "t", "pos, s")) {
        rows.add(2).add("two").row();
        rows.execute();
      }
      h.commit();
      assertThat(h.createQuery("SELECT s FROM t").mapTo(String.class).list())
          .containsExactly("two");
    }
  }

  /**
   * On PostgreSQL a bulk write's long texts are compressed with lz4 where the server has it (the
   * embedded test server has not: PRESSROOM_TEST_PG_URL names one that has, e.g. Debian's).
   */
  @org.junit.jupiter.api.Test
  void longTextsWrittenInBulkOnPostgresqlAreCompressedWithLz4() throws Exception {
    String body = "<p>The harbour council met again on Tuesday.</p>".repeat(200);
    try (Handle h = Jdbi.create(url("postgresql")).open()) {
      h.execute("CREATE TABLE t (pos BIGINT PRIMARY KEY, s TEXT)");
      h.begin();
      try (BulkInsert rows = BulkInsert.into(h, "t", "pos, s")) {
        rows.add(1).add(body).row();
        rows.execute();
      }
      h.commit();
      boolean lz4 =
          h.createQuery(
                  "SELECT 'lz4' = ANY (enumvals) FROM pg_settings"
                      + " WHERE name = 'default_toast_compression'")
              .mapTo(Boolean.class)
              .one();
      assertThat(h.createQuery("SELECT pg_column_compression(s) FROM t").mapTo(String.class).one())
          .isEqualTo(lz4 ? "lz4" : "pglz");
      assertThat(h.createQuery("SELECT s FROM t").mapTo(String.class).one()).isEqualTo(body);
      // Only for that transaction: the connection's own default is back.
      assertThat(h.createQuery("SHOW default_toast_compression").mapTo(String.class).one())
          .isEqualTo("pglz");
    }
  }
}
