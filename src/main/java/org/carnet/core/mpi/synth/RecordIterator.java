package org.carnet.core.mpi.synth;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Emits the first record of each person in person order and every extra record {@link Generator#delay} people
 * later, so that duplicates arrive as re-registrations do. Holds only the extra records still to come.
 */
final class RecordIterator implements Iterator<SyntheticRecord> {
    private record Pending(long due, Generator.Person person, int copy) {
    }

    private static final Comparator<Pending> ORDER = Comparator.comparingLong(Pending::due)
            .thenComparingInt(p -> p.person().id()).thenComparingInt(Pending::copy);

    private final Generator generator;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(ORDER);
    private int nextPerson;
    private long emitted;

    RecordIterator(Generator generator) {
        this.generator = generator;
    }

    @Override
    public boolean hasNext() {
        return nextPerson < generator.persons() || !pending.isEmpty();
    }

    @Override
    public SyntheticRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Pending head = pending.peek();
        if (head != null && (head.due() <= nextPerson || nextPerson >= generator.persons())) {
            pending.poll();
            return generator.record(head.person(), head.copy(), emitted++);
        }
        Generator.Person p = generator.person(nextPerson++);
        for (int copy = 1; copy <= p.extraRecords(); copy++) {
            pending.add(new Pending((long) p.id() + generator.delay(p.id(), copy), p, copy));
        }
        return generator.record(p, 0, emitted++);
    }
}
