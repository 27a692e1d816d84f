package pressroom.ingest;

import pressroom.testing.TestApp;

class PostgresIngestTest extends IngestContract {
  @Override
  TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
