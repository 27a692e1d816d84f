package pressroom.articles;

import pressroom.testing.TestApp;

class PostgresListingsTest extends ListingsContract {
  @Override
  TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
