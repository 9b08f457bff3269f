package org.carnet.core.mpi.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carnet.core.mpi.synth.SyntheticPopulation.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPopulationTest {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern FRENCH = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** A written date of birth as (year, month, day); month and day as written, even when impossible. */
    private record Written(int year, int month, int day, boolean yearOnly) {
        boolean approximate() {
            return yearOnly || month == 1 && day == 1 || month == 12 && day == 31 || month == 7 && day == 1;
        }
    }

    private static Written parse(String dob) {
        if (YEAR.matcher(dob).matches()) {
            return new Written(Integer.parseInt(dob), 0, 0, true);
        }
        Matcher m = ISO.matcher(dob);
        if (m.matches() || (m = COMPACT.matcher(dob)).matches()) {
            return new Written(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), false);
        }
        m = FRENCH.matcher(dob);
        if (m.matches()) {
            return new Written(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)), false);
        }
        return fail("unexpected date format");
    }

    private static String key(String name) {
        return Names.stripAccents(name).toUpperCase(Locale.ROOT);
    }

    @Test
    void theSameSeedGivesTheSameRecordsAndAnotherSeedOthers() {
        Config config = Config.defaults().withPersons(3_000);
        List<SyntheticRecord> a = SyntheticPopulation.records(config).toList();
        List<SyntheticRecord> b = SyntheticPopulation.records(config).toList();
        List<SyntheticRecord> c = SyntheticPopulation.records(config.withSeed(config.seed() + 1)).toList();
        assertEquals(a, b);
        assertNotEquals(a.subList(0, 100), c.subList(0, 100));
        assertTrue(a.size() > 3_000);
    }

    @Test
    void aFewFamilyAndGivenNamesCoverALargeShareOfPeople() {
        Generator generator = new Generator(Config.defaults().withPersons(20_000));
        Map<String, Integer> surnames = new HashMap<>();
        Map<String, Integer> male = new HashMap<>();
        int compound = 0;
        Set<String> firstNames = new HashSet<>();
        for (int id = 0; id < 20_000; id++) {
            Generator.Person p = generator.person(id);
            surnames.merge(p.lastName(), 1, Integer::sum);
            if (!p.female()) {
                male.merge(p.givenName(), 1, Integer::sum);
            }
            compound += p.givenPrefix() == null ? 0 : 1;
            firstNames.add(p.firstName());
        }
        List<Integer> counts = new ArrayList<>(surnames.values());
        counts.sort((x, y) -> y - x);
        int top10 = counts.subList(0, 10).stream().mapToInt(Integer::intValue).sum();
        assertTrue(top10 > 0.40 * 20_000, "top 10 family names cover " + top10);
        assertTrue(counts.get(0) < 0.15 * 20_000, "the most frequent family name covers " + counts.get(0));
        assertTrue(surnames.size() > 80, surnames.size() + " family names");
        assertTrue(surnames.get("Diop") > surnames.get("Sylla") * 5);
        assertEquals("Mamadou", male.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        assertTrue(compound > 0.08 * 20_000 && compound < 0.25 * 20_000, compound + " compound given names");
        assertTrue(firstNames.contains("Ndeye Fatou") && firstNames.contains("El Hadji Mamadou"));
    }

    @Test
    void nameListsHaveNoDuplicates() {
        for (List<String> list : List.of(Names.SURNAMES, Names.MALE, Names.FEMALE)) {
            Set<String> keys = new HashSet<>();
            list.forEach(n -> assertTrue(keys.add(key(n)), "listed twice: " + n));
        }
    }

    @Test
    void datesOfBirthAreApproximateAndSwappedWithinTheConfiguredBands() {
        Config config = Config.defaults().withPersons(20_000);
        Generator truth = new Generator(config);
        List<SyntheticRecord> records = SyntheticPopulation.records(config).limit(20_000).toList();
        assertEquals(20_000, records.size());
        int present = 0;
        int approximate = 0;
        int swappable = 0;
        int swapped = 0;
        int[] formats = new int[4];
        for (SyntheticRecord r : records) {
            if (r.dateOfBirth().isEmpty()) {
                continue;
            }
            present++;
            Written w = parse(r.dateOfBirth());
            formats[w.yearOnly() ? 3 : r.dateOfBirth().contains("-") ? 0 : r.dateOfBirth().contains("/") ? 1 : 2]++;
            approximate += w.approximate() ? 1 : 0;
            Generator.Person p = truth.person(r.personId());
            int day = p.birthDate().getDayOfMonth();
            int month = p.birthDate().getMonthValue();
            if (!p.approximateDob() && day != month) {
                swappable++;
                swapped += w.month() == day && w.day() == month ? 1 : 0;
            }
        }
        double approximateShare = (double) approximate / present;
        assertTrue(approximateShare >= 0.20 && approximateShare <= 0.40, "approximate " + approximateShare);
        assertEquals(config.approximateDobRate(), approximateShare, 0.03);
        double swapShare = (double) swapped / swappable;
        assertTrue(swapShare >= 0.02 && swapShare <= 0.05, "swapped " + swapShare);
        assertEquals(config.dayMonthSwapRate(), swapShare, 0.01);
        assertTrue(formats[0] > formats[1] && formats[1] > formats[2] && formats[2] > 0 && formats[3] > 0,
                java.util.Arrays.toString(formats));
        double missing = 1 - (double) present / records.size();
        assertEquals(config.missingFieldRate(), missing, 0.01);
    }

    @Test
    void noCorruptionGivesTheTruthInOneDateFormatOrAnother() {
        Config clean = new Config(7, 2_000, 0.5, 3, 0, 0, 0, 0, 0, 0, 0);
        Generator truth = new Generator(clean);
        SyntheticPopulation.records(clean).forEach(r -> {
            Generator.Person p = truth.person(r.personId());
            Written w = parse(r.dateOfBirth());
            assertEquals(p.birthDate().getYear(), w.year());
            assertEquals(p.birthDate().getMonthValue(), w.month());
            assertEquals(p.birthDate().getDayOfMonth(), w.day());
            assertEquals(key(p.lastName()), key(r.lastName()));
            assertEquals(key(p.firstName()), key(r.firstName()));
            assertEquals(key(Geography.commune(p.commune())), key(r.commune()));
            assertFalse(r.sex().isEmpty());
        });
    }

    @Test
    void aMistypedDateOfBirthIsStillAValidDate() {
        // Every full date gets a keying error; 29 February must not move to a year without one.
        Config typos = new Config(11, 60_000, 0, 1, 0, 1, 0, 0, 0, 0, 0);
        Generator truth = new Generator(typos);
        int changed = SyntheticPopulation.records(typos).mapToInt(r -> {
            Written w = parse(r.dateOfBirth());
            LocalDate written = LocalDate.of(w.year(), w.month(), w.day());
            assertFalse(written.isAfter(Generator.REFERENCE_DATE), r.toString());
            return written.equals(truth.person(r.personId()).birthDate()) ? 0 : 1;
        }).sum();
        assertTrue(changed > 0.97 * 60_000, changed + " dates changed");
    }

    @Test
    void sexCodesCommunesAndMissingFieldsVaryAsConfigured() {
        Config config = Config.defaults().withPersons(20_000);
        Generator truth = new Generator(config);
        List<SyntheticRecord> records = SyntheticPopulation.records(config).limit(20_000).toList();
        Set<String> sexCodes = new HashSet<>();
        int communes = 0;
        int moved = 0;
        int missingNames = 0;
        for (SyntheticRecord r : records) {
            sexCodes.add(r.sex());
            missingNames += r.lastName().isEmpty() ? 1 : 0;
            if (!r.commune().isEmpty()) {
                communes++;
                Generator.Person p = truth.person(r.personId());
                moved += key(r.commune()).equals(key(Geography.commune(p.commune()))) ? 0 : 1;
                assertFalse(r.district().isEmpty());
            } else {
                assertEquals("", r.district());
            }
        }
        assertEquals(Set.of("", "M", "F", "H", "Masculin", "Féminin", "Feminin", "male", "female", "MALE", "FEMALE"),
                sexCodes);
        assertEquals(config.communeMoveRate(), (double) moved / communes, 0.015);
        assertEquals(config.missingFieldRate(), (double) missingNames / records.size(), 0.01);
    }

    @Test
    void duplicatesShareThePersonIdAndComeLater() {
        Config config = Config.defaults().withPersons(5_000);
        Generator truth = new Generator(config);
        List<SyntheticRecord> records = SyntheticPopulation.records(config).toList();
        Map<Integer, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            SyntheticRecord r = records.get(i);
            assertEquals("rec-" + (i + 1), r.recordId());
            positions.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(i);
        }
        assertEquals(5_000, positions.size());
        int withDuplicates = 0;
        long gaps = 0;
        int sameLastName = 0;
        int pairs = 0;
        for (Map.Entry<Integer, List<Integer>> e : positions.entrySet()) {
            List<Integer> at = e.getValue();
            assertEquals(1 + truth.person(e.getKey()).extraRecords(), at.size());
            assertTrue(at.size() <= 1 + config.maxExtraRecords());
            if (at.size() > 1) {
                withDuplicates++;
                gaps += at.get(at.size() - 1) - at.get(0);
                for (int j = 1; j < at.size(); j++) {
                    pairs++;
                    String a = key(records.get(at.get(0)).lastName());
                    String b = key(records.get(at.get(j)).lastName());
                    sameLastName += a.equals(b) ? 1 : 0;
                }
            }
        }
        assertEquals(config.duplicateRate(), withDuplicates / 5_000.0, 0.03);
        assertTrue(gaps / withDuplicates > 100, "duplicates come " + gaps / withDuplicates + " records later");
        double agreement = (double) sameLastName / pairs;
        assertTrue(agreement > 0.6 && agreement < 0.95, "same last name in " + agreement + " of the pairs");
    }

    @Test
    void spellingVariantsComeFromTheWestAfricanFixture() {
        Config config = Config.defaults().withPersons(20_000);
        Generator truth = new Generator(config);
        Set<String> ndiaye = new HashSet<>();
        SyntheticPopulation.records(config).forEach(r -> {
            if (truth.person(r.personId()).lastName().equals("Ndiaye")) {
                ndiaye.add(key(r.lastName()));
            }
        });
        Set<String> fixture = Set.of("N'DIAYE", "NDIAY", "NJAAY", "DIAYE");
        assertTrue(ndiaye.containsAll(fixture), ndiaye.toString());
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            assertTrue(Set.of("Mamadu").contains(Names.variant("Mamadou", random)));
            assertTrue(Set.of("Mouhamadou", "Mohamadou", "Muhammadu").contains(Names.variant("Modou", random)));
            assertTrue(Set.of("Elhadji", "El Hadj", "Elhadj").contains(Names.variant("El Hadji", random)));
        }
        assertEquals("Mbenge", Names.variant("Mbengue", random));
    }

    @Test
    void aTypoIsOneKeyingError() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            String typed = Names.typo("Mamadou", random);
            assertTrue(Math.abs(typed.length() - "Mamadou".length()) <= 1, typed);
            assertEquals('M', typed.charAt(0));
        }
        assertEquals("Sow", Names.typo("Sow", random));
    }

    @Test
    void generationIsLazy() {
        Config huge = Config.defaults().withPersons(10_000_000);
        List<SyntheticRecord> first = assertTimeout(Duration.ofSeconds(2),
                () -> SyntheticPopulation.records(huge).limit(10).toList());
        assertEquals(10, first.size());
        assertEquals(0, first.get(0).personId());
    }

    @Test
    void csvHasTheHeaderQuotesWhenNeededAndIsReproducible(@TempDir Path dir) throws IOException {
        Config config = Config.defaults().withPersons(1_000);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        SyntheticPopulation.writeCsv(config, a);
        SyntheticPopulation.writeCsv(config, b);
        assertEquals(-1, Files.mismatch(a, b));
        String text = Files.readString(a, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("id,first_name,last_name,date_of_birth,sex,commune,person\r\n"));
        List<SyntheticRecord> records = SyntheticPopulation.records(config).toList();
        String[] lines = text.split("\r\n");
        assertEquals(records.size() + 1, lines.length);
        for (int i = 0; i < records.size(); i++) {
            SyntheticRecord r = records.get(i);
            assertEquals(String.join(",", r.recordId(), r.firstName(), r.lastName(), r.dateOfBirth(), r.sex(),
                    r.commune(), Integer.toString(r.personId())), lines[i + 1]);
        }
        assertEquals("plain", SyntheticPopulation.csvField("plain"));
        assertEquals("\"Dakar, Plateau\"", SyntheticPopulation.csvField("Dakar, Plateau"));
        assertEquals("\"say \"\"hi\"\"\"", SyntheticPopulation.csvField("say \"hi\""));
        assertEquals("\"two\nlines\"", SyntheticPopulation.csvField("two\nlines"));
    }

    @Test
    void toStringShowsIdsOnly() {
        SyntheticRecord r = SyntheticPopulation.records(Config.defaults()).findFirst().orElseThrow();
        assertEquals("SyntheticRecord[rec-1, person 0]", r.toString());
        assertEquals("Person[0]", new Generator(Config.defaults()).person(0).toString());
    }

    @Test
    void configRejectsImpossibleValues() {
        Config d = Config.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withPersons(-1));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, 10, 1.5, 3, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, 10, 0.3, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, 10, 0.3, 3, Double.NaN, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, 10, 0.3, 3, 0, 0, 0, 0, 0, -0.1, 0));
        assertEquals(0, SyntheticPopulation.records(d.withPersons(0)).count());
    }
}
