package org.carnet.core.mpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.carnet.core.common.AppException;
import org.carnet.core.normalize.NameKeys;
import org.carnet.core.normalize.PhoneNumbers;
import org.carnet.core.normalize.Text;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;

/**
 * Finds a person: by MPI id (its check character validated), by DHIS2 TEI uid (in any program), by phone number, or by
 * name, tolerant of spelling variants through the engine's West African name keys (Diallo = Jallow, Ndèye = Ndeye).
 * Active identities only, best matches first.
 */
public final class PersonSearch {
    private static final Pattern UID = Pattern.compile("[A-Za-z][A-Za-z0-9]{10}");
    /** The most results a search returns. */
    public static final int LIMIT = 50;

    private final Registry registry;
    private final String phoneCountry;

    public PersonSearch(Registry registry, String phoneCountry) {
        this.registry = registry;
        this.phoneCountry = phoneCountry;
    }

    /** What the query was read as. */
    public enum Kind { MPI_ID, TEI_UID, PHONE, NAME }

    /** The identities found and how the query was read. */
    public record Result(Kind kind, List<IdentityRecord> identities) {
    }

    public Result find(String query) throws AppException {
        String q = query == null ? "" : query.strip();
        if (q.length() < 2) {
            throw new AppException("error.search.short", "query too short");
        }
        if (q.toUpperCase(java.util.Locale.ROOT).matches("[A-Z]{2}-[A-Z0-9]{2,4}-\\d{2}-[A-Z0-9]{8,9}")) {
            if (!MpiId.isValid(q.toUpperCase(java.util.Locale.ROOT))) {
                throw new AppException("error.search.badMpiId", "MPI id check character wrong", q);
            }
            return new Result(Kind.MPI_ID, registry.identityByMpiId(q.toUpperCase(java.util.Locale.ROOT))
                    .map(List::of).orElse(List.of()));
        }
        if (UID.matcher(q).matches() && q.chars().anyMatch(Character::isDigit)) {
            Map<String, IdentityRecord> found = new LinkedHashMap<>();
            for (String program : registry.externalIdCounts().keySet()) {
                registry.identityByTei(program, q).ifPresent(i -> found.put(i.mpiId(), i));
            }
            return new Result(Kind.TEI_UID, active(new ArrayList<>(found.values())));
        }
        if (q.replaceAll("[\\s.()+-]", "").matches("\\d{6,15}")) {
            PhoneNumbers.Phone phone = PhoneNumbers.normalize(q, phoneCountry);
            String wanted = phone.valid() ? phone.e164() : q.replaceAll("\\D", "");
            List<IdentityRecord> out = new ArrayList<>();
            registry.forEachIdentity(i -> {
                String p = i.demographics() == null ? null : i.demographics().phone();
                if (p != null && out.size() < LIMIT && (p.equals(wanted) || p.replaceAll("\\D", "")
                        .endsWith(wanted.replaceAll("\\D", "")))) {
                    out.add(i);
                }
            });
            return new Result(Kind.PHONE, active(out));
        }
        return new Result(Kind.NAME, byName(q));
    }

    /** Every word of the query must match a word of the name (exactly, by prefix, or by the West African key). */
    private List<IdentityRecord> byName(String q) throws RegistryException {
        List<String> words = words(q);
        List<String> keys = words.stream().map(NameKeys::key).toList();
        List<IdentityRecord> exact = new ArrayList<>();
        List<IdentityRecord> variant = new ArrayList<>();
        registry.forEachIdentity(i -> {
            if (!IdentityRecord.ACTIVE.equals(i.status()) || i.demographics() == null) {
                return;
            }
            List<String> name = words((nz(i.demographics().firstName()) + " " + nz(i.demographics().lastName())));
            int how = match(words, keys, name);
            if (how == 2 && exact.size() < LIMIT) {
                exact.add(i);
            } else if (how == 1 && variant.size() < LIMIT) {
                variant.add(i);
            }
        });
        List<IdentityRecord> out = new ArrayList<>(exact);
        for (IdentityRecord v : variant) {
            if (out.size() >= LIMIT) {
                break;
            }
            out.add(v);
        }
        return out;
    }

    /** 2 = every word found as written (or as a prefix), 1 = some only through the name key, 0 = no match. */
    private static int match(List<String> words, List<String> keys, List<String> name) {
        if (name.isEmpty()) {
            return 0;
        }
        List<String> nameKeys = name.stream().map(NameKeys::key).toList();
        int result = 2;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            boolean literal = name.stream().anyMatch(n -> n.equals(word) || (word.length() >= 3 && n.startsWith(word)));
            if (literal) {
                continue;
            }
            String key = keys.get(w);
            if (key != null && !key.isEmpty() && nameKeys.contains(key)) {
                result = 1;
                continue;
            }
            return 0;
        }
        return result;
    }

    private static List<String> words(String s) {
        String f = Text.fold(s);
        if (f == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String w : f.split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<IdentityRecord> active(List<IdentityRecord> in) {
        return in.stream().filter(i -> IdentityRecord.ACTIVE.equals(i.status())).toList();
    }
}
