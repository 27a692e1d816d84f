package pressroom.ingest;

import pressroom.testing.TestApp;

class SqliteSourcesPagesTest extends SourcesPagesContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
