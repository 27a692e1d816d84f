package pressroom.newsroom;

import pressroom.testing.TestApp;

class SqliteDashboardTest extends DashboardContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }
}
