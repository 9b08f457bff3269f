package org.carnet.core.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carnet.core.common.ProgressSink;
import org.carnet.core.mpi.synth.SyntheticPopulation;
import org.carnet.core.mpi.synth.SyntheticRecord;
import org.junit.jupiter.api.Test;

/**
 * The second accuracy check beside FEBRL: a synthetic Senegalese population (skewed names, spelling variants,
 * year-only and defaulted dates, commune moves) with ground truth, resolved one record at a time; and the
 * benchmark's own ground-truth counters on a larger index, where the prior must shrink with the index size.
 */
class WestAfricanAccuracyTest {
    @Test
    void incrementalResolutionOfASyntheticSenegalesePopulation() {
        List<PersonFields> fields = new ArrayList<>();
        Map<String, Integer> person = new HashMap<>();
        SyntheticPopulation.records(SyntheticPopulation.Config.defaults().withPersons(6_000).withSeed(11))
                .forEach(r -> {
                    fields.add(MpiBenchmark.fields(r));
                    person.put(r.recordId(), r.personId());
                });
        Linker linker = Linker.train(fields, 42);
        long[] n = {0};
        Map<String, List<String>> byId = new HashMap<>();
        int review = 0;
        for (Linker.Resolution r : linker.incremental(x -> "M" + n[0]++)) {
            byId.computeIfAbsent(r.mpiId(), k -> new ArrayList<>()).add(r.record().id());
            review += r.decision() == Decision.REVIEW ? 1 : 0;
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        person.values().forEach(p -> sizes.merge(p, 1, Integer::sum));
        long truePairs = sizes.values().stream().mapToLong(s -> (long) s * (s - 1) / 2).sum();
        long tp = 0;
        long fp = 0;
        for (List<String> ids : byId.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    if (person.get(ids.get(i)).equals(person.get(ids.get(j)))) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) truePairs;
        assertTrue(precision >= 0.99, "precision " + precision);
        assertTrue(recall >= 0.83, "recall " + recall);
        assertTrue(review <= 0.04 * fields.size(), "review " + review);
    }

    @Test
    void aLargerIndexLowersThePriorSoNamesakesAreNotLinked() {
        MpiBenchmark.Result r = MpiBenchmark.run(60_000, 400, 5, ProgressSink.NONE);
        assertEquals(400, r.queries());
        assertTrue(r.linkedWrong() <= 0.01 * r.linked() + 1, "wrong links " + r.linkedWrong() + " of " + r.linked());
        assertTrue(r.knownLinked() >= 0.5 * r.knownPeople(), r.knownLinked() + " of " + r.knownPeople());
    }

    @Test
    void syntheticRecordsBecomeFieldsOneForOne() {
        SyntheticRecord s = new SyntheticRecord("rec-1", 1, "Awa", "Ndiaye", "1990", "F", "Pikine", "Pikine");
        PersonFields f = MpiBenchmark.fields(s);
        assertEquals("rec-1", f.id());
        assertEquals("Pikine", f.district());
    }
}
