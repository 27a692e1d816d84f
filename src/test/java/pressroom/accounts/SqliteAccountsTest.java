package pressroom.accounts;

import pressroom.testing.TestApp;

class SqliteAccountsTest extends AccountsContract {
  @Override
  TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
