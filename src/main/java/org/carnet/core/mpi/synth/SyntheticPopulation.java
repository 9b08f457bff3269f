package org.carnet.core.mpi.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A seeded generator of West African (Senegal-first) person records with ground truth, for the MPI speed benchmark
 * on a million identities and for an accuracy check beside FEBRL (docs/mpi.md §7.2 and §8).
 *
 * <p>People: family and given names from realistic lists with Zipf-like frequencies (the 10 most frequent family
 * names cover about half of the people), compound given names (Ndeye Fatou, El Hadji Malick), ages from 0 to 80
 * (a third of them children), a home commune among real communes of Senegal's 14 regions weighted by population.
 * A share of the people have their date of birth known only as a year.
 *
 * <p>Records: each person has one record, and {@link Config#duplicateRate()} of them 1 to
 * {@link Config#maxExtraRecords()} more (one extra most often). Every record, the first one included, is an
 * independent registration with the corruptions of {@link Config}: spelling variants from the West African fixture
 * ({@code wa_name_variants.csv}: N'Diaye, Njaay, Ablaye…) or a dropped or hyphenated prefix of a compound given
 * name, AZERTY keying errors, first and last names swapped, year-only or defaulted dates of birth (01/01, 31/12,
 * 01/07, with the year sometimes one off as when it is derived from an age), day and month transposed, another
 * commune than the home one, missing fields. Independently of those, the text is written as various sources do:
 * 20 % of records have the family name in capitals and 10 % both names, 30 % have no accents, and dates and sex
 * codes come in varied formats ({@link SyntheticRecord}).
 *
 * <p>Records are made on demand: the stream holds only the duplicates waiting for their turn (a duplicate is
 * emitted up to 20,000 people after the first record of its person, as a person re-registers later), so memory
 * stays flat for any size. The same configuration always gives the same records in the same order.
 */
public final class SyntheticPopulation {
    /** The CSV header of {@link #writeCsv}; {@code person} is the ground truth. */
    public static final String CSV_HEADER = "id,first_name,last_name,date_of_birth,sex,commune,person";

    /**
     * What to generate. Rates are probabilities in [0, 1].
     *
     * @param seed seed of every random draw
     * @param persons number of distinct people
     * @param duplicateRate share of people with more than one record
     * @param maxExtraRecords the most extra records a person with duplicates has (at least 1)
     * @param spellingVariantRate per record, for each of the two names: chance of another spelling
     * @param typoRate per record, for each name and for a full date of birth: chance of one keying error
     * @param approximateDobRate share of people whose date of birth is known only as a year, written as the year
     *        alone or as a defaulted date (01/01, 31/12 or 01/07)
     * @param dayMonthSwapRate per record of a person with a full date of birth: chance that day and month are
     *        transposed (the result is an impossible date when the day is over 12, as legacy files have)
     * @param communeMoveRate per record: chance that the person registers in another commune than the home one
     * @param missingFieldRate per record, for each of the five fields: chance that it is empty
     * @param nameSwapRate per record: chance that the first and last names are written in each other's place
     */
    public record Config(long seed, int persons, double duplicateRate, int maxExtraRecords,
            double spellingVariantRate, double typoRate, double approximateDobRate, double dayMonthSwapRate,
            double communeMoveRate, double missingFieldRate, double nameSwapRate) {

        public Config {
            if (persons < 0) {
                throw new IllegalArgumentException("persons must not be negative");
            }
            if (maxExtraRecords < 1 || maxExtraRecords > 100) {
                throw new IllegalArgumentException("maxExtraRecords must be between 1 and 100");
            }
            rate("duplicateRate", duplicateRate);
            rate("spellingVariantRate", spellingVariantRate);
            rate("typoRate", typoRate);
            rate("approximateDobRate", approximateDobRate);
            rate("dayMonthSwapRate", dayMonthSwapRate);
            rate("communeMoveRate", communeMoveRate);
            rate("missingFieldRate", missingFieldRate);
            rate("nameSwapRate", nameSwapRate);
        }

        /**
         * 10,000 people, 30 % of them with 1–3 extra records; 12 % spelling variants and 3 % keying errors per
         * name; 30 % year-only or defaulted dates of birth, 3.5 % day/month swaps; 7.5 % commune moves; 3 % missing
         * fields; 1 % swapped names. Within the bands of docs/mpi.md §8.
         */
        public static Config defaults() {
            return new Config(20_260_101L, 10_000, 0.30, 3, 0.12, 0.03, 0.30, 0.035, 0.075, 0.03, 0.01);
        }

        /** This configuration with another seed. */
        public Config withSeed(long newSeed) {
            return new Config(newSeed, persons, duplicateRate, maxExtraRecords, spellingVariantRate, typoRate,
                    approximateDobRate, dayMonthSwapRate, communeMoveRate, missingFieldRate, nameSwapRate);
        }

        /** This configuration with another number of people. */
        public Config withPersons(int newPersons) {
            return new Config(seed, newPersons, duplicateRate, maxExtraRecords, spellingVariantRate, typoRate,
                    approximateDobRate, dayMonthSwapRate, communeMoveRate, missingFieldRate, nameSwapRate);
        }

        private static void rate(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
            }
        }
    }

    private SyntheticPopulation() {
    }

    /** The records of {@code config}, made lazily as the stream is consumed (sequential, ordered). */
    public static Stream<SyntheticRecord> records(Config config) {
        Iterator<SyntheticRecord> it = new RecordIterator(new Generator(config));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /**
     * Writes the records of {@code config} to {@code out} as UTF-8 CSV with the header {@value #CSV_HEADER}, one
     * line per record ending in CRLF, fields quoted as RFC 4180 requires. Replaces an existing file.
     */
    public static void writeCsv(Config config, Path out) throws IOException {
        Iterator<SyntheticRecord> it = new RecordIterator(new Generator(config));
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER);
            w.write("\r\n");
            while (it.hasNext()) {
                SyntheticRecord r = it.next();
                w.write(csvField(r.recordId()));
                w.write(',');
                w.write(csvField(r.firstName()));
                w.write(',');
                w.write(csvField(r.lastName()));
                w.write(',');
                w.write(csvField(r.dateOfBirth()));
                w.write(',');
                w.write(csvField(r.sex()));
                w.write(',');
                w.write(csvField(r.commune()));
                w.write(',');
                w.write(Integer.toString(r.personId()));
                w.write("\r\n");
            }
        }
    }

    /** The field as RFC 4180 writes it: in double quotes, inner quotes doubled, when it holds , " CR or LF. */
    static String csvField(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }
}
