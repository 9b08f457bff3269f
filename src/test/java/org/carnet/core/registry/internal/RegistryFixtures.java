package org.carnet.core.registry.internal;

import java.util.ArrayList;
import java.util.List;
import org.carnet.core.model.Demographics;
import org.carnet.core.registry.IdentityRecord;

/** Realistic people for registry tests (names common in Senegal; phones in the +221 plan). */
final class RegistryFixtures {
    static final String[] FIRST = {"Aminata", "Mamadou", "Fatou", "Ibrahima", "Awa", "Cheikh", "Khady", "Moussa",
            "Ndeye", "Ousmane", "Mariama", "Abdoulaye", "Coumba", "Babacar", "Adama", "Seynabou"};
    static final String[] LAST = {"Diallo", "Ndiaye", "Diop", "Fall", "Sow", "Ba", "Gueye", "Sarr", "Faye", "Cisse",
            "Mbaye", "Thiam", "Kane", "Sy", "Niang", "Camara"};

    private RegistryFixtures() {
    }

    static IdentityRecord person(int i) {
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length) % LAST.length];
        String dob = String.format("%04d-%02d-%02d", 1950 + i % 60, 1 + i % 12, 1 + i % 28);
        String phone = String.format("+22177%07d", 1_000_000 + i);
        Demographics d = new Demographics(first, last, dob, i % 2 == 0 ? "F" : "M", phone, "Pikine", "DK");
        return IdentityRecord.of(mpiId(i), d, List.of(last.substring(0, 2) + dob.substring(0, 4), "SX" + (i % 97)));
    }

    static String mpiId(int i) {
        return String.format("SN-DKR-26-%08X", i);
    }

    static List<IdentityRecord> people(int from, int count) {
        List<IdentityRecord> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(person(i));
        }
        return out;
    }
}
