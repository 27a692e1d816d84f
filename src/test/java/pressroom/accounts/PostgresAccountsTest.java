package pressroom.accounts;

import pressroom.testing.TestApp;

class PostgresAccountsTest extends AccountsContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
