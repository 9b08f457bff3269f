package org.carnet.core.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.carnet.core.guard.ProgramLabel;
import org.carnet.core.registry.ProgramInfo;

/**
 * The plaintext of a program's {@code attributes_enc} column: JSON {@code {"code":…,"attributes":[…]}}. Registries
 * written before option sets were kept hold a flat list in {@link Codec} form; they are still read.
 */
final class ProgramCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record Stored(String code, List<ProgramInfo.Attribute> attributes, ProgramLabel label) {
    }

    private ProgramCodec() {
    }

    static byte[] encode(ProgramInfo program) {
        try {
            return JSON.writeValueAsBytes(new Stored(program.code(), program.attributes(), program.label()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("program metadata not serialisable", e);
        }
    }

    static ProgramInfo decode(String uid, String name, byte[] plaintext) {
        if (plaintext.length > 0 && plaintext[0] == '{') {
            try {
                Stored s = JSON.readValue(plaintext, Stored.class);
                return new ProgramInfo(uid, name, s.code(), s.attributes(), s.label());
            } catch (IOException e) {
                throw new IllegalStateException("program metadata unreadable", e);
            }
        }
        List<String> a = Codec.decode(plaintext);
        List<ProgramInfo.Attribute> attrs = new ArrayList<>();
        for (int i = 0; i + 3 < a.size(); i += 4) {
            attrs.add(new ProgramInfo.Attribute(a.get(i), a.get(i + 1), a.get(i + 2), a.get(i + 3)));
        }
        return new ProgramInfo(uid, name, attrs);
    }
}
