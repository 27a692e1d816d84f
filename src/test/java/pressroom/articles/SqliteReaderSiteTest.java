package pressroom.articles;

import pressroom.testing.TestApp;

class SqliteReaderSiteTest extends ReaderSiteContract {
  @Override
  TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
