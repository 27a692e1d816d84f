package pressroom.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A batched insert on the handle's own connection, with positional parameters. For bulk writes only
 * (an import stores tens of thousands of rows a second): there jdbi's named binding, which looks up
 * an argument factory for every value of every row, cost more than SQLite's own work. Runs inside
 * the caller's transaction; failures surface as jdbi's statement exception.
 */
public final class JdbcBatch implements BulkInsert {
  private final String sql;
  private final PreparedStatement statement;
  private int column;
  private int rows;

  private JdbcBatch(String sql, PreparedStatement statement) {
    this.sql = sql;
    this.statement = statement;
  }

  public static JdbcBatch prepare(Handle h, String sql) {
    try {
      return new JdbcBatch(sql, h.getConnection().prepareStatement(sql));
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  @Override
  public JdbcBatch add(String value) {
    try {
      statement.setString(++column, value);
      return this;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  @Override
  public JdbcBatch add(long value) {
    try {
      statement.setLong(++column, value);
      return this;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** A nullable number. */
  @Override
  public JdbcBatch add(Long value) {
    if (value != null) {
      return add(value.longValue());
    }
    try {
      statement.setNull(++column, Types.BIGINT);
      return this;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** Ends the current row. */
  @Override
  public void row() {
    try {
      statement.addBatch();
      column = 0;
      rows++;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  public int rows() {
    return rows;
  }

  /** Runs the rows added so far (none is fine). */
  @Override
  public void execute() {
    if (rows == 0) {
      return;
    }
    try {
      statement.executeBatch();
      rows = 0;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  @Override
  public void close() {
    try {
      statement.close();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  private static UnableToExecuteStatementException failure(String sql, SQLException e) {
    return new UnableToExecuteStatementException(
        e.getMessage() + " [" + sql.strip() + "]", e, null);
  }
}
