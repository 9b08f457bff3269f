package org.carnet.core.demo.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Given names and family names of Senegal's main groups (Wolof, Pulaar, Serer, Mandinka, Diola) and the spelling
 * variants a second registration of the same person produces (docs/mpi.md §5). Short frequent family names that
 * belong to different families (Sy and Sow, Fall and Faye) are deliberately not variants of each other.
 */
final class WestAfricanNames {
    enum Group { WOLOF, PULAAR, SERER, MANDINKA, DIOLA }

    static final double[] GROUP_WEIGHTS = {0.40, 0.26, 0.15, 0.10, 0.09};

    static final Map<Group, List<String>> FAMILY = Map.of(
            Group.WOLOF, List.of("Diop", "Ndiaye", "Fall", "Gueye", "Mbaye", "Seck", "Niang", "Thiam", "Cissé", "Lô",
                    "Samb", "Dieng", "Wade", "Mbengue", "Gaye", "Ndoye", "Touré", "Mboup", "Diagne", "Kébé"),
            Group.PULAAR, List.of("Diallo", "Ba", "Sow", "Sy", "Kane", "Barry", "Baldé", "Ka", "Ly", "Tall", "Wane",
                    "Dia", "Diao", "Bâ", "Sall"),
            Group.SERER, List.of("Faye", "Diouf", "Sarr", "Sène", "Ndour", "Thiaw", "Ciss", "Dione", "Ngom", "Tine",
                    "Faye", "Diouf"),
            Group.MANDINKA, List.of("Camara", "Sané", "Dramé", "Cissokho", "Konaté", "Keïta", "Mané", "Dabo",
                    "Fofana", "Traoré", "Kanté", "Sagna"),
            Group.DIOLA, List.of("Diatta", "Badji", "Bassène", "Diédhiou", "Sambou", "Coly", "Goudiaby", "Manga",
                    "Tendeng", "Sonko", "Diémé", "Sagna"));

    static final Map<Group, List<String>> MALE = Map.of(
            Group.WOLOF, List.of("Mamadou", "Moussa", "Modou", "Cheikh", "Babacar", "Malick", "Pape", "Omar",
                    "Alioune", "Serigne", "Mouhamed", "Assane", "Massamba", "Youssou", "Ibrahima", "Abdoulaye",
                    "El Hadji Malick", "Pape Moussa", "Serigne Saliou", "Mouhamadou Lamine", "Saliou", "Djibril"),
            Group.PULAAR, List.of("Mamadou", "Amadou", "Ousmane", "Aliou", "Boubacar", "Souleymane", "Demba", "Samba",
                    "Idrissa", "Oumar", "Thierno", "Abdoul", "Mamadou Lamine", "Hamidou"),
            Group.SERER, List.of("Ousmane", "Ibrahima", "Jean", "Pierre", "Ignace", "Augustin", "Mathurin",
                    "Latyr", "Waly", "Ngor", "Mamadou"),
            Group.MANDINKA, List.of("Lansana", "Bakary", "Sékou", "Famara", "Ansoumana", "Moussa", "Kéba", "Lamine",
                    "Mamadou", "Ibrahima"),
            Group.DIOLA, List.of("Ansoumana", "Famara", "Augustin", "Émile", "Jean-Pierre", "Lamine", "Malamine",
                    "Ousmane", "Bakary", "Salif"));

    static final Map<Group, List<String>> FEMALE = Map.of(
            Group.WOLOF, List.of("Fatou", "Aminata", "Awa", "Khady", "Ndeye", "Coumba", "Astou", "Rokhaya", "Sokhna",
                    "Maimouna", "Seynabou", "Yacine", "Bineta", "Dior", "Mame Diarra", "Ndeye Fatou", "Khadidiatou",
                    "Aïssatou", "Adama", "Penda"),
            Group.PULAAR, List.of("Mariama", "Aïssatou", "Kadiatou", "Dieynaba", "Oumou", "Binta", "Fatoumata",
                    "Ramatoulaye", "Hawa", "Coumba", "Mariama Ciré"),
            Group.SERER, List.of("Marie", "Germaine", "Fatou", "Ngoné", "Sokhna", "Odile", "Thérèse", "Awa",
                    "Khady"),
            Group.MANDINKA, List.of("Mariama", "Fanta", "Nafissatou", "Kadiatou", "Sira", "Awa", "Djénéba", "Fatou"),
            Group.DIOLA, List.of("Marie", "Angèle", "Fatou", "Aïda", "Mariama", "Odette", "Seynabou", "Awa"));

    /** Spelling variants seen for the same person across registrations (given and family names). */
    static final Map<String, List<String>> VARIANTS = Map.ofEntries(
            Map.entry("Mamadou", List.of("Mamadu", "Mouhamadou", "Modou")),
            Map.entry("Mouhamed", List.of("Mohamed", "Mouhammed", "Muhammad")),
            Map.entry("Ousmane", List.of("Usman", "Housmane", "Ousman")),
            Map.entry("Abdoulaye", List.of("Abdulaye", "Ablaye", "Abdoulay")),
            Map.entry("Ibrahima", List.of("Ibrahim", "Brahim", "Ibrahimma")),
            Map.entry("Cheikh", List.of("Cheick", "Sheikh")),
            Map.entry("Amadou", List.of("Ahmadou", "Amadu")),
            Map.entry("Moussa", List.of("Musa", "Mousa")),
            Map.entry("Aliou", List.of("Aliu", "Aly")),
            Map.entry("Oumar", List.of("Omar", "Umar")),
            Map.entry("Souleymane", List.of("Suleymane", "Souleimane")),
            Map.entry("Boubacar", List.of("Bubacar", "Boubakar")),
            Map.entry("Ndeye", List.of("Ndèye", "N'Deye", "Ndey")),
            Map.entry("Ndeye Fatou", List.of("Ndèye Fatou", "Fatou", "Ndeye Fatu")),
            Map.entry("Fatou", List.of("Fatu", "Fatoumata")),
            Map.entry("Aïssatou", List.of("Aissatou", "Aysatu", "Aïssata")),
            Map.entry("Khady", List.of("Khadija", "Khadidiatou")),
            Map.entry("Khadidiatou", List.of("Khady", "Khadiatou")),
            Map.entry("Coumba", List.of("Kumba", "Koumba")),
            Map.entry("Mariama", List.of("Mariam", "Maryam")),
            Map.entry("Seynabou", List.of("Zeynabou", "Seynab")),
            Map.entry("Kadiatou", List.of("Khadiatou", "Kadiata")),
            Map.entry("Mame Diarra", List.of("Diarra", "Mame Diara")),
            Map.entry("Mouhamadou Lamine", List.of("Lamine", "Mamadou Lamine")),
            Map.entry("El Hadji Malick", List.of("Malick", "Elhadji Malick")),
            Map.entry("Diop", List.of("Diope", "Joob")),
            Map.entry("Ndiaye", List.of("N'Diaye", "Ndiay", "Njaay")),
            Map.entry("Mbaye", List.of("M'Baye", "Mbay")),
            Map.entry("Fall", List.of("Faal")),
            Map.entry("Diouf", List.of("Juuf", "Diouff")),
            Map.entry("Gueye", List.of("Guèye", "Guey")),
            Map.entry("Diallo", List.of("Jallow", "Jalloh", "Dialo")),
            Map.entry("Ba", List.of("Bah", "Bâ")),
            Map.entry("Bâ", List.of("Ba", "Bah")),
            Map.entry("Cissé", List.of("Cisse", "Sisse")),
            Map.entry("Camara", List.of("Kamara")),
            Map.entry("Touré", List.of("Toure", "Ture")),
            Map.entry("Baldé", List.of("Balde", "Baldeh")),
            Map.entry("Diatta", List.of("Jatta", "Diata")),
            Map.entry("Sané", List.of("Sane", "Sanneh")),
            Map.entry("Seck", List.of("Sek")),
            Map.entry("Thiam", List.of("Tiam")),
            Map.entry("Niang", List.of("Nyang")),
            Map.entry("Sène", List.of("Sene", "Senne")),
            Map.entry("Keïta", List.of("Keita", "Keyta")));

    /** Quarters and villages used to write plausible addresses. */
    static final List<String> QUARTERS = List.of("Darou Salam", "Darou Khoudoss", "Escale", "HLM", "Château d’eau",
            "Santhiaba", "Médina", "Sicap", "Cité Millionnaire", "Diamaguène", "Keur Mbaye Fall", "Boucotte",
            "Nguinth", "Thiokho", "Léona", "Sor", "Ndiarème", "Grand Thiès", "Cité Keur Gorgui", "Quinzambougou");

    private WestAfricanNames() {
    }

    static List<String> given(Group group, boolean female) {
        return (female ? FEMALE : MALE).get(group);
    }

    /** A spelling variant of {@code name}, or the name itself when it has none. */
    static String variant(String name, Hashing.Draws d) {
        List<String> v = VARIANTS.get(name);
        return v == null ? name : d.pick(v);
    }

    /** One keying error: two adjacent letters swapped, a letter dropped, or a letter doubled. */
    static String typo(String name, Hashing.Draws d) {
        if (name.length() < 4) {
            return name;
        }
        int i = 1 + d.below(name.length() - 2);
        StringBuilder s = new StringBuilder(name);
        switch (d.below(3)) {
            case 0 -> {
                char c = s.charAt(i);
                s.setCharAt(i, s.charAt(i + 1));
                s.setCharAt(i + 1, c);
            }
            case 1 -> s.deleteCharAt(i);
            default -> s.insert(i, s.charAt(i));
        }
        return s.toString();
    }

    /** The name in capitals, as some registers write family names. */
    static String upper(String name) {
        return name.toUpperCase(Locale.FRENCH);
    }
}
