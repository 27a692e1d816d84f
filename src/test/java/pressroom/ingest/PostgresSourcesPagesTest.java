package pressroom.ingest;

import pressroom.testing.TestApp;

class PostgresSourcesPagesTest extends SourcesPagesContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
