package pressroom.newsroom;

import pressroom.testing.TestApp;

class PostgresDashboardTest extends DashboardContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }
}
