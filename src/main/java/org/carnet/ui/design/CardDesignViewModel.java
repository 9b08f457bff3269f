package org.carnet.ui.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.carnet.core.cards.CardSource;
import org.carnet.core.cards.CardsFromSync;
import org.carnet.core.cards.DesignStore;
import org.carnet.core.cards.OutputFormat;
import org.carnet.core.common.AppException;
import org.carnet.core.common.AtomicFiles;
import org.carnet.core.connection.ProgramGuards;
import org.carnet.core.mapping.CardField;
import org.carnet.core.mapping.FieldMapping;
import org.carnet.core.mapping.MappingStore;
import org.carnet.core.mapping.ProgramMapping;
import org.carnet.core.mpi.PersonSearch;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardData;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.DesignJson;
import org.carnet.core.render.Logo;
import org.carnet.core.render.Rgb;
import org.carnet.core.render.Side;
import org.carnet.uikit.TaskRunner;

/**
 * State of the Card Design tab: the design being edited (one immutable {@link CardDesign}, replaced on every edit),
 * the card data the preview shows (the offline sample or a person from the registry), the side, the programme whose
 * design is edited (null = the default design of all programmes) with its saved design (for "unsaved changes"), the
 * attribute keys the programme offers and those its guard marks sensitive, the cards-from-sync setting, and the
 * feedback of the last action. Registry work runs through the {@link TaskRunner}. No JavaFX controls.
 */
public final class CardDesignViewModel {
    /** The colours a user can set. */
    public enum ColourSlot { PRIMARY, SECONDARY, ACCENT, SOVEREIGN_ACCENT, SOVEREIGN_BACKGROUND, SOVEREIGN_DEEP }

    /** Where the preview's card data comes from. */
    public enum DataSource { SAMPLE, PERSON }

    /** The outcome of an action, shown under the toolbar: a message key with its arguments, or an error. */
    public record Notice(boolean error, String key, List<Object> args, Throwable cause) {
        static Notice ok(String key, Object... args) {
            return new Notice(false, key, List.of(args), null);
        }

        static Notice failed(Throwable t) {
            return new Notice(true, null, List.of(), t);
        }
    }

    private static final String KEY_PATTERN = "[a-z][a-z0-9_]{0,39}";
    /** Keys of the sample card that are not standard card fields. */
    private static final List<String> SAMPLE_KEYS = List.of("target_group", "blood_group");

    private final TaskRunner tasks;
    private final ObservableValue<Registry> registry;
    private final ObjectProperty<CardDesign> design = new SimpleObjectProperty<>(this, "design",
            CardDesign.defaults(DesignStore.DEFAULT_TEMPLATE));
    private final ReadOnlyObjectWrapper<CardDesign> saved = new ReadOnlyObjectWrapper<>(this, "saved",
            design.get());
    private final BooleanBinding dirty = Bindings.createBooleanBinding(() -> !Objects.equals(design.get(), saved.get()),
            design, saved);
    private final ObjectProperty<CardData> data = new SimpleObjectProperty<>(this, "data", CardData.sample());
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.FRONT);
    private final ObjectProperty<DataSource> source = new SimpleObjectProperty<>(this, "source", DataSource.SAMPLE);
    private final ObservableList<ProgramInfo> programs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ProgramInfo> program = new ReadOnlyObjectWrapper<>(this, "program");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObservableList<String> attributeChoices = FXCollections.observableArrayList();
    private volatile Set<String> sensitiveKeys = Set.of();
    private final Map<ColourSlot, ObjectProperty<AppException>> colourErrors = new EnumMap<>(ColourSlot.class);
    private final ObjectProperty<AppException> logoError = new SimpleObjectProperty<>(this, "logoError");
    private final ObjectProperty<AppException> attributeError = new SimpleObjectProperty<>(this, "attributeError");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>(this, "notice");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<IdentityRecord> found = FXCollections.observableArrayList();
    private final ObjectProperty<IdentityRecord> person = new SimpleObjectProperty<>(this, "person");
    private final ObjectProperty<Throwable> personError = new SimpleObjectProperty<>(this, "personError");
    private final BooleanProperty fromSyncEnabled = new SimpleBooleanProperty(this, "fromSyncEnabled");
    private final StringProperty fromSyncFolder = new SimpleStringProperty(this, "fromSyncFolder", "");
    private final ObjectProperty<OutputFormat> fromSyncFormat = new SimpleObjectProperty<>(this, "fromSyncFormat",
            OutputFormat.PDF);
    private final BooleanProperty fromSyncDirty = new SimpleBooleanProperty(this, "fromSyncDirty");
    private boolean loadingFromSync;

    public CardDesignViewModel(TaskRunner tasks, ObservableValue<Registry> registry) {
        this.tasks = tasks;
        this.registry = registry;
        for (ColourSlot s : ColourSlot.values()) {
            colourErrors.put(s, new SimpleObjectProperty<>(this, "colourError" + s));
        }
        attributeChoices.setAll(standardChoices(List.of()));
        registry.addListener((o, a, b) -> attach(b));
        source.addListener((o, a, b) -> refreshData());
        person.addListener((o, a, b) -> refreshData());
        design.addListener((o, a, b) -> {
            if (a != null && b != null && !a.language().equals(b.language()) && source.get() == DataSource.PERSON) {
                refreshData();
            }
        });
        fromSyncEnabled.addListener((o, a, b) -> fromSyncChanged());
        fromSyncFolder.addListener((o, a, b) -> fromSyncChanged());
        fromSyncFormat.addListener((o, a, b) -> fromSyncChanged());
        if (registry.getValue() != null) {
            attach(registry.getValue());
        }
    }

    private void fromSyncChanged() {
        if (!loadingFromSync) {
            fromSyncDirty.set(true);
        }
    }

    private void attach(Registry r) {
        programs.clear();
        found.clear();
        person.set(null);
        source.set(DataSource.SAMPLE);
        if (r == null) {
            program.set(null);
            sensitiveKeys = Set.of();
            attributeChoices.setAll(standardChoices(List.of()));
            return;
        }
        reload();
        select(null);
    }

    /** Reloads the programmes (when the tab is shown: a sync may have brought new ones). */
    public void reload() {
        Registry r = registry.getValue();
        if (r == null) {
            return;
        }
        tasks.run("design-programs", p -> new ProgramGuards(r).programs(), list -> {
            if (registry.getValue() == r) {
                programs.setAll(list);
            }
        }, this::failed);
    }

    /** What a programme offers the design: its saved design, its attribute keys, its sensitive keys, cards-from-sync. */
    private record Loaded(CardDesign design, List<String> customKeys, Set<String> sensitive,
            CardsFromSync.Settings fromSync) {
    }

    /**
     * Edits the design of {@code p} (null: the default design of all programmes): loads it from the registry, or the
     * built-in defaults when the registry is locked. Unsaved changes are dropped (the view asks first).
     */
    public void select(ProgramInfo p) {
        program.set(p);
        Registry r = registry.getValue();
        clearFieldErrors();
        if (r == null) {
            return;
        }
        String uid = p == null ? null : p.uid();
        loading.set(true);
        tasks.run("design-load", t -> load(r, uid), l -> {
            loading.set(false);
            if (registry.getValue() != r || !Objects.equals(uid, program.get() == null ? null : program.get().uid())) {
                return;
            }
            sensitiveKeys = l.sensitive();
            attributeChoices.setAll(standardChoices(l.customKeys()));
            if (!l.design().equals(design.get())) {
                design.set(l.design());
            }
            saved.set(design.get());
            loadingFromSync = true;
            fromSyncEnabled.set(l.fromSync() != null && l.fromSync().enabled());
            fromSyncFolder.set(l.fromSync() == null || l.fromSync().folder() == null ? "" : l.fromSync().folder());
            fromSyncFormat.set(l.fromSync() == null || l.fromSync().format() == null ? OutputFormat.PDF
                    : l.fromSync().format());
            loadingFromSync = false;
            fromSyncDirty.set(false);
            if (source.get() == DataSource.PERSON) {
                refreshData();
            }
        }, e -> {
            loading.set(false);
            failed(e);
        });
    }

    private static Loaded load(Registry r, String uid) throws AppException {
        CardDesign d = new DesignStore(r).designFor(uid);
        if (uid == null) {
            return new Loaded(d, List.of(), Set.of(), null);
        }
        List<String> custom = new ArrayList<>();
        Set<String> sensitive = new LinkedHashSet<>();
        ProgramInfo info = new ProgramGuards(r).program(uid).orElse(null);
        if (info != null) {
            ProgramMapping mapping = new MappingStore(r).current(info);
            for (FieldMapping m : mapping.fields()) {
                boolean guarded = ProgramMapping.attribute(info, m).map(ProgramInfo.Attribute::sensitive).orElse(false);
                if (guarded) {
                    sensitive.add(m.field());
                } else if (CardField.byKey(m.field()).isEmpty()) {
                    custom.add(m.field());
                }
            }
            for (ProgramInfo.Attribute a : info.attributes()) {
                if (a.sensitive()) {
                    sensitive.add(slug(a.code()));
                    sensitive.add(slug(a.displayName()));
                }
            }
            sensitive.remove("");
        }
        return new Loaded(d, custom, Set.copyOf(sensitive), CardsFromSync.settings(r, uid));
    }

    /** An attribute's code or name as a card-field key: {@code HIV_STATUS} → {@code hiv_status}. */
    static String slug(String s) {
        if (s == null) {
            return "";
        }
        String k = java.text.Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return k.length() > 40 ? k.substring(0, 40) : k;
    }

    private static List<String> standardChoices(List<String> custom) {
        Set<String> keys = new LinkedHashSet<>();
        for (CardField f : CardField.values()) {
            if (!f.required()) {
                keys.add(f.key());
            }
        }
        keys.addAll(SAMPLE_KEYS);
        keys.addAll(custom);
        return new ArrayList<>(keys);
    }

    // ---- edits -------------------------------------------------------------------------------------------------

    public void setTemplate(String id) {
        if (id != null && !id.equals(design.get().template())) {
            design.set(design.get().withTemplate(id));
        }
    }

    /**
     * Sets a colour from its hex text; blank = the template's own colour (the sovereign colours go back to their
     * defaults). A malformed value leaves the design as it was and sets the slot's error.
     */
    public void setColour(ColourSlot slot, String text) {
        Rgb value = null;
        if (text != null && !text.isBlank()) {
            try {
                value = Rgb.parse(text.strip(), slot.name().toLowerCase(Locale.ROOT));
            } catch (AppException e) {
                colourErrors.get(slot).set(e);
                return;
            }
        }
        colourErrors.get(slot).set(null);
        CardDesign d = design.get();
        CardDesign.Sovereign s = d.sovereign();
        CardDesign next = switch (slot) {
            case PRIMARY -> d.withColours(value, d.secondary(), d.accent());
            case SECONDARY -> d.withColours(d.primary(), value, d.accent());
            case ACCENT -> d.withColours(d.primary(), d.secondary(), value);
            case SOVEREIGN_ACCENT -> d.withSovereign(new CardDesign.Sovereign(value == null
                    ? CardDesign.Sovereign.DEFAULT.accent() : value, s.background(), s.deepBackground(), s.fontScale(),
                    s.maxAttributes()));
            case SOVEREIGN_BACKGROUND -> d.withSovereign(new CardDesign.Sovereign(s.accent(), value == null
                    ? CardDesign.Sovereign.DEFAULT.background() : value, s.deepBackground(), s.fontScale(),
                    s.maxAttributes()));
            case SOVEREIGN_DEEP -> d.withSovereign(new CardDesign.Sovereign(s.accent(), s.background(), value == null
                    ? CardDesign.Sovereign.DEFAULT.deepBackground() : value, s.fontScale(), s.maxAttributes()));
        };
        if (!next.equals(d)) {
            design.set(next);
        }
    }

    /** The colour of a slot in the design now (null: the template's). */
    public Rgb colour(ColourSlot slot) {
        CardDesign d = design.get();
        return switch (slot) {
            case PRIMARY -> d.primary();
            case SECONDARY -> d.secondary();
            case ACCENT -> d.accent();
            case SOVEREIGN_ACCENT -> d.sovereign().accent();
            case SOVEREIGN_BACKGROUND -> d.sovereign().background();
            case SOVEREIGN_DEEP -> d.sovereign().deepBackground();
        };
    }

    /** Reads a logo file off the FX thread; a refused one leaves the design as it was and sets the logo error. */
    public void addLogo(Path file) {
        if (design.get().logos().size() >= CardDesign.MAX_LOGOS) {
            logoError.set(new AppException("render.error.design.logos", "more than 3 logos", CardDesign.MAX_LOGOS));
            return;
        }
        tasks.run("design-logo", p -> {
            if (Files.size(file) > Logo.MAX_BYTES) {
                throw new AppException("render.error.logo.tooBig", "logo file too large",
                        Logo.MAX_BYTES / (1024 * 1024));
            }
            return Logo.read(Files.readAllBytes(file));
        }, logo -> {
            logoError.set(null);
            List<Logo> list = new ArrayList<>(design.get().logos());
            if (list.size() < CardDesign.MAX_LOGOS) {
                list.add(logo);
                design.set(design.get().withLogos(list));
            }
        }, e -> logoError.set(e instanceof AppException a ? a
                : new AppException("render.error.logo.unreadable", "logo cannot be read")));
    }

    public void removeLogo(int index) {
        List<Logo> list = new ArrayList<>(design.get().logos());
        if (index >= 0 && index < list.size()) {
            list.remove(index);
            logoError.set(null);
            design.set(design.get().withLogos(list));
        }
    }

    /** Moves a logo one place (the first is the main logo, then partner, then government). */
    public void moveLogo(int index, int delta) {
        List<Logo> list = new ArrayList<>(design.get().logos());
        int to = index + delta;
        if (index >= 0 && index < list.size() && to >= 0 && to < list.size()) {
            list.add(to, list.remove(index));
            design.set(design.get().withLogos(list));
        }
    }

    /**
     * Adds an attribute key at the end. Refused, with {@link #attributeErrorProperty()} set: a malformed key, a seventh
     * attribute, or a key the programme's guard marks sensitive ({@code render.error.sensitive}).
     *
     * @return whether the key was added
     */
    public boolean addAttribute(String raw) {
        String key = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return false;
        }
        if (!key.matches(KEY_PATTERN)) {
            attributeError.set(new AppException("render.error.design.attributeKey", "malformed attribute key"));
            return false;
        }
        if (isSensitive(key)) {
            attributeError.set(new AppException("render.error.sensitive", "a selected attribute is sensitive", key));
            return false;
        }
        List<String> list = new ArrayList<>(design.get().attributes());
        if (list.contains(key)) {
            attributeError.set(null);
            return false;
        }
        if (list.size() >= CardDesign.MAX_ATTRIBUTES) {
            attributeError.set(new AppException("render.error.design.attributes", "too many attributes",
                    CardDesign.MAX_ATTRIBUTES));
            return false;
        }
        list.add(key);
        attributeError.set(null);
        design.set(design.get().withAttributes(list));
        return true;
    }

    /** Whether the programme's guard marks the key sensitive (its mapped attribute, or an attribute of that code). */
    public boolean isSensitive(String key) {
        return sensitiveKeys.contains(key) || data.get() != null && data.get().attributes().containsKey(key)
                && data.get().attributes().get(key).sensitive();
    }

    public void removeAttribute(String key) {
        List<String> list = new ArrayList<>(design.get().attributes());
        if (list.remove(key)) {
            attributeError.set(null);
            design.set(design.get().withAttributes(list));
        }
    }

    public void moveAttribute(String key, int delta) {
        List<String> list = new ArrayList<>(design.get().attributes());
        int i = list.indexOf(key);
        int to = i + delta;
        if (i >= 0 && to >= 0 && to < list.size()) {
            list.add(to, list.remove(i));
            design.set(design.get().withAttributes(list));
        }
    }

    public void setTitle(String title) {
        CardDesign d = design.get();
        update(d.withTitles(title, d.subtitle(), d.titleSize()));
    }

    public void setSubtitle(String subtitle) {
        CardDesign d = design.get();
        update(d.withTitles(d.title(), subtitle, d.titleSize()));
    }

    public void setTitleSize(CardDesign.TitleSize size) {
        CardDesign d = design.get();
        update(d.withTitles(d.title(), d.subtitle(), size));
    }

    public void setQr(boolean enabled, CardDesign.QrPosition position, CardDesign.QrSize size) {
        update(design.get().withQr(new CardDesign.QrOptions(enabled, position, size)));
    }

    public void setLanguage(String language) {
        update(design.get().withLanguage(language));
    }

    public void setShowMpiId(boolean show) {
        update(design.get().withShowMpiId(show));
    }

    public void setSovereignScale(double scale) {
        CardDesign.Sovereign s = design.get().sovereign();
        double rounded = Math.round(scale * 100) / 100.0;
        update(design.get().withSovereign(new CardDesign.Sovereign(s.accent(), s.background(), s.deepBackground(),
                Math.max(CardDesign.Sovereign.MIN_SCALE, Math.min(CardDesign.Sovereign.MAX_SCALE, rounded)),
                s.maxAttributes())));
    }

    public void setSovereignMaxAttributes(int max) {
        CardDesign.Sovereign s = design.get().sovereign();
        update(design.get().withSovereign(new CardDesign.Sovereign(s.accent(), s.background(), s.deepBackground(),
                s.fontScale(), Math.max(0, Math.min(4, max)))));
    }

    private void update(CardDesign next) {
        if (!next.equals(design.get())) {
            design.set(next);
        }
    }

    /** Back to the template's defaults (keeps the template; the saved design is untouched until Save). */
    public void resetToTemplate() {
        clearFieldErrors();
        design.set(CardDesign.defaults(design.get().template()).withLanguage(design.get().language()));
    }

    /** Drops the unsaved changes. */
    public void revert() {
        clearFieldErrors();
        design.set(saved.get());
    }

    private void clearFieldErrors() {
        colourErrors.values().forEach(p -> p.set(null));
        logoError.set(null);
        attributeError.set(null);
    }

    // ---- save, export, import ------------------------------------------------------------------------------------

    /** Saves the design for the programme (or as the default design), validated first. */
    public void save() {
        Registry r = registry.getValue();
        if (r == null) {
            return;
        }
        CardDesign d = design.get();
        String uid = program.get() == null ? null : program.get().uid();
        tasks.run("design-save", p -> {
            d.validate();
            d.checkSensitive(sensitiveKeys::contains);
            new DesignStore(r).save(uid, d);
            return d;
        }, s -> {
            saved.set(s);
            notice.set(Notice.ok(uid == null ? "design.saved.default" : "design.saved.program",
                    program.get() == null ? "" : program.get().name()));
        }, this::failed);
    }

    /** Writes the design's JSON (logos inside) to {@code file}. */
    public void exportTo(Path file) {
        CardDesign d = design.get();
        tasks.run("design-export", p -> {
            d.validate();
            String json = DesignJson.write(d);
            AtomicFiles.write(file, "design.error.write", w -> {
                w.write(json);
                return json.length();
            });
            return file;
        }, f -> notice.set(Notice.ok("design.exported", String.valueOf(f.getFileName()))), this::failed);
    }

    /** Reads a design file; the design replaces the one in the form (not saved until Save). */
    public void importFrom(Path file) {
        Set<String> sensitive = sensitiveKeys;
        tasks.run("design-import", p -> {
            byte[] bytes;
            try {
                if (Files.size(file) > DesignJson.MAX_BYTES) {
                    throw new AppException("render.error.design.tooBig", "design file too large");
                }
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new AppException("design.error.read", "cannot read the design file", e,
                        String.valueOf(file.getFileName()));
            }
            CardDesign d = DesignJson.read(bytes);
            d.checkSensitive(sensitive::contains);
            return d;
        }, d -> {
            clearFieldErrors();
            design.set(d);
            notice.set(Notice.ok("design.imported", String.valueOf(file.getFileName())));
        }, this::failed);
    }

    /** The suggested name of an exported design file. */
    public String exportFileName() {
        String base = program.get() == null ? "default" : slug(program.get().name());
        return "card-design-" + (base.isEmpty() ? "program" : base) + ".json";
    }

    private void failed(Throwable t) {
        notice.set(Notice.failed(t));
    }

    public void clearNotice() {
        notice.set(null);
    }

    // ---- preview data ----------------------------------------------------------------------------------------------

    /** Searches the registry for people (name, MPI id, TEI uid, phone). */
    public void search() {
        Registry r = registry.getValue();
        String q = query.get();
        if (r == null) {
            return;
        }
        personError.set(null);
        tasks.run("design-person-find", p -> new PersonSearch(r, new MappingStore(r).settings().phoneCountry())
                .find(q).identities(), list -> {
                    found.setAll(list);
                    if (list.isEmpty()) {
                        personError.set(new AppException("design.person.none", "no match"));
                    }
                }, personError::set);
    }

    private void refreshData() {
        Registry r = registry.getValue();
        IdentityRecord who = person.get();
        if (source.get() == DataSource.SAMPLE || r == null || who == null) {
            if (!CardData.sample().equals(data.get()) || data.get() == null) {
                data.set(CardData.sample());
            }
            return;
        }
        String uid = program.get() == null ? null : program.get().uid();
        String language = design.get().language();
        personError.set(null);
        tasks.run("design-person-card", p -> new CardSource(r).forIdentity(who.mpiId(), uid, language,
                LocalDate.now()), c -> {
                    if (person.get() == who && source.get() == DataSource.PERSON) {
                        data.set(c);
                    }
                }, e -> {
                    personError.set(e);
                    data.set(CardData.sample());
                });
    }

    // ---- cards from sync -------------------------------------------------------------------------------------------

    /** Saves the programme's cards-from-sync setting. */
    public void saveFromSync() {
        Registry r = registry.getValue();
        ProgramInfo p = program.get();
        if (r == null || p == null) {
            return;
        }
        String folder = fromSyncFolder.get() == null || fromSyncFolder.get().isBlank() ? null
                : fromSyncFolder.get().strip();
        CardsFromSync.Settings s = new CardsFromSync.Settings(p.uid(), fromSyncEnabled.get(), folder,
                fromSyncFormat.get());
        tasks.run("design-from-sync", t -> {
            CardsFromSync.save(r, s);
            return s;
        }, x -> {
            fromSyncDirty.set(false);
            notice.set(Notice.ok("design.fromSync.saved", p.name()));
        }, this::failed);
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public ObjectProperty<CardDesign> designProperty() {
        return design;
    }

    public CardDesign design() {
        return design.get();
    }

    public ReadOnlyObjectProperty<CardDesign> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** Whether the design differs from the one saved for the programme. */
    public BooleanBinding dirtyBinding() {
        return dirty;
    }

    public ObjectProperty<CardData> dataProperty() {
        return data;
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    public ObjectProperty<DataSource> sourceProperty() {
        return source;
    }

    public ObservableList<ProgramInfo> programs() {
        return programs;
    }

    public ReadOnlyObjectProperty<ProgramInfo> programProperty() {
        return program.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObservableValue<Registry> registry() {
        return registry;
    }

    public ObservableList<String> attributeChoices() {
        return attributeChoices;
    }

    public ObjectProperty<AppException> colourErrorProperty(ColourSlot slot) {
        return colourErrors.get(slot);
    }

    public ObjectProperty<AppException> logoErrorProperty() {
        return logoError;
    }

    public ObjectProperty<AppException> attributeErrorProperty() {
        return attributeError;
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<IdentityRecord> found() {
        return found;
    }

    public ObjectProperty<IdentityRecord> personProperty() {
        return person;
    }

    public ObjectProperty<Throwable> personErrorProperty() {
        return personError;
    }

    public BooleanProperty fromSyncEnabledProperty() {
        return fromSyncEnabled;
    }

    public StringProperty fromSyncFolderProperty() {
        return fromSyncFolder;
    }

    public ObjectProperty<OutputFormat> fromSyncFormatProperty() {
        return fromSyncFormat;
    }

    public BooleanProperty fromSyncDirtyProperty() {
        return fromSyncDirty;
    }
}
