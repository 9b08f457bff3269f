package org.carnet.core.demo.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carnet.core.demo.DemoProgramKind;

/**
 * The demo server's metadata: the tracked entity type "Personne", its attributes (codes as in the reference
 * product: MMD_PER_NAM, MMD_PER_LST…), option sets, programs and the demo user. French display names; UIDs from
 * the seed.
 */
final class Metadata {
    /** Every attribute whose values the dataset generates. */
    enum Attr {
        FIRST_NAME, LAST_NAME, SEX, DOB, AGE, PHONE, ADDRESS, COMMUNE,
        VAC_CARD, MOTHER_NAME, VAC_STATUS,
        CPN_LMP, CPN_GRAVIDITY, CPN_PARITY, CPN_BLOOD_GROUP,
        HIV_STATUS, HIV_ART_NUMBER, HIV_REGIMEN, HIV_VIRAL_LOAD, HIV_CD4, HIV_PREGNANT, HIV_KEY_POPULATION,
        STI_SYPHILIS, TB_SCREENING, HEP_B_ANTIGEN, PHQ9_SCORE, FINGERPRINT_ID, HOUSEHOLD_INCOME,
        NUT_MUAC
    }

    record Option(String uid, String code, String name) {
    }

    record OptionSet(String uid, String name, String code, List<Option> options) {
        String nameOf(String code) {
            return options.stream().filter(o -> o.code().equals(code)).map(Option::name).findFirst().orElse(null);
        }
    }

    record Attribute(Attr key, String uid, String code, String name, String shortName, String valueType,
                     boolean unique, boolean confidential, OptionSet optionSet) {
    }

    record ProgramAttribute(String uid, Attribute attribute, int sortOrder, boolean mandatory, boolean displayInList,
                            boolean searchable) {
    }

    record Program(DemoProgramKind kind, String uid, String name, String shortName, String code, String accessLevel,
                   boolean dataRead, boolean onlyEnrollOnce, String enrollmentDateLabel, String incidentDateLabel,
                   int version, List<ProgramAttribute> attributes) {
        boolean isTracker() {
            return kind.tracker();
        }

        boolean isProtectedOrClosed() {
            return accessLevel.equals("PROTECTED") || accessLevel.equals("CLOSED");
        }

        boolean has(Attr key) {
            return attributes.stream().anyMatch(a -> a.attribute().key() == key);
        }
    }

    static final String DEMO_USER_FIRST_NAME = "Démo";
    static final String DEMO_USER_SURNAME = "Superviseur";
    static final List<String> AUTHORITIES = List.of("M_dhis-web-capture", "M_dhis-web-dashboard",
            "F_TRACKED_ENTITY_INSTANCE_SEARCH", "F_VIEW_EVENT_ANALYTICS", "F_VIEW_UNAPPROVED_DATA",
            "M_dhis-web-tracker-capture");

    final String trackedEntityTypeUid;
    final String userUid;
    final String userRoleUid;
    final String userCredentialsUid;
    final List<OptionSet> optionSets;
    final List<Attribute> typeAttributes;
    final List<Program> programs;
    private final Map<Attr, Attribute> attributes = new EnumMap<>(Attr.class);
    private final Map<DemoProgramKind, Program> byKind = new EnumMap<>(DemoProgramKind.class);
    private final long seed;

    Metadata(long seed) {
        this.seed = seed;
        trackedEntityTypeUid = uid("tet:Personne");
        userUid = uid("user:admin");
        userRoleUid = uid("role:superviseur");
        userCredentialsUid = uid("credentials:admin");

        OptionSet sex = optionSet("Sexe", "SEXE", "F", "Féminin", "M", "Masculin");
        OptionSet hivStatus = optionSet("Statut VIH", "VIH_STATUT", "POSITIF", "Positif", "NEGATIF", "Négatif",
                "INDETERMINE", "Indéterminé");
        OptionSet regimen = optionSet("Régime ARV", "VIH_REGIME", "TDF_3TC_DTG", "TDF/3TC/DTG", "TDF_3TC_EFV",
                "TDF/3TC/EFV", "ABC_3TC_DTG", "ABC/3TC/DTG", "AZT_3TC_NVP", "AZT/3TC/NVP");
        OptionSet keyPopulation = optionSet("Population clé", "VIH_POP_CLE", "AUCUNE", "Aucune", "TS",
                "Travailleuse du sexe", "HSH", "Hommes ayant des rapports sexuels avec des hommes", "UDI",
                "Usager de drogues injectables");
        OptionSet testResult = optionSet("Résultat de test", "RESULTAT_TEST", "POS", "Positif", "NEG", "Négatif",
                "NON_FAIT", "Non fait");
        OptionSet tbScreening = optionSet("Dépistage TB", "TB_DEPISTAGE", "SUSPECT", "Suspect", "NON_SUSPECT",
                "Non suspect", "SOUS_TRAITEMENT", "Sous traitement");
        OptionSet bloodGroup = optionSet("Groupe sanguin", "GROUPE_SANGUIN", "A_POS", "A+", "A_NEG", "A−", "B_POS",
                "B+", "B_NEG", "B−", "AB_POS", "AB+", "AB_NEG", "AB−", "O_POS", "O+", "O_NEG", "O−");
        OptionSet vaccination = optionSet("Statut vaccinal RR", "STATUT_RR", "RR1", "RR1 reçue", "RR2", "RR2 reçue",
                "ZERO_DOSE", "Zéro dose");
        optionSets = List.of(sex, hivStatus, regimen, keyPopulation, testResult, tbScreening, bloodGroup, vaccination);

        add(Attr.FIRST_NAME, "MMD_PER_NAM", "Prénom", "TEXT", false, false, null);
        add(Attr.LAST_NAME, "MMD_PER_LST", "Nom", "TEXT", false, false, null);
        add(Attr.SEX, "MMD_PER_SEX", "Sexe", "TEXT", false, false, sex);
        add(Attr.DOB, "MMD_PER_DOB", "Date de naissance", "DATE", false, false, null);
        add(Attr.AGE, "MMD_PER_AGE", "Âge (date de naissance estimée)", "AGE", false, false, null);
        add(Attr.PHONE, "PHONE_NUMBER", "Téléphone", "PHONE_NUMBER", false, false, null);
        add(Attr.ADDRESS, "MMD_PER_ADR", "Adresse", "TEXT", false, false, null);
        add(Attr.COMMUNE, "MMD_PER_COM", "Commune", "ORGANISATION_UNIT", false, false, null);
        add(Attr.VAC_CARD, "VAC_CARTE_NUM", "N° carte de vaccination", "TEXT", true, false, null);
        add(Attr.MOTHER_NAME, null, "Nom de la mère", "TEXT", false, false, null);
        add(Attr.VAC_STATUS, "VAC_RR_STATUT", "Statut vaccinal rougeole-rubéole", "TEXT", false, false, vaccination);
        add(Attr.CPN_LMP, "CPN_DDR", "Date des dernières règles", "DATE", false, false, null);
        add(Attr.CPN_GRAVIDITY, "CPN_GESTITE", "Gestité", "INTEGER_POSITIVE", false, false, null);
        add(Attr.CPN_PARITY, "CPN_PARITE", "Parité", "INTEGER_ZERO_OR_POSITIVE", false, false, null);
        add(Attr.CPN_BLOOD_GROUP, "CPN_GRP_SANGUIN", "Groupe sanguin", "TEXT", false, false, bloodGroup);
        add(Attr.HIV_STATUS, "HIV_STATUT", "VIH - Statut sérologique", "TEXT", false, true, hivStatus);
        add(Attr.HIV_ART_NUMBER, "HIV_NUM_TARV", "VIH - Numéro TARV", "TEXT", true, true, null);
        add(Attr.HIV_REGIMEN, "HIV_REGIME_ARV", "VIH - Régime ARV", "TEXT", false, true, regimen);
        add(Attr.HIV_VIRAL_LOAD, "HIV_CHARGE_VIRALE", "VIH - Charge virale (copies/ml)", "INTEGER_ZERO_OR_POSITIVE",
                false, true, null);
        add(Attr.HIV_CD4, "HIV_CD4", "VIH - CD4 (cellules/mm³)", "INTEGER_ZERO_OR_POSITIVE", false, true, null);
        add(Attr.HIV_PREGNANT, "HIV_GROSSESSE", "VIH - Grossesse en cours", "BOOLEAN", false, false, null);
        add(Attr.HIV_KEY_POPULATION, "HIV_POP_CLE", "VIH - Population clé", "TEXT", false, true, keyPopulation);
        add(Attr.STI_SYPHILIS, "IST_SYPHILIS_RPR", "Syphilis - Résultat du test RPR", "TEXT", false, true,
                testResult);
        add(Attr.TB_SCREENING, "TB_DEPISTAGE", "Tuberculose - Dépistage des symptômes", "TEXT", false, true,
                tbScreening);
        add(Attr.HEP_B_ANTIGEN, "SERO_AGHBS", "Hépatite B - Antigène HBs", "TEXT", false, true, testResult);
        add(Attr.PHQ9_SCORE, "SM_PHQ9", "Dépression - Score PHQ-9", "INTEGER_ZERO_OR_POSITIVE", false, true, null);
        add(Attr.FINGERPRINT_ID, "BIO_EMPREINTE_ID", "Empreinte digitale - identifiant du gabarit biométrique",
                "TEXT", true, true, null);
        add(Attr.HOUSEHOLD_INCOME, "FIN_REVENU_MENAGE", "Revenu mensuel du ménage (FCFA)", "NUMBER", false, true,
                null);
        add(Attr.NUT_MUAC, "NUT_PB", "Périmètre brachial (mm)", "INTEGER_POSITIVE", false, false, null);

        typeAttributes = List.of(attr(Attr.FIRST_NAME), attr(Attr.LAST_NAME), attr(Attr.SEX), attr(Attr.DOB),
                attr(Attr.AGE), attr(Attr.PHONE), attr(Attr.ADDRESS), attr(Attr.COMMUNE));
        programs = List.of(
                program(DemoProgramKind.VACCINATION, "Campagne de vaccination rougeole-rubéole", "Vaccination RR",
                        "VAC_RR", "OPEN", true, true, "Date de vaccination", "Date de la séance",
                        Attr.VAC_CARD, Attr.MOTHER_NAME, Attr.VAC_STATUS),
                program(DemoProgramKind.ANTENATAL_CARE, "Consultation prénatale (CPN)", "CPN", "CPN", "AUDITED", true,
                        false, "Date d’inscription", "Date de début de grossesse",
                        Attr.CPN_LMP, Attr.CPN_GRAVIDITY, Attr.CPN_PARITY, Attr.CPN_BLOOD_GROUP),
                program(DemoProgramKind.HIV_CARE, "Dépistage et prise en charge du VIH", "VIH", "VIH_PEC", "PROTECTED",
                        true, false, "Date d’inscription", "Date du diagnostic",
                        Attr.HIV_STATUS, Attr.HIV_ART_NUMBER, Attr.HIV_REGIMEN, Attr.HIV_VIRAL_LOAD, Attr.HIV_CD4,
                        Attr.HIV_PREGNANT, Attr.HIV_KEY_POPULATION, Attr.STI_SYPHILIS, Attr.TB_SCREENING,
                        Attr.HEP_B_ANTIGEN, Attr.PHQ9_SCORE, Attr.FINGERPRINT_ID, Attr.HOUSEHOLD_INCOME),
                program(DemoProgramKind.NUTRITION, "Suivi nutritionnel (malnutrition aiguë)", "Nutrition", "NUT_MAS",
                        "OPEN", false, true, "Date d’admission", "Date de dépistage", Attr.NUT_MUAC),
                new Program(DemoProgramKind.MALARIA_EVENTS, uid("program:MALARIA_EVENTS"),
                        "Surveillance du paludisme (TDR)", "Paludisme TDR", "PALU_TDR", "OPEN", true, false, null,
                        null, 2, List.of()));
        programs.forEach(p -> byKind.put(p.kind(), p));
        checkUnique();
    }

    Attribute attr(Attr key) {
        return attributes.get(key);
    }

    Program program(DemoProgramKind kind) {
        return byKind.get(kind);
    }

    Program programByUid(String uid) {
        return programs.stream().filter(p -> p.uid().equals(uid)).findFirst().orElse(null);
    }

    /** The attributes an entity shows for a program query: the type's, then the program's own. */
    List<Attribute> attributesFor(Program program) {
        List<Attribute> list = new ArrayList<>(typeAttributes);
        if (program != null) {
            for (ProgramAttribute pa : program.attributes()) {
                if (!list.contains(pa.attribute())) {
                    list.add(pa.attribute());
                }
            }
        }
        return list;
    }

    private String uid(String name) {
        return Uids.named(seed, name);
    }

    private OptionSet optionSet(String name, String code, String... codesAndNames) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            options.add(new Option(uid("option:" + code + ":" + codesAndNames[i]), codesAndNames[i],
                    codesAndNames[i + 1]));
        }
        return new OptionSet(uid("optionSet:" + code), name, code, List.copyOf(options));
    }

    private void add(Attr key, String code, String name, String valueType, boolean unique, boolean confidential,
                     OptionSet optionSet) {
        String shortName = name.length() <= 50 ? name : name.substring(0, 50);
        attributes.put(key, new Attribute(key, uid("attribute:" + key), code, name, shortName, valueType, unique,
                confidential, optionSet));
    }

    private Program program(DemoProgramKind kind, String name, String shortName, String code, String accessLevel,
                            boolean dataRead, boolean onlyEnrollOnce, String enrollmentLabel, String incidentLabel,
                            Attr... own) {
        List<ProgramAttribute> list = new ArrayList<>();
        int order = 1;
        for (Attribute a : typeAttributes) {
            boolean identity = a.key() == Attr.FIRST_NAME || a.key() == Attr.LAST_NAME;
            list.add(new ProgramAttribute(uid("ptea:" + kind + ":" + a.key()), a, order++, identity, identity,
                    identity || a.key() == Attr.PHONE));
        }
        for (Attr key : own) {
            list.add(new ProgramAttribute(uid("ptea:" + kind + ":" + key), attr(key), order++, false, false, false));
        }
        return new Program(kind, uid("program:" + kind), name, shortName, code, accessLevel, dataRead, onlyEnrollOnce,
                enrollmentLabel, incidentLabel, 3 + kind.ordinal(), List.copyOf(list));
    }

    private void checkUnique() {
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>(List.of(trackedEntityTypeUid, userUid, userRoleUid, userCredentialsUid));
        attributes.values().forEach(a -> all.add(a.uid()));
        optionSets.forEach(o -> {
            all.add(o.uid());
            o.options().forEach(x -> all.add(x.uid()));
        });
        programs.forEach(p -> {
            all.add(p.uid());
            p.attributes().forEach(a -> all.add(a.uid()));
        });
        for (String u : all) {
            if (!seen.add(u)) {
                throw new IllegalStateException("duplicate metadata UID");
            }
        }
    }
}
