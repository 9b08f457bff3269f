package org.carnet.core.common;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields with embedded separators, quotes and line breaks, CRLF or LF, a leading byte-order
 * mark ignored. Reading streams row by row.
 */
public final class Csv {
    private Csv() {
    }

    /** Reads rows one at a time. */
    public static final class Reader implements AutoCloseable {
        private final java.io.Reader in;
        private final char separator;
        private int peeked = -2;
        private boolean first = true;
        private long line = 1;

        public Reader(java.io.Reader in, char separator) {
            this.in = in;
            this.separator = separator;
        }

        /** The 1-based line where the next row starts. */
        public long line() {
            return line;
        }

        /** The next row, or null at the end. */
        public List<String> next() throws IOException {
            int c = read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    c = read();
                }
            }
            if (c == -1) {
                return null;
            }
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new IOException("unterminated quoted field");
                    }
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = n;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    field.setLength(0);
                } else if (c == separator) {
                    row.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            peeked = n;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    row.add(field.toString());
                    return row;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int p = peeked;
                peeked = -2;
                return p;
            }
            return in.read();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Writes one row, quoting fields that need it, ending with LF. */
    public static void writeRow(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write('\n');
    }

    /** Convenience for tests and small files. */
    public static List<List<String>> readAll(Reader reader) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    /** Opens a reader on a character stream with a comma separator. */
    public static Reader reader(java.io.Reader in) {
        return new Reader(in, ',');
    }
}
