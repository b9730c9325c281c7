package dev.crabbox.coordinator.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Works around vertx-jdbc-client 5.0.x leaving pooled connections with auto-commit off after
 * every transaction (vert-x3/vertx-jdbc-client#356, fixed by #358 after 5.0.7): its commit and
 * rollback are followed by {@code setAutoCommit(false)}, so later single statements on that
 * connection would run in a transaction nobody commits. The connections handed out here turn
 * that one call, right after a commit or rollback, into {@code setAutoCommit(true)}.
 * Everything else goes to the driver unchanged. Remove once the fixed client is in the BOM.
 */
final class AutoCommitRestoringDataSource implements DataSource {

  private final DataSource delegate;

  AutoCommitRestoringDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private static Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new RestoringHandler(connection));
  }

  /** Per-connection state: was the last transaction call a commit or rollback? */
  private static final class RestoringHandler implements InvocationHandler {
    private final Connection connection;
    private boolean transactionJustEnded;

    RestoringHandler(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("setAutoCommit") && transactionJustEnded && Boolean.FALSE.equals(args[0])) {
        transactionJustEnded = false;
        connection.setAutoCommit(true);
        return null;
      }
      if (name.equals("commit") || name.equals("rollback")) {
        transactionJustEnded = args == null || args.length == 0;
      } else if (name.equals("setAutoCommit")) {
        transactionJustEnded = false;
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }
}
