package pressroom.newsroom;

import pressroom.testing.TestApp;

class PostgresSectionsAndOwnArticlesTest extends SectionsAndOwnArticlesContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
