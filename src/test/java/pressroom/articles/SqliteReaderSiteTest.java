package pressroom.articles;

import pressroom.testing.TestApp;

class SqliteReaderSiteTest extends ReaderSiteContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
