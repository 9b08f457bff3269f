package org.carnet.core.registry.internal;

import java.sql.SQLException;
import org.carnet.core.registry.RegistryException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Maps SQLite failures to clear, localisable registry errors. SQLite messages never contain bound values. */
final class Sql {
    private Sql() {
    }

    static RegistryException error(SQLException e, String operation) {
        SQLException root = e;
        for (Throwable t = e; t != null; t = t.getCause() != t ? t.getCause() : null) {
            if (t instanceof SQLiteException) {
                root = (SQLException) t;
                break;
            }
        }
        if (!(root instanceof SQLiteException) && e.getNextException() instanceof SQLiteException next) {
            root = next;
        }
        int code = root instanceof SQLiteException s ? s.getResultCode().code & 0xff : root.getErrorCode() & 0xff;
        if (!(root instanceof SQLiteException) && String.valueOf(root.getMessage()).contains("SQLITE_FULL")) {
            code = SQLiteErrorCode.SQLITE_FULL.code;
        }
        String key;
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            key = "error.registry.diskFull";
        } else if (code == SQLiteErrorCode.SQLITE_READONLY.code) {
            key = "error.registry.readOnly";
        } else if (code == SQLiteErrorCode.SQLITE_IOERR.code) {
            key = "error.registry.io";
        } else if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            key = "error.registry.corrupt";
        } else if (code == SQLiteErrorCode.SQLITE_CANTOPEN.code || code == SQLiteErrorCode.SQLITE_PERM.code) {
            key = "error.registry.cantOpen";
        } else if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            key = "error.registry.busy";
        } else {
            key = "error.registry.sql";
        }
        String name = root instanceof SQLiteException s ? s.getResultCode().name() : "SQL error " + code;
        return new RegistryException(key, operation + " failed: " + name, e, operation);
    }
}
