package org.carnet.core.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.carnet.core.normalize.Text;
import org.carnet.core.registry.ProgramInfo;

/**
 * Proposes a source for each card field from the program's attribute codes ({@code MMD_PER_NAM}, {@code PHONE_NUMBER}
 * and the like) and French and English names ("Prénom", "Date de naissance", "Téléphone"…), with a confidence. An
 * attribute the sensitive-data guard keeps in the registry is never proposed; each attribute feeds one field at most
 * (the most confident pairing wins); the enrollment's own org unit and date feed {@code org_unit},
 * {@code health_center} and {@code enrollment_date} when no attribute does. Pure and deterministic.
 */
public final class MappingSuggester {
    /** A proposal for one field. {@code reason} names the code or words that decided (for the tooltip). */
    public record Suggestion(CardField field, FieldMapping mapping, String attributeUid, double confidence,
            String reason) {
    }

    /** Exact attribute codes, upper case, per field. */
    private static final Map<CardField, List<String>> CODES = new LinkedHashMap<>();
    /** Name phrases (folded), per field: a name equal to one scores high, a name containing one lower. */
    private static final Map<CardField, List<String>> NAMES = new LinkedHashMap<>();

    static {
        CODES.put(CardField.FIRST_NAME, List.of("MMD_PER_NAM", "FIRST_NAME", "FIRSTNAME", "GIVEN_NAME", "PRENOM",
                "FNAME", "NAME_FIRST"));
        CODES.put(CardField.LAST_NAME, List.of("MMD_PER_LST", "LAST_NAME", "LASTNAME", "SURNAME", "FAMILY_NAME",
                "NOM", "LNAME", "NAME_LAST"));
        CODES.put(CardField.DATE_OF_BIRTH, List.of("MMD_PER_DOB", "DOB", "DATE_OF_BIRTH", "BIRTH_DATE", "BIRTHDATE",
                "DATE_NAISSANCE", "DDN"));
        CODES.put(CardField.GENDER, List.of("MMD_PER_SEX", "SEX", "GENDER", "SEXE", "GENRE"));
        CODES.put(CardField.BENEFICIARY_ID, List.of("BENEFICIARY_ID", "UNIQUE_ID", "UID_BENEFICIAIRE", "NATIONAL_ID",
                "NIN", "ID_NUMBER", "MMD_PER_ID"));
        CODES.put(CardField.PHONE_NUMBER, List.of("PHONE_NUMBER", "PHONE", "MOBILE", "TELEPHONE", "TEL",
                "MOBILE_NUMBER", "MMD_PER_PHO"));
        CODES.put(CardField.HEALTH_CENTER, List.of("HEALTH_FACILITY", "HEALTH_CENTER", "HEALTH_CENTRE",
                "FORMATION_SANITAIRE", "STRUCTURE_SANTE"));
        CODES.put(CardField.ZONE, List.of("MMD_PER_COM", "COMMUNE", "ZONE", "VILLAGE", "QUARTIER", "LOCALITY"));
        NAMES.put(CardField.FIRST_NAME, List.of("prenom", "prenoms", "first name", "given name", "given names",
                "firstname", "nome proprio", "primeiro nome"));
        NAMES.put(CardField.LAST_NAME, List.of("nom", "nom de famille", "last name", "surname", "family name",
                "lastname", "apelido", "sobrenome"));
        NAMES.put(CardField.DATE_OF_BIRTH, List.of("date de naissance", "date of birth", "birth date", "birthdate",
                "dob", "ddn", "data de nascimento", "ne le", "nee le"));
        NAMES.put(CardField.GENDER, List.of("sexe", "sex", "gender", "genre", "sexo"));
        NAMES.put(CardField.BENEFICIARY_ID, List.of("identifiant", "identifiant unique", "numero d identification",
                "beneficiary id", "unique id", "id beneficiaire", "numero beneficiaire", "n carte", "numero de carte",
                "card number", "national id", "nin", "cni"));
        NAMES.put(CardField.PHONE_NUMBER, List.of("telephone", "numero de telephone", "phone", "phone number",
                "mobile", "mobile number", "portable", "contact telephonique", "telefone", "celular"));
        NAMES.put(CardField.HEALTH_CENTER, List.of("centre de sante", "poste de sante", "structure de sante",
                "formation sanitaire", "health facility", "health centre", "health center", "facility"));
        NAMES.put(CardField.ZONE, List.of("commune", "zone", "quartier", "village", "localite", "locality",
                "aire de sante", "district"));
    }

    private static final Set<String> DATE_TYPES = Set.of("DATE", "AGE", "DATETIME");

    /** Proposals for the program's fields, in card-field order; fields without a candidate are left out. */
    public List<Suggestion> suggest(ProgramInfo program) {
        List<Suggestion> candidates = new ArrayList<>();
        for (ProgramInfo.Attribute a : program.attributes()) {
            if (a.sensitive()) {
                continue;
            }
            for (CardField f : CardField.values()) {
                Suggestion s = score(f, a);
                if (s != null) {
                    candidates.add(s);
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Suggestion::confidence).reversed()
                .thenComparing(s -> s.field().ordinal()));
        Map<CardField, Suggestion> chosen = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Suggestion s : candidates) {
            if (!chosen.containsKey(s.field()) && !used.contains(s.attributeUid())) {
                chosen.put(s.field(), s);
                used.add(s.attributeUid());
            }
        }
        defaultFromEnrollment(chosen, CardField.ORG_UNIT, FieldMapping.EnrollmentProperty.ORG_UNIT);
        defaultFromEnrollment(chosen, CardField.HEALTH_CENTER, FieldMapping.EnrollmentProperty.ORG_UNIT);
        defaultFromEnrollment(chosen, CardField.ENROLLMENT_DATE, FieldMapping.EnrollmentProperty.ENROLLED_AT);
        List<Suggestion> out = new ArrayList<>();
        for (CardField f : CardField.values()) {
            if (chosen.containsKey(f)) {
                out.add(chosen.get(f));
            }
        }
        return out;
    }

    /** The mapping made of every suggestion: what a program without a saved mapping uses. */
    public ProgramMapping suggestedMapping(ProgramInfo program) {
        return new ProgramMapping(program.uid(), 0, null, suggest(program).stream().map(Suggestion::mapping)
                .toList());
    }

    private static void defaultFromEnrollment(Map<CardField, Suggestion> chosen, CardField f,
            FieldMapping.EnrollmentProperty p) {
        if (!chosen.containsKey(f)) {
            chosen.put(f, new Suggestion(f, FieldMapping.enrollment(f.key(), p), null, 0.9,
                    "enrollment " + p.key()));
        }
    }

    private static Suggestion score(CardField f, ProgramInfo.Attribute a) {
        String code = a.code() == null ? "" : a.code().strip().toUpperCase(Locale.ROOT);
        String name = fold(a.displayName());
        double confidence = 0;
        String reason = null;
        if (!code.isEmpty() && CODES.getOrDefault(f, List.of()).contains(code)) {
            confidence = 0.98;
            reason = "code " + code;
        } else if (!code.isEmpty() && codeContains(f, code) && !otherFieldWins(f, fold(code.replace('_', ' ')))) {
            confidence = 0.8;
            reason = "code " + code;
        }
        if (confidence < 0.9 && !name.isEmpty()) {
            for (String phrase : NAMES.getOrDefault(f, List.of())) {
                if (name.equals(phrase)) {
                    confidence = Math.max(confidence, 0.9);
                    reason = "name \"" + a.displayName() + "\"";
                } else if (confidence < 0.65 && containsWords(name, phrase) && !otherFieldWins(f, name)) {
                    confidence = 0.65;
                    reason = "\"" + phrase + "\" in name \"" + a.displayName() + "\"";
                }
            }
        }
        if (confidence == 0) {
            return null;
        }
        String type = a.valueType() == null ? "" : a.valueType();
        if (f.isDate() != DATE_TYPES.contains(type)) {
            return null;
        }
        if (f == CardField.PHONE_NUMBER && "PHONE_NUMBER".equals(type)) {
            confidence = Math.min(0.99, confidence + 0.05);
        }
        if (f == CardField.DATE_OF_BIRTH && "AGE".equals(type)) {
            confidence -= 0.1;
        }
        if (f == CardField.BENEFICIARY_ID && a.unique()) {
            confidence = Math.min(0.99, confidence + 0.05);
        }
        FieldMapping m = a.code() != null && !a.code().isBlank() ? FieldMapping.byCode(f.key(), a.code())
                : FieldMapping.byName(f.key(), a.displayName());
        return new Suggestion(f, m, a.uid(), Math.round(confidence * 100) / 100.0, reason);
    }

    /** "Nom de la mère" contains "nom" but is not the last name: a qualifier word means another person. */
    private static boolean otherFieldWins(CardField f, String name) {
        return name.matches(".*\\b(mere|pere|mother|father|tuteur|guardian|conjoint|spouse|enfant|child|agent|"
                + "accompagnant|chef|responsable|contact d urgence)\\b.*");
    }

    /** A code made of words such as {@code TA_FIRST_NAME_ATT} containing a known code's words. */
    private static boolean codeContains(CardField f, String code) {
        String padded = "_" + code + "_";
        return CODES.getOrDefault(f, List.of()).stream().filter(c -> c.contains("_") || c.length() >= 5)
                .anyMatch(c -> padded.contains("_" + c + "_"));
    }

    private static boolean containsWords(String name, String phrase) {
        return (" " + name + " ").contains(" " + phrase + " ");
    }

    private static String fold(String s) {
        String f = Text.fold(s);
        return f == null ? "" : f.toLowerCase(Locale.ROOT);
    }
}
