package org.carnet.ui.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.dhis2.Dhis2Client;
import org.carnet.core.dhis2.Dhis2Clients;
import org.carnet.core.dhis2.OrgUnitTree;
import org.carnet.core.dhis2.TrackedEntity;
import org.carnet.core.mapping.CardField;
import org.carnet.core.mapping.CardValues;
import org.carnet.core.mapping.FieldMapping;
import org.carnet.core.mapping.MappingIssue;
import org.carnet.core.mapping.MappingStore;
import org.carnet.core.mapping.MappingSuggester;
import org.carnet.core.mapping.MappingValidator;
import org.carnet.core.mapping.ProgramMapping;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.TaskRunner;

/**
 * State of the Mapping tab: the cached programs, the selected program's mapping being edited (one row per card field,
 * plus custom fields), the suggestions, the problems, and a preview of three real enrollments transformed (from the
 * registry, else from the saved DHIS2 connection). Works offline from the cached metadata. No JavaFX controls here.
 */
public final class MappingViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MappingViewModel.class);
    /** Where the sample values of the preview came from. */
    public enum SampleSource { NONE, REGISTRY, SERVER }

    /** How many enrollments the preview shows. */
    public static final int SAMPLES = 3;

    /** One editable row: a card field, its source, the suggestion for it, and the preview of its values. */
    public static final class Row {
        private final String field;
        private final ObjectProperty<FieldMapping> mapping = new SimpleObjectProperty<>();
        private final ObjectProperty<MappingSuggester.Suggestion> suggestion = new SimpleObjectProperty<>();
        private final ObjectProperty<List<CardValues.Value>> preview = new SimpleObjectProperty<>(List.of());

        Row(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        public Optional<CardField> cardField() {
            return CardField.byKey(field);
        }

        public ObjectProperty<FieldMapping> mappingProperty() {
            return mapping;
        }

        public ObjectProperty<MappingSuggester.Suggestion> suggestionProperty() {
            return suggestion;
        }

        public ObjectProperty<List<CardValues.Value>> previewProperty() {
            return preview;
        }
    }

    private final TaskRunner tasks;
    private final ObservableValue<Registry> registry;
    private final ObservableList<ProgramInfo> programs = FXCollections.observableArrayList();
    private final ObjectProperty<ProgramInfo> program = new SimpleObjectProperty<>(this, "program");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<MappingIssue> issues = FXCollections.observableArrayList();
    private final IntegerProperty savedVersion = new SimpleIntegerProperty(this, "savedVersion");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<SampleSource> sampleSource = new SimpleObjectProperty<>(SampleSource.NONE);
    private final ObjectProperty<Throwable> error = new SimpleObjectProperty<>(this, "error");
    private final StringProperty notice = new SimpleStringProperty(this, "notice");
    private final StringProperty phoneCountry = new SimpleStringProperty(this, "phoneCountry", "SN");
    private final MappingSuggester suggester = new MappingSuggester();
    private List<CardValues.Source> samples = List.of();
    private OrgUnitTree orgUnits;
    private MappingStore.Settings settings = MappingStore.Settings.DEFAULTS;

    public MappingViewModel(TaskRunner tasks, ObservableValue<Registry> registry) {
        this.tasks = tasks;
        this.registry = registry;
        registry.addListener((o, a, b) -> load());
    }

    /** Reloads the cached programs (the tab calls this when shown); keeps the selection and unsaved edits. */
    public void load() {
        Registry r = registry.getValue();
        if (r == null) {
            programs.clear();
            return;
        }
        tasks.run("mapping-load", p -> new Loaded(new ConnectionStore(r).programs(), new MappingStore(r).settings()),
                loaded -> {
                    ProgramInfo selected = program.get();
                    programs.setAll(loaded.programs());
                    settings = loaded.settings();
                    phoneCountry.set(settings.phoneCountry());
                    if (selected != null && !dirty.get()) {
                        programs.stream().filter(p -> p.uid().equals(selected.uid())).findFirst()
                                .ifPresent(this::select);
                    } else if (selected == null && !programs.isEmpty()) {
                        select(programs.get(0));
                    }
                }, error::set);
    }

    private record Loaded(List<ProgramInfo> programs, MappingStore.Settings settings) {
    }

    private record Opened(ProgramMapping mapping, List<MappingSuggester.Suggestion> suggestions) {
    }

    private record Samples(List<CardValues.Source> sources, OrgUnitTree orgUnits, SampleSource from) {
    }

    /** Opens a program: its saved mapping (or the suggestions), then the sample values in the background. */
    public void select(ProgramInfo p) {
        Registry r = registry.getValue();
        if (p == null || r == null) {
            return;
        }
        program.set(p);
        busy.set(true);
        tasks.run("mapping-open", t -> {
            MappingStore store = new MappingStore(r);
            return new Opened(store.current(p), suggester.suggest(p));
        }, opened -> {
            busy.set(false);
            fill(p, opened.mapping(), opened.suggestions());
            loadSamples(r, p);
        }, e -> {
            busy.set(false);
            error.set(e);
        });
    }

    private void fill(ProgramInfo p, ProgramMapping m, List<MappingSuggester.Suggestion> suggestions) {
        Map<String, Row> byField = new LinkedHashMap<>();
        for (CardField f : CardField.values()) {
            byField.put(f.key(), new Row(f.key()));
        }
        for (FieldMapping f : m.fields()) {
            byField.computeIfAbsent(f.field(), Row::new).mapping.set(f);
        }
        for (MappingSuggester.Suggestion s : suggestions) {
            byField.get(s.field().key()).suggestion.set(s);
        }
        for (Row row : byField.values()) {
            row.mapping.addListener((o, a, b) -> changed());
        }
        rows.setAll(byField.values());
        savedVersion.set(m.version());
        dirty.set(false);
        notice.set(m.version() == 0 ? "mapping.notice.suggested" : null);
        revalidate();
    }

    private void loadSamples(Registry r, ProgramInfo p) {
        sampleSource.set(SampleSource.NONE);
        tasks.run("mapping-samples", t -> {
            ConnectionStore store = new ConnectionStore(r);
            OrgUnitTree tree = store.orgUnits().orElse(null);
            List<CardValues.Source> fromRegistry = new ArrayList<>();
            r.forEachEnrollment(p.uid(), e -> {
                if (fromRegistry.size() < SAMPLES) {
                    fromRegistry.add(CardValues.Source.of(e));
                }
            });
            if (!fromRegistry.isEmpty()) {
                return new Samples(fromRegistry, tree, SampleSource.REGISTRY);
            }
            var settingsOpt = store.settings(ConnectionStore.DEFAULT_ID);
            if (settingsOpt.isEmpty()) {
                return new Samples(List.of(), tree, SampleSource.NONE);
            }
            try (Dhis2Client client = Dhis2Clients.connect(settingsOpt.get())) {
                List<CardValues.Source> fromServer = new ArrayList<>();
                for (TrackedEntity te : client.enrollmentPreview(p.uid(), SAMPLES).first()) {
                    fromServer.add(CardValues.Source.of(p, te));
                }
                if (tree == null) {
                    tree = new OrgUnitTree(client.orgUnits());
                }
                return new Samples(fromServer, tree, SampleSource.SERVER);
            } catch (Exception e) {
                LOG.warn("No sample values from the server: {}", e.toString());
                return new Samples(List.of(), tree, SampleSource.NONE);
            }
        }, s -> {
            if (program.get() != p) {
                return;
            }
            samples = s.sources();
            orgUnits = s.orgUnits();
            sampleSource.set(s.from());
            refreshPreview();
        }, error::set);
    }

    private void changed() {
        dirty.set(true);
        revalidate();
    }

    private void revalidate() {
        ProgramInfo p = program.get();
        if (p == null) {
            issues.clear();
            return;
        }
        issues.setAll(MappingValidator.validate(p, currentFields()));
        refreshPreview();
    }

    private void refreshPreview() {
        ProgramInfo p = program.get();
        if (p == null) {
            return;
        }
        CardValues values = new CardValues(p, new ProgramMapping(p.uid(), 0, null, currentFields()), orgUnits,
                phoneCountry.get(), settings.districtLevel());
        for (Row row : rows) {
            FieldMapping m = row.mapping.get();
            if (m == null) {
                row.preview.set(List.of());
                continue;
            }
            List<CardValues.Value> out = new ArrayList<>();
            for (CardValues.Source s : samples) {
                out.add(values.value(m, s));
            }
            row.preview.set(out);
        }
    }

    /** The mapping as edited. */
    public List<FieldMapping> currentFields() {
        List<FieldMapping> out = new ArrayList<>();
        for (Row row : rows) {
            if (row.mapping.get() != null) {
                out.add(row.mapping.get());
            }
        }
        return out;
    }

    /** Feeds {@code row} from an attribute, by code when it has one (or when {@code byName} is false). */
    public void map(Row row, ProgramInfo.Attribute attribute, boolean byName) {
        if (attribute == null) {
            row.mapping.set(null);
            return;
        }
        boolean useName = byName || attribute.code() == null || attribute.code().isBlank();
        row.mapping.set(useName ? FieldMapping.byName(row.field, attribute.displayName())
                : FieldMapping.byCode(row.field, attribute.code()));
    }

    public void mapToEnrollment(Row row, FieldMapping.EnrollmentProperty p) {
        row.mapping.set(FieldMapping.enrollment(row.field, p));
    }

    /** Takes the row's suggestion. */
    public void accept(Row row) {
        MappingSuggester.Suggestion s = row.suggestion.get();
        if (s != null) {
            row.mapping.set(s.mapping());
        }
    }

    /** Takes every suggestion for the fields that have no source yet. */
    public int acceptAll() {
        int n = 0;
        for (Row row : rows) {
            if (row.mapping.get() == null && row.suggestion.get() != null) {
                accept(row);
                n++;
            }
        }
        return n;
    }

    /** Adds a custom field row; false when the key is not valid or already there. */
    public boolean addCustomField(String key) {
        String k = key == null ? "" : key.strip();
        if (!CardField.isCustomKey(k) || rows.stream().anyMatch(r -> r.field.equals(k))) {
            return false;
        }
        Row row = new Row(k);
        row.mapping.addListener((o, a, b) -> changed());
        rows.add(row);
        return true;
    }

    public void removeCustomField(Row row) {
        if (row.cardField().isEmpty()) {
            rows.remove(row);
            changed();
        }
    }

    /** The attribute a row reads, if any. */
    public Optional<ProgramInfo.Attribute> attributeOf(Row row) {
        ProgramInfo p = program.get();
        FieldMapping m = row.mapping.get();
        return p == null || m == null ? Optional.empty() : ProgramMapping.attribute(p, m);
    }

    /** Saves the edited mapping as the next version; problems that block it stay listed. */
    public void save() {
        Registry r = registry.getValue();
        ProgramInfo p = program.get();
        if (r == null || p == null || MappingValidator.blocking(issues)) {
            return;
        }
        List<FieldMapping> fields = currentFields();
        String country = phoneCountry.get();
        busy.set(true);
        tasks.run("mapping-save", t -> {
            MappingStore store = new MappingStore(r);
            if (!country.equals(settings.phoneCountry())) {
                store.saveSettings(new MappingStore.Settings(country, settings.districtLevel()));
            }
            return store.save(p, fields);
        }, saved -> {
            busy.set(false);
            settings = new MappingStore.Settings(country, settings.districtLevel());
            savedVersion.set(saved.version());
            dirty.set(false);
            notice.set("mapping.notice.saved");
        }, e -> {
            busy.set(false);
            error.set(e);
        });
    }

    public void exportTo(Path file) {
        ProgramInfo p = program.get();
        if (p == null) {
            return;
        }
        ProgramMapping m = new ProgramMapping(p.uid(), savedVersion.get(), null, currentFields());
        tasks.run("mapping-export", t -> {
            MappingStore.export(p, m, file);
            return file;
        }, f -> notice.set("mapping.notice.exported"), error::set);
    }

    /** Reads a mapping file into the form (not saved until Save; problems are listed). */
    public void importFrom(Path file) {
        ProgramInfo p = program.get();
        if (p == null) {
            return;
        }
        tasks.run("mapping-import", t -> MappingStore.read(file), fields -> {
            for (Row row : new ArrayList<>(rows)) {
                if (row.cardField().isEmpty()) {
                    rows.remove(row);
                }
            }
            Map<String, FieldMapping> byField = new LinkedHashMap<>();
            fields.forEach(f -> byField.put(f.field(), f));
            for (Row row : rows) {
                row.mapping.set(byField.remove(row.field));
            }
            for (FieldMapping f : byField.values()) {
                if (addCustomField(f.field())) {
                    rows.get(rows.size() - 1).mapping.set(f);
                }
            }
            issues.setAll(MappingValidator.validate(p, fields));
            notice.set("mapping.notice.imported");
        }, error::set);
    }

    public void setPhoneCountry(String country) {
        if (country != null && country.matches("[A-Z]{2}") && !country.equals(phoneCountry.get())) {
            phoneCountry.set(country);
            dirty.set(true);
            refreshPreview();
        }
    }

    public ObservableList<ProgramInfo> programs() {
        return programs;
    }

    public ObjectProperty<ProgramInfo> programProperty() {
        return program;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<MappingIssue> issues() {
        return issues;
    }

    public IntegerProperty savedVersionProperty() {
        return savedVersion;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<SampleSource> sampleSourceProperty() {
        return sampleSource;
    }

    public ObjectProperty<Throwable> errorProperty() {
        return error;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty phoneCountryProperty() {
        return phoneCountry;
    }

    /** Whether the edited mapping has problems that block saving. */
    public boolean blocked() {
        return MappingValidator.blocking(issues);
    }

}
