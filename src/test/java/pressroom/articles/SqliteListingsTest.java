package pressroom.articles;

import pressroom.testing.TestApp;

class SqliteListingsTest extends ListingsContract {
  @Override
  TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
