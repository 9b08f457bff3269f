package org.carnet.core.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.crypto.FieldCipher;
import org.carnet.core.crypto.RecoveryKey;
import org.carnet.core.model.Demographics;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.AuditEntry;
import org.carnet.core.registry.AuditVerification;
import org.carnet.core.registry.EnrollmentRecord;
import org.carnet.core.registry.ExternalIdLink;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.NewReviewItem;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.registry.RegistryException;
import org.carnet.core.registry.RegistryIntegrityException;
import org.carnet.core.registry.RegistryStats;
import org.carnet.core.registry.ResolutionBatch;
import org.carnet.core.registry.UnlockThrottledException;
import org.carnet.core.registry.WrongPassphraseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encrypted registry on a real SQLite file. */
class SqliteRegistryIT {
    static final char[] PASS = "mangue verte a Thies 2026".toCharArray();
    static final AuditActor ACTOR = AuditActor.current(AuditActor.Channel.CLI);

    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("registry.db");
    }

    Registries.Created create() throws RegistryException {
        return SqliteRegistry.create(file(), PASS, Argon2Kdf.forTests(), ACTOR);
    }

    @Test
    void storesAndFindsIdentitiesThroughBlindIndexes() throws Exception {
        try (Registry r = create().registry()) {
            r.saveIdentities(RegistryFixtures.people(0, 50));
            IdentityRecord p7 = RegistryFixtures.person(7);
            IdentityRecord found = r.identityByMpiId(p7.mpiId()).orElseThrow();
            assertEquals(p7.demographics(), found.demographics());
            assertEquals(IdentityRecord.ACTIVE, found.status());
            r.linkExternalId(p7.mpiId(), "IpHINAT79UW", "dNpxRu1mWG5");
            assertEquals(p7.mpiId(), r.identityByTei("IpHINAT79UW", "dNpxRu1mWG5").orElseThrow().mpiId());
            assertTrue(r.identityByTei("otherProgram", "dNpxRu1mWG5").isEmpty());
            List<IdentityRecord> block = r.identitiesByBlockingKey(p7.blockingKeys().get(0));
            assertTrue(block.stream().anyMatch(i -> i.mpiId().equals(p7.mpiId())));
            assertTrue(r.identityByMpiId("SN-DKR-26-NOTHERE0").isEmpty());
        }
    }

    @Test
    void updatingAnIdentityKeepsOneRowAndReplacesItsBlocks() throws Exception {
        try (Registry r = create().registry()) {
            IdentityRecord p = RegistryFixtures.person(1);
            r.saveIdentities(List.of(p));
            IdentityRecord changed = IdentityRecord.of(p.mpiId(), new org.carnet.core.model.Demographics("Awa", "Diop",
                    "1991-02-03", "F", "+221770000000", "Rufisque", "DK"), List.of("NEWBLOCK"));
            r.saveIdentities(List.of(changed));
            assertEquals("Rufisque", r.identityByMpiId(p.mpiId()).orElseThrow().demographics().district());
            assertEquals(1, r.stats().identities());
            assertTrue(r.identitiesByBlockingKey(p.blockingKeys().get(0)).isEmpty());
            assertEquals(1, r.identitiesByBlockingKey("NEWBLOCK").size());
        }
    }

    @Test
    void theFilesOnDiskHoldNoNameDateOfBirthOrPhone() throws Exception {
        List<IdentityRecord> people = RegistryFixtures.people(0, 300);
        Registry r = create().registry();
        r.saveIdentities(people);
        r.saveProgram(new ProgramInfo("IpHINAT79UW", "Programme Santé Mère-Enfant Dakar",
                List.of(new ProgramInfo.Attribute("w75KJ2mc4zz", "MMD_PER_NAM", "Prénom", "TEXT"))));
        r.saveEnrollments(List.of(new EnrollmentRecord("EnrUid00001", "IpHINAT79UW", "DiszpKrYNg8", "dNpxRu1mWG5",
                people.get(0).mpiId(), "ACTIVE", Instant.parse("2026-01-05T00:00:00Z"), null, Instant.now(),
                List.of(new EnrollmentRecord.Value("hivStatus01", "Séropositif confirmé",
                        org.carnet.core.guard.SensitiveCategory.HIV_AIDS)))));
        r.linkExternalId(people.get(0).mpiId(), "IpHINAT79UW", "dNpxRu1mWG5");
        r.putSecret("dhis2.password", "district-admin-pw".getBytes(StandardCharsets.UTF_8));
        r.audit("test.reason", "none", "operator typed Aminata by mistake");
        // Scan while the registry is open (WAL and SHM present), then again after close.
        List<String> secrets = new ArrayList<>();
        for (IdentityRecord p : people.subList(0, 60)) {
            secrets.add(p.demographics().firstName() + "");
            secrets.add(p.demographics().lastName());
            secrets.add(p.demographics().dateOfBirth());
            secrets.add(p.demographics().phone());
            secrets.add(p.demographics().phone().substring(4));
            secrets.add(p.mpiId());
        }
        secrets.addAll(List.of("Séropositif", "district-admin-pw", "Santé Mère", "MMD_PER_NAM", "dNpxRu1mWG5"));
        assertNoPlaintext(secrets);
        r.close();
        assertNoPlaintext(secrets);
    }

    private void assertNoPlaintext(List<String> secrets) throws Exception {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path f = dir.resolve("registry.db" + suffix);
            if (!Files.exists(f)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(f);
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            for (String s : secrets) {
                if (s.length() < 5) {
                    continue; // a 3- or 4-byte string turns up by chance in megabytes of ciphertext (Awa, Sy, Ba…)
                }
                assertFalse(latin.contains(s) || utf8.contains(s), "plaintext '" + s + "' found in " + f.getFileName());
            }
        }
    }

    private static final String EXPLANATION = "{\"reason\":\"review_band\",\"levels\":[\"exact\",\"jw92\"]}";

    private static IdentityRecord withCommune(int i, String commune) {
        IdentityRecord p = RegistryFixtures.person(i);
        Demographics d = p.demographics();
        return IdentityRecord.of(p.mpiId(), new Demographics(d.firstName(), d.lastName(), d.dateOfBirth(), d.sex(),
                d.phone(), d.district(), d.region(), commune), p.blockingKeys());
    }

    @Test
    void aResolutionBatchIsWrittenAndAuditedInOneTransaction() throws Exception {
        try (Registry r = create().registry()) {
            r.saveIdentities(RegistryFixtures.people(0, 2));
            IdentityRecord fresh = withCommune(2, "Guinaw Rail Sud");
            int auditBefore = r.auditEntries(1000).size();
            r.saveResolutions(new ResolutionBatch(List.of(fresh),
                    List.of(new ExternalIdLink(fresh.mpiId(), "IpHINAT79UW", "TeiFresh001"),
                            new ExternalIdLink(RegistryFixtures.mpiId(0), "IpHINAT79UW", "TeiLinked01")),
                    List.of(new NewReviewItem(fresh.mpiId(), RegistryFixtures.mpiId(1), 0.81, EXPLANATION),
                            new NewReviewItem(RegistryFixtures.mpiId(1), fresh.mpiId(), 0.81, EXPLANATION))));
            assertEquals(3, r.stats().identities());
            assertEquals(1, r.stats().reviewItems(), "the same pair, either way round, is filed once");
            assertEquals(fresh.demographics(), r.identityByMpiId(fresh.mpiId()).orElseThrow().demographics());
            assertEquals("Guinaw Rail Sud", r.identityByTei("IpHINAT79UW", "TeiFresh001").orElseThrow()
                    .demographics().commune());
            assertEquals(1, r.identitiesByBlockingKey(fresh.blockingKeys().get(0)).size());
            List<AuditEntry> audit = r.auditEntries(1000);
            assertEquals(auditBefore + 4, audit.size(), "identities, two links, one review item");
            AuditEntry review = audit.get(0);
            assertEquals("review_item.created", review.action());
            assertTrue(review.resource().matches("review_item=\\w+ identity_a=\\w+ identity_b=\\w+ score=0\\.8100"),
                    review.resource());
            assertTrue(r.verifyAudit().intact());

            // one unknown identity and nothing of the batch is written
            IdentityRecord other = withCommune(3, "Yeumbeul");
            RegistryException e = assertThrows(RegistryException.class, () -> r.saveResolutions(new ResolutionBatch(
                    List.of(other), List.of(new ExternalIdLink(other.mpiId(), "IpHINAT79UW", "TeiOther001")),
                    List.of(new NewReviewItem(other.mpiId(), "SN-DKR-26-NOTHERE0", 0.9, EXPLANATION)))));
            assertEquals("error.registry.unknownIdentity", e.messageKey());
            assertTrue(r.identityByMpiId(other.mpiId()).isEmpty());
            assertTrue(r.identityByTei("IpHINAT79UW", "TeiOther001").isEmpty());
            assertEquals(audit.size(), r.auditEntries(1000).size());
            assertTrue(r.verifyAudit().intact());
        }
    }

    @Test
    void identitiesAndExternalIdsCanBeReadBackInFull() throws Exception {
        try (Registry r = create().registry()) {
            List<IdentityRecord> people = RegistryFixtures.people(0, 5);
            r.saveIdentities(people);
            r.linkExternalId(people.get(3).mpiId(), "ur1Edk5Oe2n", "TeiBbbb0001");
            r.linkExternalId(people.get(1).mpiId(), "IpHINAT79UW", "TeiAaaa0001");
            r.linkExternalId(people.get(2).mpiId(), "IpHINAT79UW", "TeiAaaa0002");
            List<IdentityRecord> all = new ArrayList<>();
            r.forEachIdentity(all::add);
            assertEquals(people.stream().map(IdentityRecord::mpiId).toList(),
                    all.stream().map(IdentityRecord::mpiId).toList(), "in creation order");
            assertEquals(people.get(4).demographics(), all.get(4).demographics());
            List<ExternalIdLink> links = new ArrayList<>();
            r.forEachExternalId(links::add);
            assertEquals(List.of(new ExternalIdLink(people.get(1).mpiId(), "IpHINAT79UW", "TeiAaaa0001"),
                    new ExternalIdLink(people.get(2).mpiId(), "IpHINAT79UW", "TeiAaaa0002"),
                    new ExternalIdLink(people.get(3).mpiId(), "ur1Edk5Oe2n", "TeiBbbb0001")), links);
            assertEquals(java.util.Map.of("IpHINAT79UW", 2L, "ur1Edk5Oe2n", 1L), r.externalIdCounts());
        }
    }

    @Test
    void documentsAndConnectionProfilesAreStoredEncryptedReplacedAndAudited() throws Exception {
        try (Registry r = create().registry()) {
            assertTrue(r.connectionProfile("default").isEmpty());
            r.saveConnectionProfile("default", "{\"url\":\"https://first.example\"}".getBytes(StandardCharsets.UTF_8));
            r.saveConnectionProfile("default", "{\"url\":\"https://second.example\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals("{\"url\":\"https://second.example\"}",
                    new String(r.connectionProfile("default").orElseThrow(), StandardCharsets.UTF_8));
            assertEquals("profile=default", r.auditEntries(1).get(0).resource());
            assertTrue(r.document("mpi.model").isEmpty());
            r.saveDocument("mpi.model", "{\"lambda\":0.001}".getBytes(StandardCharsets.UTF_8), "trained on 600");
            r.saveDocument("mpi.model", "{\"lambda\":0.002}".getBytes(StandardCharsets.UTF_8), "trained on 700");
            assertEquals("{\"lambda\":0.002}", new String(r.document("mpi.model").orElseThrow(),
                    StandardCharsets.UTF_8));
            AuditEntry last = r.auditEntries(1).get(0);
            assertEquals("document.saved", last.action());
            assertEquals("document=mpi.model", last.resource());
            assertEquals("trained on 700", last.reason());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT document_enc FROM documents UNION ALL"
                        + " SELECT profile_enc FROM connection_profiles")) {
            for (String plain : List.of("lambda", "example")) {
                assertTrue(rs.next(), "one row each");
                assertFalse(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains(plain));
            }
            assertFalse(rs.next(), "one row each");
        }
    }

    @Test
    void identitiesStoredBeforeTheCommuneReadWithoutOne() throws Exception {
        IdentityRecord p = RegistryFixtures.person(4);
        try (SqliteRegistry r = (SqliteRegistry) create().registry()) {
            r.saveIdentities(List.of(p));
            // rewrite the row the way earlier versions did: seven values
            Demographics d = p.demographics();
            String rowId;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM identities")) {
                assertTrue(rs.next());
                rowId = rs.getString(1);
                byte[] legacy = r.dataKey().fields().encrypt(Codec.encode(java.util.Arrays.asList(d.firstName(),
                        d.lastName(), d.dateOfBirth(), d.sex(), d.phone(), d.district(), d.region())),
                        FieldCipher.aad("identities", rowId, "demo"));
                try (PreparedStatement ps = c.prepareStatement("UPDATE identities SET demo_enc = ? WHERE id = ?")) {
                    ps.setBytes(1, legacy);
                    ps.setString(2, rowId);
                    assertEquals(1, ps.executeUpdate());
                }
            }
            Demographics read = r.identityByMpiId(p.mpiId()).orElseThrow().demographics();
            assertEquals(d, read);
            assertNull(read.commune());
        }
    }

    @Test
    void resolutionsLeaveNoNameCommuneOrExplanationInTheFiles() throws Exception {
        List<IdentityRecord> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            people.add(withCommune(i, "Commune Keur Massar " + i));
        }
        List<ExternalIdLink> links = new ArrayList<>();
        for (IdentityRecord p : people) {
            links.add(new ExternalIdLink(p.mpiId(), "IpHINAT79UW", "Tei" + p.mpiId().substring(10)));
        }
        Registry r = create().registry();
        r.saveResolutions(new ResolutionBatch(people, links,
                List.of(new NewReviewItem(people.get(0).mpiId(), people.get(1).mpiId(), 0.8, EXPLANATION))));
        r.saveDocument("mpi.model", "{\"source\":\"trained\"}".getBytes(StandardCharsets.UTF_8), null);
        List<String> secrets = new ArrayList<>(List.of("review_band", "\"trained\"", "Keur Massar"));
        for (IdentityRecord p : people) {
            secrets.add(p.demographics().firstName());
            secrets.add(p.demographics().lastName());
            secrets.add(p.demographics().dateOfBirth());
            secrets.add(p.mpiId());
        }
        assertNoPlaintext(secrets);
        r.close();
        assertNoPlaintext(secrets);
    }

    @Test
    void aWrongPassphraseIsRefusedAndChangesNothing() throws Exception {
        create().registry().close();
        byte[] before = Files.readAllBytes(file());
        WrongPassphraseException e = assertThrows(WrongPassphraseException.class,
                () -> SqliteRegistry.open(file(), "not the passphrase!".toCharArray(), ACTOR, Clock.systemUTC()));
        assertEquals("error.registry.wrongPassphrase", e.messageKey());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file())), "the registry file is unchanged");
        SqliteRegistry.open(file(), PASS, ACTOR, Clock.systemUTC()).close();
    }

    @Test
    void repeatedFailuresSlowDownAndASuccessResets() throws Exception {
        create().registry().close();
        Clock fixed = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        for (int i = 0; i < 3; i++) {
            assertThrows(WrongPassphraseException.class,
                    () -> SqliteRegistry.open(file(), "wrong passphrase 1".toCharArray(), ACTOR, fixed));
        }
        UnlockThrottledException t = assertThrows(UnlockThrottledException.class,
                () -> SqliteRegistry.open(file(), PASS, ACTOR, fixed));
        assertEquals(2, t.secondsToWait());
        Clock later = Clock.offset(fixed, java.time.Duration.ofSeconds(3));
        SqliteRegistry.open(file(), PASS, ACTOR, later).close();
        assertEquals(0, new UnlockThrottle(file(), later).failures());
    }

    @Test
    void swappedOrFlippedCiphertextFailsLoudlyNamingTheRow() throws Exception {
        try (Registry r = create().registry()) {
            r.saveIdentities(RegistryFixtures.people(0, 2));
        }
        String idA;
        String idB;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement s = c.createStatement()) {
            List<String> ids = new ArrayList<>();
            List<byte[]> blobs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, demo_enc FROM identities ORDER BY created_at, id")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    blobs.add(rs.getBytes(2));
                }
            }
            idA = ids.get(0);
            idB = ids.get(1);
            try (PreparedStatement ps = c.prepareStatement("UPDATE identities SET demo_enc = ? WHERE id = ?")) {
                ps.setBytes(1, blobs.get(1));
                ps.setString(2, idA);
                ps.executeUpdate();
                byte[] flipped = blobs.get(1).clone();
                flipped[flipped.length - 3] ^= 0x40;
                ps.setBytes(1, flipped);
                ps.setString(2, idB);
                ps.executeUpdate();
            }
        }
        try (Registry r = SqliteRegistry.open(file(), PASS, ACTOR, Clock.systemUTC())) {
            for (int i = 0; i < 2; i++) {
                String mpi = RegistryFixtures.mpiId(i);
                RegistryIntegrityException e = assertThrows(RegistryIntegrityException.class,
                        () -> r.identityByMpiId(mpi));
                assertEquals("identities", e.table());
                assertEquals("demo", e.column());
                assertTrue(e.rowId().equals(idA) || e.rowId().equals(idB));
            }
        }
    }

    @Test
    void changingThePassphraseRewrapsTheKeyOnly() throws Exception {
        Registries.Created created = create();
        try (Registry r = created.registry()) {
            r.saveIdentities(RegistryFixtures.people(0, 5));
            assertThrows(WrongPassphraseException.class,
                    () -> r.changePassphrase("wrong current pass".toCharArray(), "nouvelle phrase secrete 1".toCharArray()));
            assertThrows(RegistryException.class, () -> r.changePassphrase(PASS, "short".toCharArray()));
            r.changePassphrase(PASS, "nouvelle phrase secrete 1".toCharArray());
        }
        assertThrows(WrongPassphraseException.class,
                () -> SqliteRegistry.open(file(), PASS, ACTOR, Clock.systemUTC()));
        try (Registry r = SqliteRegistry.open(file(), "nouvelle phrase secrete 1".toCharArray(), ACTOR,
                Clock.systemUTC())) {
            assertEquals(5, r.stats().identities());
            assertTrue(r.auditEntries(10).stream().anyMatch(a -> a.action().equals("passphrase.changed")));
        }
    }

    @Test
    void theRecoveryKeyUnlocksAndSetsANewPassphrase() throws Exception {
        Registries.Created created = create();
        String shown = created.recoveryKey().display();
        try (Registry r = created.registry()) {
            r.saveIdentities(RegistryFixtures.people(0, 3));
        }
        assertThrows(WrongPassphraseException.class, () -> SqliteRegistry.openWithRecoveryKey(file(),
                RecoveryKey.generate(), "another passphrase 42".toCharArray(), ACTOR));
        try (Registry r = SqliteRegistry.openWithRecoveryKey(file(), RecoveryKey.parse(shown),
                "another passphrase 42".toCharArray(), ACTOR)) {
            assertEquals(3, r.stats().identities());
        }
        SqliteRegistry.open(file(), "another passphrase 42".toCharArray(), ACTOR, Clock.systemUTC()).close();
    }

    @Test
    void statsCountIdentitiesAndProgramsWithTheirEnrollments() throws Exception {
        try (Registry r = create().registry()) {
            List<IdentityRecord> people = RegistryFixtures.people(0, 4);
            r.saveIdentities(people);
            r.saveProgram(new ProgramInfo("IpHINAT79UW", "Child Programme", List.of()));
            List<EnrollmentRecord> es = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                es.add(new EnrollmentRecord("Enr0000000" + i, "IpHINAT79UW", "DiszpKrYNg8", "Tei0000000" + (i % 3),
                        people.get(i).mpiId(), "ACTIVE", Instant.now(), null, Instant.now(), List.of()));
            }
            es.add(new EnrollmentRecord("EnrOther001", "ur1Edk5Oe2n", "DiszpKrYNg8", "Tei00000000", null, "ACTIVE",
                    null, null, null, List.of()));
            r.saveEnrollments(es);
            r.saveEnrollments(es.subList(0, 1));
            RegistryStats s = r.stats();
            assertEquals(4, s.identities());
            assertEquals(0, s.reviewItems());
            assertEquals(0, s.cards());
            assertEquals(new RegistryStats.ProgramStats("Child Programme", 3, 4), s.programs().get("IpHINAT79UW"));
            assertEquals(new RegistryStats.ProgramStats(null, 1, 1), s.programs().get("ur1Edk5Oe2n"));
            assertEquals("Child Programme", r.program("IpHINAT79UW").orElseThrow().name());
        }
    }

    @Test
    void secretsAreStoredEncryptedAndReplaced() throws Exception {
        try (Registry r = create().registry()) {
            r.putSecret("dhis2.token", "d2p_first".getBytes(StandardCharsets.UTF_8));
            r.putSecret("dhis2.token", "d2p_second".getBytes(StandardCharsets.UTF_8));
            assertEquals("d2p_second", new String(r.secret("dhis2.token").orElseThrow(), StandardCharsets.UTF_8));
            assertTrue(r.secret("missing").isEmpty());
        }
    }

    @Test
    void theAuditChainVerifiesAndFindsTheFirstTamperedEntry() throws Exception {
        try (Registry r = create().registry()) {
            for (int i = 0; i < 5; i++) {
                r.audit("config.changed", "setting=" + i, "reason " + i);
            }
            AuditVerification ok = r.verifyAudit();
            assertTrue(ok.intact(), ok.toString());
            assertEquals(6, ok.entries(), "genesis + 5");
            List<AuditEntry> entries = r.auditEntries(3);
            assertEquals(3, entries.size());
            assertEquals(6, entries.get(0).seq());
            assertEquals("reason 4", entries.get(0).reason());
            assertEquals(ACTOR.osUser(), entries.get(0).osUser());
            assertEquals("cli", entries.get(0).channel());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("UPDATE audit_log SET action='x' WHERE seq=4"),
                    "the log is append-only");
            assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log WHERE seq=4"));
            s.execute("DROP TRIGGER audit_log_no_update");
            s.executeUpdate("UPDATE audit_log SET resource='setting=99' WHERE seq=4");
        }
        try (Registry r = SqliteRegistry.open(file(), PASS, ACTOR, Clock.systemUTC())) {
            AuditVerification v = r.verifyAudit();
            assertFalse(v.intact());
            assertEquals(4, v.firstBrokenSeq());
            assertEquals("audit.verify.edited", v.problemKey());
        }
    }

    @Test
    void deletedAndTruncatedAuditEntriesAreFound() throws Exception {
        try (Registry r = create().registry()) {
            for (int i = 0; i < 4; i++) {
                r.audit("config.changed", "setting=" + i, null);
            }
        }
        Path copy = dir.resolve("copy.db");
        Files.copy(file(), copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_delete");
            s.executeUpdate("DELETE FROM audit_log WHERE seq=3");
        }
        try (Registry r = SqliteRegistry.open(file(), PASS, ACTOR, Clock.systemUTC(), Schema.LATEST)) {
            AuditVerification v = r.verifyAudit();
            assertEquals(3, v.firstBrokenSeq());
            assertEquals("audit.verify.missing", v.problemKey());
        }
        // Truncate the tail of an intact copy: the keyed anchor notices.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_delete");
            long max;
            try (ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM audit_log")) {
                rs.next();
                max = rs.getLong(1);
            }
            s.executeUpdate("DELETE FROM audit_log WHERE seq=" + max);
        }
        try (SqliteRegistry r = openReadOnlyCheck(copy)) {
            AuditVerification v = r.verifyAudit();
            assertFalse(v.intact());
            assertEquals("audit.verify.truncated", v.problemKey());
        }
    }

    private SqliteRegistry openReadOnlyCheck(Path f) throws RegistryException {
        // Opening appends "registry.unlocked" (which would re-anchor); verify through a registry opened without it.
        return SqliteRegistry.openForVerification(f, PASS, ACTOR);
    }

    @Test
    void migrationsUpgradeEveryOlderVersionKeepingData() throws Exception {
        for (int version = 1; version < Schema.LATEST; version++) {
            Path f = dir.resolve("v" + version + ".db");
            Registries.Created created = SqliteRegistry.createAtVersion(f, PASS, Argon2Kdf.forTests(), ACTOR, version);
            created.registry().saveIdentities(RegistryFixtures.people(0, 10));
            created.registry().close();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
                assertEquals(version, Schema.version(c));
            }
            try (Registry r = SqliteRegistry.open(f, PASS, ACTOR, Clock.systemUTC())) {
                assertEquals(10, r.stats().identities(), "identities survive the upgrade from v" + version);
                assertEquals(RegistryFixtures.person(3).demographics(),
                        r.identityByMpiId(RegistryFixtures.mpiId(3)).orElseThrow().demographics());
                r.saveProgram(new ProgramInfo("IpHINAT79UW", "P", List.of()));
                assertTrue(r.verifyAudit().intact());
                assertTrue(r.auditEntries(5).stream().anyMatch(a -> a.action().equals("registry.migrated")));
                assertEquals("ok", r.integrityCheck());
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f)) {
                assertEquals(Schema.LATEST, Schema.version(c));
            }
        }
    }

    @Test
    void backupRestoresWithThePassphraseOrTheRecoveryKey() throws Exception {
        Registries.Created created = create();
        RecoveryKey rk = RecoveryKey.parse(created.recoveryKey().display());
        Path backup = dir.resolve("usb/carnet-backup.cbk");
        try (Registry r = created.registry()) {
            r.saveIdentities(RegistryFixtures.people(0, 40));
            r.backup(backup);
            r.saveIdentities(RegistryFixtures.people(40, 5));
        }
        byte[] bytes = Files.readAllBytes(backup);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("SQLite format"), "the backup body is encrypted");
        assertFalse(text.contains("Aminata"));

        Path laptop2 = dir.resolve("laptop2/registry.db");
        assertThrows(WrongPassphraseException.class,
                () -> Registries.restore(backup, laptop2, "wrong passphrase here".toCharArray(), ACTOR));
        assertNull(Registries.restore(backup, laptop2, PASS, ACTOR));
        try (Registry r = SqliteRegistry.open(laptop2, PASS, ACTOR, Clock.systemUTC())) {
            assertEquals(40, r.stats().identities());
            assertTrue(r.verifyAudit().intact());
        }
        Path laptop3 = dir.resolve("laptop3/registry.db");
        Files.createDirectories(laptop3.getParent());
        Files.writeString(laptop3, "an older registry that must not be lost");
        Path previous = Registries.restore(backup, laptop3, rk, ACTOR);
        assertNotNull(previous);
        assertEquals("an older registry that must not be lost", Files.readString(previous));
        try (Registry r = SqliteRegistry.openWithRecoveryKey(laptop3, rk, "laptop three pass 9".toCharArray(), ACTOR)) {
            assertEquals(40, r.stats().identities());
            assertTrue(r.auditEntries(10).stream().anyMatch(a -> a.action().equals("registry.restored")));
        }
    }

    @Test
    void aDamagedOrTruncatedBackupIsRefusedAndTheTargetUntouched() throws Exception {
        Path backup = dir.resolve("b.cbk");
        try (Registry r = create().registry()) {
            r.saveIdentities(RegistryFixtures.people(0, 20));
            r.backup(backup);
        }
        byte[] bytes = Files.readAllBytes(backup);
        Path truncated = dir.resolve("t.cbk");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        Path flipped = dir.resolve("f.cbk");
        byte[] f = bytes.clone();
        f[f.length - 200] ^= 1;
        Files.write(flipped, f);
        Path target = dir.resolve("other/registry.db");
        RegistryException e1 = assertThrows(RegistryException.class, () -> Registries.restore(truncated, target, PASS, ACTOR));
        assertTrue(e1.messageKey().startsWith("error.backup."), e1.messageKey());
        RegistryException e2 = assertThrows(RegistryException.class, () -> Registries.restore(flipped, target, PASS, ACTOR));
        assertEquals("error.backup.corrupt", e2.messageKey());
        assertFalse(Files.exists(target));
        Path notBackup = Files.writeString(dir.resolve("n.cbk"), "hello");
        assertEquals("error.backup.notBackup",
                assertThrows(RegistryException.class, () -> Registries.restore(notBackup, target, PASS, ACTOR)).messageKey());
    }

    @Test
    void aFullDiskGivesAClearErrorAndKeepsCommittedData() throws Exception {
        try (SqliteRegistry r = (SqliteRegistry) create().registry()) {
            r.saveIdentities(RegistryFixtures.people(0, 100));
            r.limitPagesForTest(1);
            RegistryException e = assertThrows(RegistryException.class,
                    () -> r.saveIdentities(RegistryFixtures.people(100, 2000)));
            assertEquals("error.registry.diskFull", e.messageKey(), String.valueOf(e.getMessage()) + " / " + e.getCause());
            assertEquals(100, r.stats().identities());
            assertEquals("ok", r.integrityCheck());
            assertTrue(r.verifyAudit().intact());
        }
        try (Registry r = SqliteRegistry.open(file(), PASS, ACTOR, Clock.systemUTC())) {
            assertEquals(100, r.stats().identities());
        }
    }

    @Test
    void killMinus9DuringALargeWriteLosesNothingCommitted() throws Exception {
        create().registry().close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), file().toString(), new String(PASS), "500")
                .redirectErrorStream(true).start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed = Integer.parseInt(line.substring("committed ".length()));
                    if (committed >= 3000) {
                        break;
                    }
                }
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(committed >= 3000, "the writer committed batches before the kill (saw " + committed + ")");
        try (Registry r = SqliteRegistry.open(file(), PASS, ACTOR, Clock.systemUTC())) {
            assertEquals("ok", r.integrityCheck());
            long n = r.stats().identities();
            assertTrue(n >= committed, n + " identities after the crash, " + committed + " were committed");
            assertEquals(0, n % 500, "batches are all-or-nothing");
            assertTrue(r.verifyAudit().intact());
            assertEquals(RegistryFixtures.person(2999).demographics(),
                    r.identityByMpiId(RegistryFixtures.mpiId(2999)).orElseThrow().demographics());
        }
    }

    @Test
    void openingSomethingThatIsNotARegistryIsAClearError() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.db"), "this is not sqlite at all, just text".repeat(100));
        RegistryException e = assertThrows(RegistryException.class,
                () -> SqliteRegistry.open(junk, PASS, ACTOR, Clock.systemUTC()));
        assertEquals("error.registry.corrupt", e.messageKey());
        assertEquals("error.registry.missing", assertThrows(RegistryException.class,
                () -> SqliteRegistry.open(dir.resolve("none.db"), PASS, ACTOR, Clock.systemUTC())).messageKey());
        create().registry().close();
        assertEquals("error.registry.exists", assertThrows(RegistryException.class, this::create).messageKey());
    }
}
