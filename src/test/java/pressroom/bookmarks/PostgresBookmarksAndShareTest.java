package pressroom.bookmarks;

import pressroom.testing.TestApp;

class PostgresBookmarksAndShareTest extends BookmarksAndShareContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
