package pressroom.accounts;

import pressroom.testing.TestApp;

class SqliteTwoFactorTest extends TwoFactorContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
