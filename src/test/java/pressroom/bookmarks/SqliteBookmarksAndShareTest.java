package pressroom.bookmarks;

import pressroom.testing.TestApp;

class SqliteBookmarksAndShareTest extends BookmarksAndShareContract {
  @Override
  TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
