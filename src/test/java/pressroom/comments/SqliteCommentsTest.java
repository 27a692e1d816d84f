package pressroom.comments;

import pressroom.testing.TestApp;

class SqliteCommentsTest extends CommentsContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
