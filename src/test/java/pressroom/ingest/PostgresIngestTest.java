package pressroom.ingest;

import pressroom.testing.TestApp;

class PostgresIngestTest extends IngestContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
