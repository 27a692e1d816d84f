package pressroom.newsroom;

import pressroom.testing.TestApp;

class SqliteAuditLogTest extends AuditLogContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
