package org.carnet.core.mpi;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The in-memory candidate index of the identities: blocking keys hashed to 64 bits, each to a list of internal
 * record numbers (primitive arrays, no boxing), and the prepared records themselves. A query walks the lists of its
 * keys, skipping blocks larger than {@link #MAX_BLOCK} (so a "Mamadou Diallo 1990" never scans ten thousand
 * people: its block is narrowed to the birth year when the record has one; other keys still find the person). Hash
 * collisions only add candidates, never lose one. Not thread-safe:
 * one writer, queries on the same thread.
 */
public final class MpiIndex {
    /** Blocks larger than this are skipped by queries. */
    public static final int MAX_BLOCK = 2_000;

    private long[] slotKeys = new long[1 << 12];
    private int[] slotHead = new int[1 << 12];
    private int[] slotCount = new int[1 << 12];
    private boolean[] slotUsed = new boolean[1 << 12];
    private int slots;
    private int[] postingRecord = new int[1 << 12];
    private int[] postingNext = new int[1 << 12];
    private int postings;
    private MatchRecord[] records = new MatchRecord[1 << 10];
    private String[] mpiIds = new String[1 << 10];
    private int size;
    private int[] stamp = new int[1 << 10];
    private int query;
    private long skippedBlocks;

    /** Adds a record of an identity; returns its internal number. */
    public int add(String mpiId, MatchRecord r) {
        if (size == records.length) {
            records = Arrays.copyOf(records, size * 2);
            mpiIds = Arrays.copyOf(mpiIds, size * 2);
            stamp = Arrays.copyOf(stamp, size * 2);
        }
        int n = size++;
        records[n] = r;
        mpiIds[n] = mpiId;
        for (String k : BlockingKeys.of(r)) {
            post(hash(k), n);
            if (r.dob != null && BlockingKeys.narrowable(k)) {
                post(narrowed(k, r), n);
            }
        }
        return n;
    }

    private void post(long h, int n) {
        int slot = slotOf(h, true);
        if (postings == postingRecord.length) {
            int cap = postings + (postings >> 1);
            postingRecord = Arrays.copyOf(postingRecord, cap);
            postingNext = Arrays.copyOf(postingNext, cap);
        }
        postingRecord[postings] = n;
        postingNext[postings] = slotHead[slot];
        slotHead[slot] = postings + 1; // 0 = empty list
        slotCount[slot]++;
        postings++;
    }

    /** The key narrowed to the birth year, for blocks too large to scan ("Mamadou Diallo" in a million). */
    private static long narrowed(String key, MatchRecord r) {
        return hash(key + "#" + r.dob.year());
    }

    /** Hands each distinct indexed record sharing a key with {@code r} to {@code sink}, once. */
    public void candidates(MatchRecord r, IntConsumer sink) {
        query++;
        if (query == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            query = 1;
        }
        for (String k : BlockingKeys.of(r)) {
            int slot = slotOf(hash(k), false);
            if (slot < 0) {
                continue;
            }
            if (slotCount[slot] > MAX_BLOCK && r.dob != null && BlockingKeys.narrowable(k)) {
                slot = slotOf(narrowed(k, r), false);
                if (slot < 0) {
                    continue;
                }
            }
            if (slotCount[slot] > MAX_BLOCK) {
                skippedBlocks++;
                continue;
            }
            for (int p = slotHead[slot]; p != 0; p = postingNext[p - 1]) {
                int n = postingRecord[p - 1];
                if (stamp[n] != query) {
                    stamp[n] = query;
                    sink.accept(n);
                }
            }
        }
    }

    public MatchRecord record(int n) {
        return records[n];
    }

    public String mpiId(int n) {
        return mpiIds[n];
    }

    /** Number of indexed records. */
    public int size() {
        return size;
    }

    /** Key postings held (for memory diagnostics). */
    public int postings() {
        return postings;
    }

    /** How many oversized blocks queries skipped so far. */
    public long skippedBlocks() {
        return skippedBlocks;
    }

    private int slotOf(long h, boolean create) {
        if (create && (slots + 1) * 4L > slotKeys.length * 3L) {
            grow();
        }
        int mask = slotKeys.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slotUsed[i]) {
            if (slotKeys[i] == h) {
                return i;
            }
            i = (i + 1) & mask;
        }
        if (!create) {
            return -1;
        }
        slotUsed[i] = true;
        slotKeys[i] = h;
        slots++;
        return i;
    }

    private void grow() {
        long[] oldKeys = slotKeys;
        int[] oldHead = slotHead;
        int[] oldCount = slotCount;
        boolean[] oldUsed = slotUsed;
        int cap = oldKeys.length * 2;
        slotKeys = new long[cap];
        slotHead = new int[cap];
        slotCount = new int[cap];
        slotUsed = new boolean[cap];
        int mask = cap - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (!oldUsed[j]) {
                continue;
            }
            long h = oldKeys[j];
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (slotUsed[i]) {
                i = (i + 1) & mask;
            }
            slotUsed[i] = true;
            slotKeys[i] = h;
            slotHead[i] = oldHead[j];
            slotCount[i] = oldCount[j];
        }
    }

    /** FNV-1a over the characters, then the SplitMix64 finaliser. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
