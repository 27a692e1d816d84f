package pressroom.bookmarks;

import pressroom.testing.TestApp;

class SqliteBookmarksAndShareTest extends BookmarksAndShareContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
