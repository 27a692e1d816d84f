package pressroom.articles.desk;

import pressroom.testing.TestApp;

class PostgresArticleDeskTest extends ArticleDeskContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
