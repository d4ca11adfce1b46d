package org.zhibao.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out pooled connections with the current {@link RowScope} set as session variables
 * ({@code zhibao.scope}, {@code zhibao.account}), which the row-level security policies read. Every
 * checkout sets both, so nothing of the previous borrower's scope survives on a pooled connection.
 */
class ScopedDataSource extends DelegatingDataSource {

    private static final String SET_SCOPE =
            "select set_config('zhibao.scope', ?, false), set_config('zhibao.account', ?, false)";

    private final RowScope.Source scopes;
    /**
     * Finding the scope may itself need a connection (the security context is loaded lazily from the
     * session table); such nested connections act as the system instead of asking again, endlessly.
     */
    private final ThreadLocal<Boolean> resolving = ThreadLocal.withInitial(() -> Boolean.FALSE);

    ScopedDataSource(DataSource pool, RowScope.Source scopes) {
        super(pool);
        this.scopes = scopes;
    }

    @Override
    public Connection getConnection() throws SQLException {
        RowScope scope = currentScope();
        return scoped(super.getConnection(), scope);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        RowScope scope = currentScope();
        return scoped(super.getConnection(username, password), scope);
    }

    private RowScope currentScope() {
        if (resolving.get() || SystemScope.active()) {
            return RowScope.SYSTEM;
        }
        resolving.set(Boolean.TRUE);
        try {
            return scopes.current();
        }
        finally {
            resolving.remove();
        }
    }

    private static Connection scoped(Connection connection, RowScope scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SET_SCOPE)) {
            statement.setString(1, scope.regionPrefix());
            statement.setString(2, scope.accountId() == null ? "" : scope.accountId().toString());
            statement.execute();
        }
        catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
