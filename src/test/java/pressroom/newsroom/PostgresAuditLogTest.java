package pressroom.newsroom;

import pressroom.testing.TestApp;

class PostgresAuditLogTest extends AuditLogContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
