package pressroom.ingest;

import pressroom.testing.TestApp;

class SqliteIngestTest extends IngestContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
