package org.carnet.core.mpi.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Senegal's 14 regions, their departments (the "districts" of the records, as DHIS2 org-unit parents) and a few
 * real communes of each, with the regions weighted by population (Dakar about a third). Same tree as the demo DHIS2
 * server's, copied so that the two generators evolve independently.
 */
final class Geography {
    private record Region(double weight, String[][] districts) {
    }

    private static final List<Region> REGIONS = List.of(
            region(0.30,
                    d("Dakar", "Dakar-Plateau", "Médina", "Grand Yoff", "Ngor", "Yoff"),
                    d("Guédiawaye", "Golf Sud", "Sam Notaire", "Wakhinane Nimzatt"),
                    d("Pikine", "Thiaroye-sur-Mer", "Dalifort", "Pikine Est", "Guinaw Rails Nord"),
                    d("Rufisque", "Rufisque Est", "Bargny", "Sébikotane"),
                    d("Keur Massar", "Keur Massar Nord", "Malika", "Yeumbeul Nord")),
            region(0.16,
                    d("Thiès", "Thiès Nord", "Thiès Est", "Pout", "Fandène"),
                    d("Mbour", "Mbour", "Joal-Fadiouth", "Saly Portudal", "Ngaparou"),
                    d("Tivaouane", "Tivaouane", "Mékhé", "Pire Goureye")),
            region(0.12,
                    d("Diourbel", "Diourbel", "Ndoulo", "Ndindy"),
                    d("Bambey", "Bambey", "Lambaye", "Ngoye"),
                    d("Mbacké", "Mbacké", "Touba Mosquée", "Taïf")),
            region(0.07,
                    d("Kaolack", "Kaolack", "Kahone", "Ndiaffate"),
                    d("Guinguinéo", "Guinguinéo", "Mboss", "Fass"),
                    d("Nioro du Rip", "Nioro du Rip", "Médina Sabakh", "Paoskoto")),
            region(0.05,
                    d("Fatick", "Fatick", "Diakhao", "Niakhar"),
                    d("Foundiougne", "Foundiougne", "Sokone", "Passy"),
                    d("Gossas", "Gossas", "Colobane", "Ouadiour")),
            region(0.04,
                    d("Kaffrine", "Kaffrine", "Nganda", "Kathiote"),
                    d("Birkelane", "Birkelane", "Mabo"),
                    d("Koungheul", "Koungheul", "Ida Mouride"),
                    d("Malem-Hodar", "Malem Hodar", "Sagna")),
            region(0.05,
                    d("Saint-Louis", "Saint-Louis", "Mpal", "Gandon"),
                    d("Dagana", "Dagana", "Richard-Toll", "Ross Béthio"),
                    d("Podor", "Podor", "Ndioum", "Golléré")),
            region(0.04,
                    d("Louga", "Louga", "Keur Momar Sarr", "Coki"),
                    d("Kébémer", "Kébémer", "Guéoul", "Ndande"),
                    d("Linguère", "Linguère", "Dahra", "Barkédji")),
            region(0.03,
                    d("Matam", "Matam", "Ourossogui", "Nabadji Civol"),
                    d("Kanel", "Kanel", "Waoundé", "Sinthiou Bamambé"),
                    d("Ranérou-Ferlo", "Ranérou", "Vélingara Ferlo")),
            region(0.04,
                    d("Tambacounda", "Tambacounda", "Koussanar", "Missirah"),
                    d("Bakel", "Bakel", "Kidira", "Diawara"),
                    d("Goudiry", "Goudiry", "Bala", "Kothiary"),
                    d("Koumpentoum", "Koumpentoum", "Malème Niani")),
            region(0.02,
                    d("Kédougou", "Kédougou", "Bandafassi", "Fongolimbi"),
                    d("Salémata", "Salémata", "Dakatéli"),
                    d("Saraya", "Saraya", "Bembou", "Khossanto")),
            region(0.03,
                    d("Kolda", "Kolda", "Dabo", "Saré Yoba Diéga"),
                    d("Médina Yoro Foulah", "Médina Yoro Foulah", "Pata"),
                    d("Vélingara", "Vélingara", "Kounkané", "Diaobé-Kabendou")),
            region(0.02,
                    d("Sédhiou", "Sédhiou", "Marsassoum", "Diendé"),
                    d("Bounkiling", "Bounkiling", "Madina Wandifa"),
                    d("Goudomp", "Goudomp", "Samine", "Tanaff")),
            region(0.03,
                    d("Ziguinchor", "Ziguinchor", "Niaguis", "Boutoupa-Camaracounda"),
                    d("Bignona", "Bignona", "Thionck Essyl", "Diouloulou"),
                    d("Oussouye", "Oussouye", "Mlomp", "Oukout")));

    /** Commune names, grouped by district: the communes of one district have consecutive indexes. */
    private static final String[] COMMUNES;
    private static final String[] DISTRICT_OF;
    private static final int[] DISTRICT_START;
    private static final int[] DISTRICT_SIZE;
    private static final Weights WEIGHTS;

    static {
        List<String> communes = new ArrayList<>();
        List<String> districtOf = new ArrayList<>();
        List<Integer> start = new ArrayList<>();
        List<Integer> size = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Region region : REGIONS) {
            int inRegion = 0;
            for (String[] district : region.districts()) {
                inRegion += district.length - 1;
            }
            for (String[] district : region.districts()) {
                int first = communes.size();
                for (int i = 1; i < district.length; i++) {
                    communes.add(district[i]);
                    districtOf.add(district[0]);
                    start.add(first);
                    size.add(district.length - 1);
                    weights.add(region.weight() / inRegion);
                }
            }
        }
        COMMUNES = communes.toArray(String[]::new);
        DISTRICT_OF = districtOf.toArray(String[]::new);
        DISTRICT_START = start.stream().mapToInt(Integer::intValue).toArray();
        DISTRICT_SIZE = size.stream().mapToInt(Integer::intValue).toArray();
        WEIGHTS = new Weights(weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private Geography() {
    }

    static String commune(int index) {
        return COMMUNES[index];
    }

    static String district(int index) {
        return DISTRICT_OF[index];
    }

    /** A home commune, regions weighted by population, communes equally likely within a region. */
    static int draw(SplittableRandom random) {
        return WEIGHTS.draw(random);
    }

    /**
     * Where a person registers when not at home: half the time another commune of the same district (when it has
     * one), otherwise any other commune of the country, drawn like a home commune.
     */
    static int moved(int home, SplittableRandom random) {
        if (DISTRICT_SIZE[home] > 1 && random.nextBoolean()) {
            int other = random.nextInt(DISTRICT_SIZE[home] - 1);
            int index = DISTRICT_START[home] + other;
            return index >= home ? index + 1 : index;
        }
        int index;
        do {
            index = WEIGHTS.draw(random);
        } while (index == home);
        return index;
    }

    private static Region region(double weight, String[]... districts) {
        return new Region(weight, districts);
    }

    private static String[] d(String district, String... communes) {
        String[] row = new String[communes.length + 1];
        row[0] = district;
        System.arraycopy(communes, 0, row, 1, communes.length);
        return row;
    }
}
