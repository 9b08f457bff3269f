package org.carnet.core.demo.internal;

import java.util.List;

/**
 * The administrative tree the demo org units are built from: Senegal's 14 regions, their departments and a few
 * communes of each (real names). Codes are the 3-letter region codes Carnet's MPI ids use.
 */
final class SenegalGeography {
    record Department(String name, List<String> communes) {
    }

    record Region(String name, String code, List<Department> departments) {
    }

    static final String COUNTRY = "Sénégal";
    static final String COUNTRY_CODE = "SN";

    static final List<Region> REGIONS = List.of(
            region("Dakar", "DKR",
                    dep("Dakar", "Dakar-Plateau", "Médina", "Grand Yoff", "Ngor", "Yoff"),
                    dep("Guédiawaye", "Golf Sud", "Sam Notaire", "Wakhinane Nimzatt"),
                    dep("Pikine", "Thiaroye-sur-Mer", "Dalifort", "Pikine Est", "Guinaw Rails Nord"),
                    dep("Rufisque", "Rufisque Est", "Bargny", "Sébikotane"),
                    dep("Keur Massar", "Keur Massar Nord", "Malika", "Yeumbeul Nord")),
            region("Thiès", "THI",
                    dep("Thiès", "Thiès Nord", "Thiès Est", "Pout", "Fandène"),
                    dep("Mbour", "Mbour", "Joal-Fadiouth", "Saly Portudal", "Ngaparou"),
                    dep("Tivaouane", "Tivaouane", "Mékhé", "Pire Goureye")),
            region("Diourbel", "DBL",
                    dep("Diourbel", "Diourbel", "Ndoulo", "Ndindy"),
                    dep("Bambey", "Bambey", "Lambaye", "Ngoye"),
                    dep("Mbacké", "Mbacké", "Touba Mosquée", "Taïf")),
            region("Kaolack", "KLK",
                    dep("Kaolack", "Kaolack", "Kahone", "Ndiaffate"),
                    dep("Guinguinéo", "Guinguinéo", "Mboss", "Fass"),
                    dep("Nioro du Rip", "Nioro du Rip", "Médina Sabakh", "Paoskoto")),
            region("Fatick", "FTK",
                    dep("Fatick", "Fatick", "Diakhao", "Niakhar"),
                    dep("Foundiougne", "Foundiougne", "Sokone", "Passy"),
                    dep("Gossas", "Gossas", "Colobane", "Ouadiour")),
            region("Kaffrine", "KFR",
                    dep("Kaffrine", "Kaffrine", "Nganda", "Kathiote"),
                    dep("Birkelane", "Birkelane", "Mabo"),
                    dep("Koungheul", "Koungheul", "Ida Mouride"),
                    dep("Malem-Hodar", "Malem Hodar", "Sagna")),
            region("Saint-Louis", "STL",
                    dep("Saint-Louis", "Saint-Louis", "Mpal", "Gandon"),
                    dep("Dagana", "Dagana", "Richard-Toll", "Ross Béthio"),
                    dep("Podor", "Podor", "Ndioum", "Golléré")),
            region("Louga", "LGA",
                    dep("Louga", "Louga", "Keur Momar Sarr", "Coki"),
                    dep("Kébémer", "Kébémer", "Guéoul", "Ndande"),
                    dep("Linguère", "Linguère", "Dahra", "Barkédji")),
            region("Matam", "MTM",
                    dep("Matam", "Matam", "Ourossogui", "Nabadji Civol"),
                    dep("Kanel", "Kanel", "Waoundé", "Sinthiou Bamambé"),
                    dep("Ranérou-Ferlo", "Ranérou", "Vélingara Ferlo")),
            region("Tambacounda", "TAM",
                    dep("Tambacounda", "Tambacounda", "Koussanar", "Missirah"),
                    dep("Bakel", "Bakel", "Kidira", "Diawara"),
                    dep("Goudiry", "Goudiry", "Bala", "Kothiary"),
                    dep("Koumpentoum", "Koumpentoum", "Malème Niani")),
            region("Kédougou", "KDG",
                    dep("Kédougou", "Kédougou", "Bandafassi", "Fongolimbi"),
                    dep("Salémata", "Salémata", "Dakatéli"),
                    dep("Saraya", "Saraya", "Bembou", "Khossanto")),
            region("Kolda", "KLD",
                    dep("Kolda", "Kolda", "Dabo", "Saré Yoba Diéga"),
                    dep("Médina Yoro Foulah", "Médina Yoro Foulah", "Pata"),
                    dep("Vélingara", "Vélingara", "Kounkané", "Diaobé-Kabendou")),
            region("Sédhiou", "SDH",
                    dep("Sédhiou", "Sédhiou", "Marsassoum", "Diendé"),
                    dep("Bounkiling", "Bounkiling", "Madina Wandifa"),
                    dep("Goudomp", "Goudomp", "Samine", "Tanaff")),
            region("Ziguinchor", "ZIG",
                    dep("Ziguinchor", "Ziguinchor", "Niaguis", "Boutoupa-Camaracounda"),
                    dep("Bignona", "Bignona", "Thionck Essyl", "Diouloulou"),
                    dep("Oussouye", "Oussouye", "Mlomp", "Oukout")));

    /** Regions of the demo user's capture scope (plus the department below, listed on purpose as well). */
    static final List<String> CAPTURE_REGIONS = List.of("Dakar", "Thiès", "Diourbel");
    /** A department inside a capture region that /api/me also lists: clients must dedupe roots by path. */
    static final String NESTED_CAPTURE_DEPARTMENT = "Pikine";
    /** Regions the demo user may search in without capturing data there. */
    static final List<String> EXTRA_SEARCH_REGIONS = List.of("Kaolack", "Fatick", "Kaffrine");
    /** The region of the mass HIV screening campaign registered in one go (a block of consecutive entities). */
    static final String CAMPAIGN_REGION = "Kaolack";

    private SenegalGeography() {
    }

    private static Region region(String name, String code, Department... departments) {
        return new Region(name, code, List.of(departments));
    }

    private static Department dep(String name, String... communes) {
        return new Department(name, List.of(communes));
    }
}
