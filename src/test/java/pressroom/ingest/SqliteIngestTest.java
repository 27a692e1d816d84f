package pressroom.ingest;

import pressroom.testing.TestApp;

class SqliteIngestTest extends IngestContract {
  @Override
  TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
