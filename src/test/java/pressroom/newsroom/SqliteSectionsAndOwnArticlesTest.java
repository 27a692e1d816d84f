package pressroom.newsroom;

import pressroom.testing.TestApp;

class SqliteSectionsAndOwnArticlesTest extends SectionsAndOwnArticlesContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
