package org.carnet.app.cli.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.GroupCommand;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.common.AppException;
import org.carnet.core.model.Demographics;
import org.carnet.core.mpi.MpiService;
import org.carnet.core.mpi.PersonSearch;
import org.carnet.core.mpi.RegionCodes;
import org.carnet.core.registry.ExternalIdLink;
import org.carnet.core.registry.IdentityEvent;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carnet person ...}: find a person, show an identity with its records and history, correct it, split. */
@Command(name = "person")
final class PersonCommand extends GroupCommand {

    static Map<String, Object> json(IdentityRecord i) {
        Map<String, Object> m = new LinkedHashMap<>();
        Demographics d = i.demographics();
        m.put("mpi_id", i.mpiId());
        m.put("status", i.status());
        m.put("first_name", d.firstName());
        m.put("last_name", d.lastName());
        m.put("date_of_birth", d.dateOfBirth());
        m.put("sex", d.sex());
        m.put("phone", d.phone());
        m.put("commune", d.commune());
        m.put("district", d.district());
        return m;
    }

    static String line(IdentityRecord i) {
        Demographics d = i.demographics();
        return String.format(Locale.ROOT, "%s  %s %s  %s  %s  %s", i.mpiId(), nz(d.firstName()), nz(d.lastName()),
                nz(d.dateOfBirth()), nz(d.sex()), nz(d.commune()));
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    /** {@code carnet person find --query TEXT [--json]}. */
    @Command(name = "find")
    static final class Find implements Callable<Integer> {
        @Option(names = "--query", paramLabel = "TEXT", required = true, descriptionKey = "cli.option.personQuery")
        String query;

        @Option(names = "--json", descriptionKey = "cli.option.json")
        boolean json;

        private final CliContext ctx;

        Find(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            PersonSearch.Result r;
            try (Registry registry = RegistrySession.open(ctx)) {
                r = new PersonSearch(registry, "SN").find(query);
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("query_kind", r.kind().name().toLowerCase(Locale.ROOT));
                m.put("identities", r.identities().stream().map(PersonCommand::json).toList());
                ctx.out().println(ReviewCommand.JSON.writeValueAsString(m));
                return Cli.OK;
            }
            ctx.out().println(ctx.text("cli.person.found", r.identities().size(),
                    ctx.text("cli.person.kind." + r.kind().name())));
            r.identities().forEach(i -> ctx.out().println("  " + line(i)));
            return Cli.OK;
        }
    }

    /** {@code carnet person show --mpi ID}: the identity, its linked records and its history (merge ids to undo). */
    @Command(name = "show")
    static final class Show implements Callable<Integer> {
        @Option(names = "--mpi", paramLabel = "MPI_ID", required = true, descriptionKey = "cli.option.personMpi")
        String mpi;

        private final CliContext ctx;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            try (Registry r = RegistrySession.open(ctx)) {
                IdentityRecord i = r.identityByMpiId(mpi.strip().toUpperCase(Locale.ROOT)).orElseThrow(() ->
                        new AppException("error.registry.unknownIdentity", "no identity", mpi));
                ctx.out().println(line(i) + "  [" + i.status() + "]");
                for (ExternalIdLink l : r.externalIds(i.mpiId())) {
                    ctx.out().println(ctx.text("cli.person.record", l.programUid(), l.teiUid()));
                }
                for (IdentityEvent e : r.identityHistory(i.mpiId())) {
                    ctx.out().println(ctx.text("cli.person.event", e.at().toString(), e.kind(),
                            e.otherMpiId() == null ? "" : e.otherMpiId(), e.reason(),
                            e.mergeId() == null ? "" : (e.undone() ? "(undone) " : "merge ") + e.mergeId()));
                }
            }
            return Cli.OK;
        }
    }

    /** {@code carnet person correct --mpi ID FIELD=VALUE... --reason TEXT}. */
    @Command(name = "correct")
    static final class Correct implements Callable<Integer> {
        @Option(names = "--mpi", paramLabel = "MPI_ID", required = true, descriptionKey = "cli.option.personMpi")
        String mpi;

        @Option(names = "--set", paramLabel = "FIELD=VALUE", required = true,
                descriptionKey = "cli.option.personSet")
        List<String> pairs;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, descriptionKey = "cli.option.reviewReason")
        String reason;

        private final CliContext ctx;

        Correct(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            String why = org.carnet.core.mpi.ReviewService.reason(reason);
            try (Registry r = RegistrySession.open(ctx)) {
                String id = mpi.strip().toUpperCase(Locale.ROOT);
                IdentityRecord i = r.identityByMpiId(id).orElseThrow(() ->
                        new AppException("error.registry.unknownIdentity", "no identity", mpi));
                Demographics d = i.demographics();
                Map<String, String> f = new LinkedHashMap<>();
                f.put("first_name", d.firstName());
                f.put("last_name", d.lastName());
                f.put("date_of_birth", d.dateOfBirth());
                f.put("sex", d.sex());
                f.put("phone", d.phone());
                f.put("district", d.district());
                f.put("region", d.region());
                f.put("commune", d.commune());
                for (String p : pairs) {
                    int eq = p.indexOf('=');
                    String key = eq <= 0 ? "" : p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                    if (!f.containsKey(key)) {
                        throw new AppException("cli.person.badField", "unknown field", p);
                    }
                    String v = p.substring(eq + 1).strip();
                    f.put(key, v.isEmpty() ? null : v);
                }
                MpiService.open(r, "SN", new RegionCodes(Map.of())).correct(id, new Demographics(f.get("first_name"),
                        f.get("last_name"), f.get("date_of_birth"), f.get("sex"), f.get("phone"), f.get("district"),
                        f.get("region"), f.get("commune")), why);
                ctx.out().println(ctx.text("cli.person.corrected", id));
            }
            return Cli.OK;
        }
    }

    /**
     * {@code carnet person split --program UID --tei UID --reason TEXT}: gives a linked record an identity of its own
     * (undoes an automatic link, or forces a new identity despite a match); audited as a forced registration.
     */
    @Command(name = "split")
    static final class Split implements Callable<Integer> {
        @Option(names = "--program", paramLabel = "UID", required = true, descriptionKey = "cli.option.reviewProgram")
        String program;

        @Option(names = "--tei", paramLabel = "UID", required = true, descriptionKey = "cli.option.personTei")
        String tei;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, descriptionKey = "cli.option.reviewReason")
        String reason;

        private final CliContext ctx;

        Split(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            String why = org.carnet.core.mpi.ReviewService.reason(reason);
            String created;
            try (Registry r = RegistrySession.open(ctx)) {
                created = MpiService.open(r, "SN", new RegionCodes(Map.of())).splitOff(program, tei, why);
            }
            ctx.out().println(ctx.text("cli.person.split", created));
            return Cli.OK;
        }
    }
}
