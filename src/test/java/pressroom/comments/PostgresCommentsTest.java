package pressroom.comments;

import pressroom.testing.TestApp;

class PostgresCommentsTest extends CommentsContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
