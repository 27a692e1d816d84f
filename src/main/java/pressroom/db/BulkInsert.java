package pressroom.db;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;

/**
 * Rows for one table, added value by value and written in one go inside the caller's transaction:
 * on SQLite as a batch of {@code INSERT INTO table (columns) VALUES (?, …)}, on PostgreSQL as one
 * {@code COPY table (columns) FROM STDIN}. On PostgreSQL a batch of INSERTs is still one statement
 * (and one round of parse, plan and trigger) per row: an import spent most of its time there.
 */
public interface BulkInsert extends AutoCloseable {

  /**
   * @param columns the table's columns as SQL lists them, in the order values are added
   */
  static BulkInsert into(Handle h, String table, String columns) {
    boolean postgres;
    try {
      postgres = h.getConnection().isWrapperFor(PGConnection.class);
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e.getMessage(), e, null);
    }
    if (postgres) {
      return new PgCopy(h, "COPY " + table + " (" + columns + ") FROM STDIN");
    }
    int n = columns.split(",").length;
    return JdbcBatch.prepare(
        h,
        "INSERT INTO "
            + table
            + " ("
            + columns
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(n, "?"))
            + ")");
  }

  BulkInsert add(String value);

  BulkInsert add(long value);

  /** A nullable number. */
  BulkInsert add(Long value);

  /** Ends the current row. */
  void row();

  /** Writes the rows added so far (none is fine). */
  void execute();

  @Override
  void close();
}
