package pressroom.pictures;

import pressroom.testing.TestApp;

class SqlitePicturesTest extends PicturesContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
