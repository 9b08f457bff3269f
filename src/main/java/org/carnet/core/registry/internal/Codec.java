package org.carnet.core.registry.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Compact encoding of a list of nullable strings (the plaintext inside one encrypted column). */
final class Codec {
    private Codec() {
    }

    static byte[] encode(List<String> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + values.size() * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(values.size());
            for (String v : values) {
                if (v == null) {
                    out.writeBoolean(false);
                } else {
                    out.writeBoolean(true);
                    byte[] b = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<String> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int n = in.readUnsignedShort();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (in.readBoolean()) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    out.add(new String(b, java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    out.add(null);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed encoded value", e);
        }
    }
}
