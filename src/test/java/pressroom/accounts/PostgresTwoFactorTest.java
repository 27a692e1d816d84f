package pressroom.accounts;

import pressroom.testing.TestApp;

class PostgresTwoFactorTest extends TwoFactorContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
