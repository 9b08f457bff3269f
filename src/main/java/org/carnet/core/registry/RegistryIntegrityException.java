package org.carnet.core.registry;

/** A stored value failed authentication: it was altered or moved. Names the row, never returns the garbage. */
public final class RegistryIntegrityException extends RegistryException {
    private final String table;
    private final String rowId;
    private final String column;

    public RegistryIntegrityException(String table, String rowId, String column) {
        super("error.registry.tampered", "integrity error in " + table + " row " + rowId + " column " + column,
                table, rowId, column);
        this.table = table;
        this.rowId = rowId;
        this.column = column;
    }

    public String table() {
        return table;
    }

    public String rowId() {
        return rowId;
    }

    public String column() {
        return column;
    }
}
