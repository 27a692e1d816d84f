package pressroom.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@link BulkInsert} on PostgreSQL: rows in COPY's text format, held in memory until {@link
 * #execute} sends them as one {@code COPY … FROM STDIN}. Held, not streamed, because a COPY in
 * progress owns the connection and the caller still queries between rows (ids of names).
 */
final class PgCopy implements BulkInsert {
  private final Handle h;
  private final String sql;
  private final StringBuilder line = new StringBuilder(256);
  private final ByteArrayOutputStream data = new ByteArrayOutputStream(1 << 16);
  private int rows;
  private int column;

  PgCopy(Handle h, String sql) {
    this.h = h;
    this.sql = sql;
  }

  @Override
  public PgCopy add(String value) {
    separate();
    if (value == null) {
      line.append("\\N");
      return this;
    }
    // Text format: a backslash starts an escape, tab ends the value, newline ends the row.
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
    return this;
  }

  @Override
  public PgCopy add(long value) {
    separate();
    line.append(value);
    return this;
  }

  @Override
  public PgCopy add(Long value) {
    if (value == null) {
      separate();
      line.append("\\N");
      return this;
    }
    return add(value.longValue());
  }

  private void separate() {
    // By count, not by the line's length: an empty first value is still a value.
    if (column++ > 0) {
      line.append('\t');
    }
  }

  @Override
  public void row() {
    line.append('\n');
    data.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    line.setLength(0);
    column = 0;
    rows++;
  }

  @Override
  public void execute() {
    if (rows == 0) {
      return;
    }
    CopyIn copy = null;
    try {
      copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      byte[] bytes = data.toByteArray();
      copy.writeToCopy(bytes, 0, bytes.length);
      copy.endCopy();
      copy = null;
      data.reset();
      rows = 0;
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e.getMessage() + " [" + sql + "]", e, null);
    } finally {
      if (copy != null && copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException ignored) {
          // the statement's own failure is the one to report
        }
      }
    }
  }

  @Override
  public void close() {
    data.reset();
  }
}
