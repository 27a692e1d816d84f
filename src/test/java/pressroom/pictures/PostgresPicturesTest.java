package pressroom.pictures;

import pressroom.testing.TestApp;

class PostgresPicturesTest extends PicturesContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
