package pressroom.accounts;

import pressroom.testing.TestApp;

class SqliteAccountsTest extends AccountsContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
