package org.carnet.ui.design;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.carnet.core.cards.OutputFormat;
import org.carnet.core.common.AppException;
import org.carnet.core.model.Demographics;
import org.carnet.core.registry.IdentityRecord;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardData;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardRenderer;
import org.carnet.core.render.Logo;
import org.carnet.core.render.Rgb;
import org.carnet.core.render.Side;
import org.carnet.core.render.Templates;
import org.carnet.uikit.Controls;
import org.carnet.uikit.Dialogs;
import org.carnet.uikit.FxTaskRunner;
import org.carnet.uikit.I18n;
import org.carnet.uikit.MessageLine;
import org.carnet.uikit.Navigator;
import org.carnet.uikit.TabId;
import org.carnet.uikit.TabPage;
import org.carnet.uikit.TaskRunner;
import org.carnet.ui.design.CardDesignViewModel.ColourSlot;

/**
 * The Card Design tab. Left: the ten templates with thumbnails. Centre: the live preview at 300 DPI (status light,
 * front/back, Refresh) and where its data comes from (the offline sample or a person from the registry). Right: the
 * design form (colours, logos, title, attributes, QR, card language, the sovereign pass's settings, cards after each
 * sync). Top: the programme whose design is edited, Save, Import/Export JSON and Generate cards.
 */
public final class CardDesignView extends TabPage {
    private static final PseudoClass RENDERING = PseudoClass.getPseudoClass("rendering");
    private static final PseudoClass READY = PseudoClass.getPseudoClass("ready");
    private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");
    private static final int THUMBNAIL_DPI = 64;

    private final I18n i18n;
    private final CardDesignViewModel vm;
    private final PreviewService preview;
    private final Executor previewExecutor;
    private final TaskRunner bulkTasks;
    private final TaskRunner tasks;
    private final Map<String, Image> thumbnails = new HashMap<>();
    private final List<Runnable> fromDesign = new ArrayList<>();
    private final List<Runnable> onLocale = new ArrayList<>();
    private final MessageLine notice;
    private ListView<String> gallery;
    private boolean updating;
    private Stage generateStage;
    private GenerateCardsView generateView;
    private java.util.concurrent.ExecutorService cardRenderPool;

    public CardDesignView(I18n i18n, Navigator navigator, TaskRunner tasks, ObservableValue<Registry> registry,
            Executor previewExecutor, Executor bulkExecutor) {
        this(i18n, navigator, tasks, registry, previewExecutor, bulkExecutor, new CardRenderer()::render);
    }

    /** As the public constructor, with the preview's renderer given (tests slow it down or make it fail). */
    CardDesignView(I18n i18n, Navigator navigator, TaskRunner tasks, ObservableValue<Registry> registry,
            Executor previewExecutor, Executor bulkExecutor, PreviewService.Renderer renderer) {
        super(i18n, TabId.DESIGN);
        this.i18n = i18n;
        this.tasks = tasks;
        this.previewExecutor = previewExecutor;
        this.bulkTasks = new FxTaskRunner(bulkExecutor);
        this.vm = new CardDesignViewModel(tasks, registry);
        this.preview = new PreviewService(vm.designProperty(), vm.dataProperty(), vm.sideProperty(), renderer,
                previewExecutor);
        this.notice = new MessageLine(i18n);
        notice.setId("designNotice");
        setContent(build());
        vm.designProperty().addListener((o, a, b) -> syncForm());
        vm.noticeProperty().addListener((o, a, n) -> showNotice(n));
        onLocale.add(this::syncForm);
        i18n.localeProperty().addListener((o, a, b) -> onLocale.forEach(Runnable::run));
        syncForm();
        preview.refresh();
        renderThumbnails();
    }

    public CardDesignViewModel viewModel() {
        return vm;
    }

    PreviewService preview() {
        return preview;
    }

    /** The pool that draws PNG cards of bulk jobs in parallel (the composition root owns it). */
    public void setCardRenderPool(java.util.concurrent.ExecutorService pool) {
        this.cardRenderPool = pool;
    }

    GenerateCardsView generateView() {
        return generateView;
    }

    @Override
    public void onShown() {
        vm.reload();
    }

    private Node build() {
        BorderPane body = new BorderPane();
        body.setLeft(galleryPane());
        body.setCenter(previewPane());
        body.setRight(formPane());
        VBox page = new VBox(10, toolbar(), lockedHint(), notice, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        page.setPadding(new Insets(0, 20, 14, 20));
        page.getStyleClass().add("design-page");
        page.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.S && vm.dirtyBinding().get()
                    && vm.registry().getValue() != null) {
                vm.save();
                e.consume();
            }
        });
        return page;
    }

    // ---- toolbar -----------------------------------------------------------------------------------------------

    private Node toolbar() {
        ComboBox<ProgramInfo> program = new ComboBox<>();
        program.setId("designProgram");
        program.setPrefWidth(260);
        program.setMinWidth(200);
        program.setMaxWidth(320);
        StringConverter<ProgramInfo> names = converter(p -> p == null ? i18n.get("design.program.default")
                : p.name());
        program.setConverter(names);
        program.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProgramInfo p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty ? null : names.toString(p));
            }
        });
        program.setButtonCell(program.getCellFactory().call(null));
        Runnable fill = () -> {
            updating = true;
            List<ProgramInfo> all = new ArrayList<>();
            all.add(null);
            all.addAll(vm.programs());
            ProgramInfo current = vm.programProperty().get();
            program.getItems().setAll(all);
            program.getSelectionModel().select(current == null ? null : all.stream().filter(p -> p != null
                    && p.uid().equals(current.uid())).findFirst().orElse(null));
            if (current == null) {
                program.getSelectionModel().select(0);
            }
            updating = false;
        };
        vm.programs().addListener((ListChangeListener<ProgramInfo>) c -> fill.run());
        fill.run();
        onLocale.add(() -> {
            program.setButtonCell(program.getCellFactory().call(null));
            fill.run();
        });
        program.valueProperty().addListener((o, a, b) -> {
            if (updating) {
                return;
            }
            if (vm.dirtyBinding().get() && !confirmDiscard()) {
                updating = true;
                program.setValue(a);
                updating = false;
                return;
            }
            vm.select(b);
        });
        program.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.registry().getValue() == null,
                vm.registry()));

        Label dirty = new Label();
        dirty.setId("designDirty");
        dirty.getStyleClass().add("design-dirty");
        dirty.textProperty().bind(i18n.text("design.unsaved"));
        dirty.visibleProperty().bind(vm.dirtyBinding());
        dirty.managedProperty().bind(dirty.visibleProperty());
        dirty.setMinWidth(0);
        Tooltip dirtyTip = new Tooltip();
        dirtyTip.textProperty().bind(i18n.text("design.unsaved"));
        dirty.setTooltip(dirtyTip);

        Button save = Controls.button(i18n, "saveDesignButton", "design.save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.dirtyBinding().not().or(Bindings.createBooleanBinding(
                () -> vm.registry().getValue() == null, vm.registry())));
        save.setOnAction(e -> vm.save());
        save.setMinWidth(Region.USE_PREF_SIZE);
        Button revert = Controls.button(i18n, "revertDesignButton", "design.revert");
        revert.disableProperty().bind(vm.dirtyBinding().not());
        revert.setOnAction(e -> vm.revert());
        revert.setMinWidth(Region.USE_PREF_SIZE);

        Button importJson = Controls.button(i18n, "importDesignButton", "design.import");
        importJson.setOnAction(e -> chooseImport());
        importJson.setMinWidth(Region.USE_PREF_SIZE);
        Button exportJson = Controls.button(i18n, "exportDesignButton", "design.export");
        exportJson.setOnAction(e -> chooseExport());
        exportJson.setMinWidth(Region.USE_PREF_SIZE);
        Button generate = Controls.button(i18n, "generateCardsButton", "design.generate");
        generate.getStyleClass().add("design-generate");
        generate.setMinWidth(Region.USE_PREF_SIZE);
        generate.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.registry().getValue() == null
                || vm.programs().isEmpty(), vm.registry(), vm.programs()));
        generate.setOnAction(e -> openGenerate());

        Label label = Controls.formLabel(i18n, "design.program");
        label.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, label, program, save, revert, dirty, grow, importJson, exportJson, new Separator(
                javafx.geometry.Orientation.VERTICAL), generate);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("designToolbar");
        bar.getStyleClass().add("design-toolbar");
        return bar;
    }

    private Node lockedHint() {
        Label hint = new Label();
        hint.setId("designLockedHint");
        hint.getStyleClass().addAll("message-line", "message-info");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.registry().getValue() == null
                ? i18n.get("design.locked") : vm.programs().isEmpty() ? i18n.get("design.noPrograms") : "",
                vm.registry(), vm.programs(), i18n.localeProperty()));
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        return hint;
    }

    private void showNotice(CardDesignViewModel.Notice n) {
        if (n == null) {
            notice.clear();
        } else if (n.error()) {
            if (n.cause() instanceof AppException a) {
                notice.show(MessageLine.Kind.ERROR, a);
            } else {
                notice.show(MessageLine.Kind.ERROR, "registryui.error.unexpected");
            }
        } else {
            notice.show(MessageLine.Kind.SUCCESS, n.key(), n.args().toArray());
        }
    }

    private boolean confirmDiscard() {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("design.discard.body"),
                ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(i18n.get("design.discard.title"));
        alert.setTitle(i18n.get("tab.design"));
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void chooseImport() {
        FileChooser chooser = jsonChooser("design.import.title");
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            vm.importFrom(f.toPath());
        }
    }

    private void chooseExport() {
        FileChooser chooser = jsonChooser("design.export.title");
        chooser.setInitialFileName(vm.exportFileName());
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            Path p = f.toPath();
            if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                p = p.resolveSibling(p.getFileName() + ".json");
            }
            vm.exportTo(p);
        }
    }

    private FileChooser jsonChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("design.filter.json"),
                "*.json"));
        return chooser;
    }

    private void openGenerate() {
        if (generateStage == null) {
            GenerationViewModel generation = new GenerationViewModel(tasks, bulkTasks, Platform::runLater,
                    () -> vm.registry().getValue(), Clock.systemUTC());
            generation.setRenderPool(cardRenderPool);
            generateView = new GenerateCardsView(i18n, generation, vm.programs());
            generateStage = Dialogs.window(window(), i18n.text("design.generate.title"), generateView);
            generateStage.initModality(javafx.stage.Modality.WINDOW_MODAL);
            generateStage.setMinWidth(600);
            generateStage.setOnShown(e -> generateStage.sizeToScene());
        }
        ProgramInfo p = vm.programProperty().get();
        generateView.open(p != null ? p : vm.programs().isEmpty() ? null : vm.programs().get(0), vm.design());
        generateStage.show();
        generateStage.toFront();
    }

    // ---- gallery -----------------------------------------------------------------------------------------------

    private Node galleryPane() {
        gallery = new ListView<>(FXCollections.observableArrayList(Templates.ids()));
        gallery.setId("templateGallery");
        gallery.getStyleClass().add("template-gallery");
        gallery.setCellFactory(l -> new TemplateCell());
        gallery.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                vm.setTemplate(b);
            }
        });
        onLocale.add(gallery::refresh);
        Label title = Controls.section(i18n, "design.templates");
        VBox box = new VBox(6, title, gallery);
        VBox.setVgrow(gallery, Priority.ALWAYS);
        box.setPrefWidth(196);
        box.setMinWidth(170);
        box.getStyleClass().add("design-gallery-pane");
        return box;
    }

    /** One template in the gallery: its thumbnail, name and purpose. */
    private final class TemplateCell extends ListCell<String> {
        private final ImageView image = new ImageView();
        private final Label name = new Label();
        private final Label purpose = new Label();
        private final VBox box = new VBox(3, image, name, purpose);

        TemplateCell() {
            image.setFitWidth(150);
            image.setPreserveRatio(true);
            image.setSmooth(true);
            image.getStyleClass().add("template-thumbnail");
            name.getStyleClass().add("template-name");
            purpose.getStyleClass().add("template-purpose");
            purpose.setWrapText(true);
            purpose.setMaxWidth(152);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setPadding(new Insets(6, 4, 6, 4));
        }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            if (empty || id == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("template-" + id);
            image.setImage(thumbnails.get(id));
            name.setText(Character.toUpperCase(id.charAt(0)) + id.substring(1));
            purpose.setText(i18n.get("design.template." + id));
            setGraphic(box);
        }
    }

    private void renderThumbnails() {
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                CardRenderer renderer = new CardRenderer();
                CardData sample = CardData.sample();
                for (String id : Templates.ids()) {
                    if (isCancelled()) {
                        break;
                    }
                    try {
                        Image img = SwingFXUtils.toFXImage(renderer.render(CardDesign.defaults(id), sample,
                                Side.FRONT, THUMBNAIL_DPI), null);
                        Platform.runLater(() -> {
                            thumbnails.put(id, img);
                            gallery.refresh();
                        });
                    } catch (AppException | RuntimeException e) {
                        // a missing thumbnail leaves the name and purpose: nothing to tell the user
                    }
                }
                return null;
            }
        };
        previewExecutor.execute(task);
    }

    // ---- preview -----------------------------------------------------------------------------------------------

    private Node previewPane() {
        Region dot = new Region();
        dot.setId("previewStatusDot");
        dot.getStyleClass().add("preview-dot");
        Label status = new Label();
        status.setId("previewStatus");
        status.getStyleClass().add("preview-status");
        status.setGraphic(dot);
        status.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text("design.preview.tooltip"));
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        status.setTooltip(tip);
        Timeline pulse = new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(dot.opacityProperty(), 1.0)),
                new KeyFrame(Duration.millis(550), new KeyValue(dot.opacityProperty(), 0.25)));
        pulse.setAutoReverse(true);
        pulse.setCycleCount(Animation.INDEFINITE);
        Consumer<PreviewService.Status> showStatus = s -> {
            for (Node n : List.of(status, dot)) {
                n.pseudoClassStateChanged(RENDERING, s == PreviewService.Status.RENDERING);
                n.pseudoClassStateChanged(READY, s == PreviewService.Status.READY);
                n.pseudoClassStateChanged(NONE, s == PreviewService.Status.NONE);
            }
            if (s == PreviewService.Status.RENDERING) {
                pulse.play();
            } else {
                pulse.stop();
                dot.setOpacity(1);
            }
        };
        preview.statusProperty().addListener((o, a, b) -> showStatus.accept(b));
        showStatus.accept(preview.statusProperty().get());
        status.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(switch (preview.statusProperty().get()) {
            case RENDERING -> "design.preview.rendering";
            case READY -> "design.preview.ready";
            case NONE -> "design.preview.none";
        }), preview.statusProperty(), i18n.localeProperty()));

        ToggleGroup sides = new ToggleGroup();
        ToggleButton front = new ToggleButton();
        front.setId("previewFront");
        front.textProperty().bind(i18n.text("design.side.front"));
        front.getStyleClass().add("first");
        ToggleButton back = new ToggleButton();
        back.setId("previewBack");
        back.textProperty().bind(i18n.text("design.side.back"));
        back.getStyleClass().add("last");
        front.setToggleGroup(sides);
        back.setToggleGroup(sides);
        front.setSelected(true);
        sides.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            vm.sideProperty().set(b == back ? Side.BACK : Side.FRONT);
        });
        HBox sideSwitch = new HBox(front, back);
        sideSwitch.getStyleClass().add("design-segmented");
        Button refresh = Controls.button(i18n, "refreshPreviewButton", "design.preview.refresh");
        refresh.setOnAction(e -> preview.refresh());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, status, grow, sideSwitch, refresh);
        top.setAlignment(Pos.CENTER_LEFT);

        ImageView image = new ImageView();
        image.setId("designPreview");
        image.getStyleClass().add("design-preview-image");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.imageProperty().bind(preview.imageProperty());
        image.opacityProperty().bind(Bindings.when(preview.statusProperty().isEqualTo(
                PreviewService.Status.RENDERING)).then(0.7).otherwise(1.0));
        Label empty = new Label();
        empty.setId("previewMessage");
        empty.getStyleClass().add("preview-message");
        empty.setWrapText(true);
        empty.setMaxWidth(420);
        empty.textProperty().bind(Bindings.createStringBinding(() -> {
            Throwable t = preview.errorProperty().get();
            if (t != null) {
                return t instanceof AppException a ? i18n.describe(a) : i18n.get("design.preview.failed");
            }
            return preview.imageProperty().get() == null ? i18n.get("design.preview.empty") : "";
        }, preview.errorProperty(), preview.imageProperty(), i18n.localeProperty()));
        empty.visibleProperty().bind(empty.textProperty().isNotEmpty());
        empty.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), false);
        preview.errorProperty().addListener((o, a, b) -> empty.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("error"), b != null));
        StackPane stage = new StackPane(image, empty);
        stage.setId("designPreviewPane");
        stage.getStyleClass().add("design-preview-stage");
        stage.setMinSize(200, 140);
        image.fitWidthProperty().bind(Bindings.max(10, stage.widthProperty().subtract(48)));
        image.fitHeightProperty().bind(Bindings.max(10, stage.heightProperty().subtract(40)));
        VBox.setVgrow(stage, Priority.ALWAYS);

        VBox box = new VBox(8, top, stage, dataSource());
        box.getStyleClass().add("design-preview-pane");
        box.setPadding(new Insets(0, 14, 0, 14));
        return box;
    }

    private Node dataSource() {
        ToggleGroup group = new ToggleGroup();
        RadioButton sample = new RadioButton();
        sample.setId("previewSample");
        sample.textProperty().bind(i18n.text("design.data.sample"));
        sample.setToggleGroup(group);
        RadioButton person = new RadioButton();
        person.setId("previewPerson");
        person.textProperty().bind(i18n.text("design.data.person"));
        person.setToggleGroup(group);
        sample.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                vm.sourceProperty().set(b == person ? CardDesignViewModel.DataSource.PERSON
                        : CardDesignViewModel.DataSource.SAMPLE);
            }
        });
        vm.sourceProperty().addListener((o, a, b) -> {
            updating = true;
            (b == CardDesignViewModel.DataSource.PERSON ? person : sample).setSelected(true);
            updating = false;
        });
        ObservableValue<Boolean> locked = Bindings.createBooleanBinding(() -> vm.registry().getValue() == null,
                vm.registry());
        person.disableProperty().bind(locked);

        TextField query = new TextField();
        query.setId("personSearch");
        query.promptTextProperty().bind(i18n.text("design.data.search.prompt"));
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setOnAction(e -> vm.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        query.setPrefColumnCount(14);
        Button find = Controls.button(i18n, "personFindButton", "design.data.find");
        find.setOnAction(e -> vm.search());
        find.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<IdentityRecord> results = new ComboBox<>(vm.found());
        results.setId("personResults");
        results.setPrefWidth(280);
        results.promptTextProperty().bind(Bindings.createStringBinding(() -> vm.found().isEmpty()
                ? i18n.get("design.data.results.none") : i18n.get("design.data.results", vm.found().size()),
                vm.found(), i18n.localeProperty()));
        StringConverter<IdentityRecord> who = converter(CardDesignView::describePerson);
        results.setConverter(who);
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(IdentityRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : describePerson(r));
            }
        });
        results.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.personProperty().set(b);
            }
        });
        vm.found().addListener((ListChangeListener<IdentityRecord>) c -> {
            if (vm.found().size() == 1) {
                results.setValue(vm.found().get(0));
            }
        });
        HBox search = new HBox(6, query, find, results);
        search.setAlignment(Pos.CENTER_LEFT);
        search.visibleProperty().bind(vm.sourceProperty().isEqualTo(CardDesignViewModel.DataSource.PERSON));
        search.managedProperty().bind(search.visibleProperty());
        Label error = new Label();
        error.setId("personError");
        error.getStyleClass().add("form-warning");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.personErrorProperty().get()),
                vm.personErrorProperty(), i18n.localeProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty().and(search.visibleProperty()));
        error.managedProperty().bind(error.visibleProperty());

        Label label = Controls.formLabel(i18n, "design.data");
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox choice = new HBox(14, label, sample, person);
        choice.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, choice, search, error);
        box.setId("designDataSource");
        box.getStyleClass().add("design-data-source");
        return box;
    }

    private static String describePerson(IdentityRecord r) {
        if (r == null) {
            return "";
        }
        Demographics d = r.demographics();
        String name = ((d.firstName() == null ? "" : d.firstName()) + " " + (d.lastName() == null ? ""
                : d.lastName())).strip();
        return r.mpiId() + (name.isEmpty() ? "" : " — " + name);
    }

    private String describe(Throwable t) {
        if (t == null) {
            return "";
        }
        return t instanceof AppException a ? i18n.describe(a) : i18n.get("registryui.error.unexpected");
    }

    // ---- form --------------------------------------------------------------------------------------------------

    private Node formPane() {
        VBox form = new VBox(14, coloursSection(), logosSection(), titleSection(), attributesSection(), qrSection(),
                cardSection(), sovereignSection(), fromSyncSection());
        form.setId("designFormContent");
        form.getStyleClass().add("design-form");
        form.setPadding(new Insets(12, 14, 16, 14));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setId("designForm");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("design-form-scroll");
        scroll.setPrefWidth(352);
        scroll.setMinWidth(300);
        return scroll;
    }

    private VBox section(String id, String titleKey, Node... content) {
        VBox box = new VBox(8);
        box.setId(id);
        box.getStyleClass().add("design-section");
        box.getChildren().add(Controls.section(i18n, titleKey));
        box.getChildren().addAll(content);
        return box;
    }

    private Label fieldError(ObservableValue<? extends Throwable> error, Function<Throwable, String> text) {
        Label l = new Label();
        l.getStyleClass().add("form-warning");
        l.setWrapText(true);
        l.textProperty().bind(Bindings.createStringBinding(() -> error.getValue() == null ? ""
                : text.apply(error.getValue()), error, i18n.localeProperty()));
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    private Node coloursSection() {
        GridPane g = grid();
        VBox errors = new VBox(4);
        int row = 0;
        for (ColourSlot slot : List.of(ColourSlot.PRIMARY, ColourSlot.SECONDARY, ColourSlot.ACCENT)) {
            row = colourRow(g, row, slot, errors);
        }
        return section("designColours", "design.colours", Controls.hint(i18n, "design.colours.hint"), g, errors);
    }

    private static String colourKey(ColourSlot slot) {
        return switch (slot) {
            case PRIMARY -> "design.colour.primary";
            case SECONDARY -> "design.colour.secondary";
            case ACCENT -> "design.colour.accent";
            case SOVEREIGN_ACCENT -> "design.sovereign.accent";
            case SOVEREIGN_BACKGROUND -> "design.sovereign.background";
            case SOVEREIGN_DEEP -> "design.sovereign.deep";
        };
    }

    private static String camel(ColourSlot slot) {
        String[] parts = slot.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return b.toString();
    }

    /** A colour: a swatch picker, the hex text (blank = the template's colour), a reset button, an error line. */
    private int colourRow(GridPane g, int row, ColourSlot slot, VBox errors) {
        String id = camel(slot);
        ColorPicker picker = new ColorPicker();
        picker.setId("colourPicker" + id);
        picker.getStyleClass().addAll("button", "design-swatch");
        TextField hex = new TextField();
        hex.setId("colourHex" + id);
        hex.setPrefColumnCount(7);
        hex.getStyleClass().add("design-hex");
        Button reset = new Button("↺");
        reset.setId("colourReset" + id);
        reset.getStyleClass().add("design-icon-button");
        Tooltip resetTip = new Tooltip();
        resetTip.textProperty().bind(i18n.text("design.colour.reset"));
        reset.setTooltip(resetTip);
        reset.setOnAction(e -> {
            hex.setText("");
            vm.setColour(slot, "");
        });
        picker.setOnAction(e -> {
            if (!updating && picker.getValue() != null) {
                Color c = picker.getValue();
                String h = new Rgb((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                        (int) Math.round(c.getBlue() * 255)).hex();
                hex.setText(h);
                vm.setColour(slot, h);
            }
        });
        hex.textProperty().addListener((o, a, b) -> {
            if (updating) {
                return;
            }
            String s = b == null ? "" : b.strip();
            if (s.isEmpty() || s.matches("#?[0-9A-Fa-f]{6}") || s.length() >= 7) {
                vm.setColour(slot, s);
            } else {
                vm.colourErrorProperty(slot).set(null);
            }
        });
        hex.setOnAction(e -> vm.setColour(slot, hex.getText()));
        hex.focusedProperty().addListener((o, a, b) -> {
            if (!b) {
                vm.setColour(slot, hex.getText());
            }
        });
        boolean sovereign = slot.name().startsWith("SOVEREIGN");
        fromDesign.add(() -> {
            Rgb current = vm.colour(slot);
            Rgb fallback = templateColour(slot);
            Rgb shown = current != null ? current : fallback;
            if (shown != null) {
                picker.setValue(Color.rgb(shown.r(), shown.g(), shown.b()));
            }
            hex.setPromptText(fallback == null ? "" : i18n.get("design.colour.template", fallback.hex()));
            if (vm.colourErrorProperty(slot).get() == null && !Objects.equals(parse(hex.getText()), current)) {
                hex.setText(current == null ? "" : current.hex());
            }
            reset.setDisable(current == null || sovereign && current.equals(fallback));
        });
        Label label = Controls.formLabel(i18n, colourKey(slot));
        HBox fields = new HBox(6, picker, hex, reset);
        fields.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(hex, Priority.ALWAYS);
        g.addRow(row, label, fields);
        Label error = fieldError(vm.colourErrorProperty(slot), t -> i18n.get("render.error.colour",
                i18n.get(colourKey(slot)).toLowerCase(i18n.locale())));
        error.setId("colourError" + id);
        errors.getChildren().add(error);
        return row + 1;
    }

    private static Rgb parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Rgb.parse(text, "colour");
        } catch (AppException e) {
            return null;
        }
    }

    private Rgb templateColour(ColourSlot slot) {
        try {
            var palette = Templates.get(vm.design().template()).defaults();
            return switch (slot) {
                case PRIMARY -> palette.primary();
                case SECONDARY -> palette.secondary();
                case ACCENT -> palette.accent();
                case SOVEREIGN_ACCENT -> CardDesign.Sovereign.DEFAULT.accent();
                case SOVEREIGN_BACKGROUND -> CardDesign.Sovereign.DEFAULT.background();
                case SOVEREIGN_DEEP -> CardDesign.Sovereign.DEFAULT.deepBackground();
            };
        } catch (AppException e) {
            return null;
        }
    }

    private Node logosSection() {
        VBox list = new VBox(6);
        list.setId("designLogos");
        Button add = Controls.button(i18n, "addLogoButton", "design.logo.add");
        add.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("design.logo.choose"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("design.filter.images"),
                    "*.png", "*.PNG", "*.jpg", "*.JPG", "*.jpeg", "*.JPEG"));
            File f = chooser.showOpenDialog(window());
            if (f != null) {
                vm.addLogo(f.toPath());
            }
        });
        fromDesign.add(() -> {
            List<Logo> logos = vm.design().logos();
            list.getChildren().clear();
            for (int i = 0; i < logos.size(); i++) {
                list.getChildren().add(logoRow(logos.get(i), i, logos.size()));
            }
            add.setDisable(logos.size() >= CardDesign.MAX_LOGOS);
        });
        Label error = fieldError(vm.logoErrorProperty(), this::describe);
        error.setId("logoError");
        return section("designLogosSection", "design.logos", Controls.hint(i18n, "design.logos.hint"), list, add,
                error);
    }

    private Node logoRow(Logo logo, int index, int count) {
        ImageView img = new ImageView();
        img.setFitWidth(56);
        img.setFitHeight(28);
        img.setPreserveRatio(true);
        img.setSmooth(true);
        img.setImage(new Image(new java.io.ByteArrayInputStream(logo.bytes()), 112, 56, true, true));
        StackPane plate = new StackPane(img);
        plate.getStyleClass().add("design-logo-plate");
        plate.setMinSize(64, 34);
        plate.setPrefSize(64, 34);
        Label role = new Label(i18n.get("design.logo.role" + Math.min(index + 1, 3)));
        role.getStyleClass().add("form-label");
        Label size = new Label(i18n.get("design.logo.size", logo.width(), logo.height()));
        size.getStyleClass().add("form-hint");
        VBox text = new VBox(1, role, size);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button up = iconButton("logoUp" + index, "↑", "design.move.up");
        up.setDisable(index == 0);
        up.setOnAction(e -> vm.moveLogo(index, -1));
        Button down = iconButton("logoDown" + index, "↓", "design.move.down");
        down.setDisable(index == count - 1);
        down.setOnAction(e -> vm.moveLogo(index, 1));
        Button remove = iconButton("logoRemove" + index, "✕", "design.logo.remove");
        remove.setOnAction(e -> vm.removeLogo(index));
        HBox row = new HBox(8, plate, text, up, down, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("design-list-row");
        return row;
    }

    private Button iconButton(String id, String glyph, String tipKey) {
        Button b = new Button(glyph);
        b.setId(id);
        b.getStyleClass().add("design-icon-button");
        b.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(tipKey));
        b.setTooltip(t);
        return b;
    }

    private Node titleSection() {
        TextField title = new TextField();
        title.setId("designTitle");
        title.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() > CardDesign.MAX_TEXT
                ? null : c));
        title.promptTextProperty().bind(i18n.text("design.title.prompt"));
        title.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                vm.setTitle(b);
            }
        });
        TextField subtitle = new TextField();
        subtitle.setId("designSubtitle");
        subtitle.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() > CardDesign.MAX_TEXT
                ? null : c));
        subtitle.promptTextProperty().bind(i18n.text("design.subtitle.prompt"));
        subtitle.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                vm.setSubtitle(b);
            }
        });
        ChoiceBox<CardDesign.TitleSize> size = new ChoiceBox<>(FXCollections.observableArrayList(
                CardDesign.TitleSize.values()));
        size.setId("designTitleSize");
        size.setConverter(converter(s -> i18n.get("design.titleSize." + s.name().toLowerCase(Locale.ROOT))));
        size.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                vm.setTitleSize(b);
            }
        });
        fromDesign.add(() -> {
            CardDesign d = vm.design();
            if (!Objects.equals(blankToNull(title.getText()), d.title())) {
                title.setText(d.title() == null ? "" : d.title());
            }
            if (!Objects.equals(blankToNull(subtitle.getText()), d.subtitle())) {
                subtitle.setText(d.subtitle() == null ? "" : d.subtitle());
            }
            size.setValue(d.titleSize());
        });
        onLocale.add(() -> relabel(size));
        GridPane g = grid();
        g.addRow(0, Controls.formLabel(i18n, "design.title"), title);
        g.addRow(1, Controls.formLabel(i18n, "design.subtitle"), subtitle);
        g.addRow(2, Controls.formLabel(i18n, "design.titleSize"), size);
        return section("designTitles", "design.titles", g);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Node attributesSection() {
        ListView<String> chosen = new ListView<>();
        chosen.setId("designAttributes");
        chosen.getStyleClass().add("design-attributes");
        chosen.setPrefHeight(6 * 30 + 4);
        chosen.setMinHeight(70);
        chosen.setPlaceholder(Controls.hint(i18n, "design.attributes.none"));
        chosen.setCellFactory(l -> new AttributeCell());
        fromDesign.add(() -> {
            List<String> keys = vm.design().attributes();
            if (!keys.equals(chosen.getItems())) {
                chosen.getItems().setAll(keys);
            }
            chosen.setPrefHeight(Math.max(1, keys.size()) * 30 + 4);
        });
        onLocale.add(chosen::refresh);
        ComboBox<String> key = new ComboBox<>(vm.attributeChoices());
        key.setId("attributeChoice");
        key.setEditable(true);
        key.setMaxWidth(Double.MAX_VALUE);
        key.promptTextProperty().bind(i18n.text("design.attributes.prompt"));
        key.setConverter(new StringConverter<>() {
            @Override
            public String toString(String k) {
                return k == null ? "" : k;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        key.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : attributeLabel(k) + "  ·  " + k);
            }
        });
        Button add = Controls.button(i18n, "addAttributeButton", "design.attributes.add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        Runnable doAdd = () -> {
            String k = key.getEditor().getText();
            if (k == null || k.isBlank()) {
                k = key.getValue();
            }
            if (vm.addAttribute(k)) {
                key.setValue(null);
                key.getEditor().clear();
            }
        };
        add.setOnAction(e -> doAdd.run());
        key.getEditor().setOnAction(e -> doAdd.run());
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.design().attributes().size()
                >= CardDesign.MAX_ATTRIBUTES, vm.designProperty()));
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox addRow = new HBox(6, key, add);
        addRow.setAlignment(Pos.CENTER_LEFT);
        Label count = new Label();
        count.getStyleClass().add("form-hint");
        count.setId("attributeCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("design.attributes.count",
                vm.design().attributes().size(), CardDesign.MAX_ATTRIBUTES), vm.designProperty(),
                i18n.localeProperty()));
        Label error = fieldError(vm.attributeErrorProperty(), this::describe);
        error.setId("attributeError");
        return section("designAttributesSection", "design.attributes", Controls.hint(i18n, "design.attributes.hint"),
                chosen, addRow, count, error);
    }

    private String attributeLabel(String key) {
        String k = "design.field." + key;
        if (i18n.has(k)) {
            return i18n.get(k);
        }
        CardData.Attribute a = vm.dataProperty().get() == null ? null : vm.dataProperty().get().attributes().get(key);
        return a != null && a.label() != null ? a.label() : key;
    }

    /** One chosen attribute: label, key, move up/down, remove. */
    private final class AttributeCell extends ListCell<String> {
        AttributeCell() {
            // As wide as the list, never wider: the buttons stay visible and long names are cut with an ellipsis.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String key, boolean empty) {
            super.updateItem(key, empty);
            if (empty || key == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(attributeLabel(key));
            name.getStyleClass().add("design-attribute-name");
            name.setMinWidth(0);
            Label code = new Label(key);
            code.getStyleClass().add("design-attribute-key");
            code.setMinWidth(0);
            HBox text = new HBox(6, name, code);
            text.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            int i = getIndex();
            int n = getListView().getItems().size();
            Button up = iconButton("attributeUp-" + key, "↑", "design.move.up");
            up.setDisable(i == 0);
            up.setOnAction(e -> vm.moveAttribute(key, -1));
            Button down = iconButton("attributeDown-" + key, "↓", "design.move.down");
            down.setDisable(i == n - 1);
            down.setOnAction(e -> vm.moveAttribute(key, 1));
            Button remove = iconButton("attributeRemove-" + key, "✕", "design.attributes.remove");
            remove.setOnAction(e -> vm.removeAttribute(key));
            HBox row = new HBox(4, text, up, down, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            // As wide as the list (minus its padding and scroll bar): a long name shrinks, the buttons keep their size.
            row.setMinWidth(0);
            row.prefWidthProperty().bind(getListView().widthProperty().subtract(28));
            setText(null);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            setGraphic(row);
        }
    }

    private Node qrSection() {
        CheckBox enabled = new CheckBox();
        enabled.setId("designQrEnabled");
        enabled.textProperty().bind(i18n.text("design.qr.enabled"));
        ChoiceBox<CardDesign.QrPosition> position = new ChoiceBox<>(FXCollections.observableArrayList(
                CardDesign.QrPosition.values()));
        position.setId("designQrPosition");
        position.setConverter(converter(p -> i18n.get("design.qr.position." + p.name().toLowerCase(Locale.ROOT))));
        ChoiceBox<CardDesign.QrSize> size = new ChoiceBox<>(FXCollections.observableArrayList(
                CardDesign.QrSize.values()));
        size.setId("designQrSize");
        size.setConverter(converter(s -> i18n.get("design.qr.size." + s.name().toLowerCase(Locale.ROOT))));
        Runnable push = () -> {
            if (!updating && position.getValue() != null && size.getValue() != null) {
                vm.setQr(enabled.isSelected(), position.getValue(), size.getValue());
            }
        };
        enabled.selectedProperty().addListener((o, a, b) -> push.run());
        position.valueProperty().addListener((o, a, b) -> push.run());
        size.valueProperty().addListener((o, a, b) -> push.run());
        position.disableProperty().bind(enabled.selectedProperty().not());
        size.disableProperty().bind(enabled.selectedProperty().not());
        fromDesign.add(() -> {
            CardDesign.QrOptions q = vm.design().qr();
            enabled.setSelected(q.enabled());
            position.setValue(q.position());
            size.setValue(q.size());
        });
        onLocale.add(() -> {
            relabel(position);
            relabel(size);
        });
        GridPane g = grid();
        g.add(enabled, 0, 0, 2, 1);
        g.addRow(1, Controls.formLabel(i18n, "design.qr.position"), position);
        g.addRow(2, Controls.formLabel(i18n, "design.qr.size"), size);
        return section("designQr", "design.qr", g, Controls.hint(i18n, "design.qr.hint"));
    }

    private Node cardSection() {
        ChoiceBox<String> language = new ChoiceBox<>(FXCollections.observableArrayList("fr", "en"));
        language.setId("designLanguage");
        language.setConverter(converter(l -> i18n.get("language." + l)));
        language.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                vm.setLanguage(b);
            }
        });
        CheckBox mpi = new CheckBox();
        mpi.setId("designShowMpiId");
        mpi.textProperty().bind(i18n.text("design.showMpiId"));
        mpi.selectedProperty().addListener((o, a, b) -> {
            if (!updating) {
                vm.setShowMpiId(b);
            }
        });
        Button reset = Controls.button(i18n, "resetDesignButton", "design.reset");
        reset.setOnAction(e -> vm.resetToTemplate());
        fromDesign.add(() -> {
            language.setValue(vm.design().language());
            mpi.setSelected(vm.design().showMpiId());
        });
        onLocale.add(() -> relabel(language));
        GridPane g = grid();
        g.addRow(0, Controls.formLabel(i18n, "design.language"), language);
        g.add(mpi, 0, 1, 2, 1);
        return section("designCard", "design.card", g, Controls.hint(i18n, "design.language.hint"), reset);
    }

    private Node sovereignSection() {
        GridPane g = grid();
        VBox errors = new VBox(4);
        int row = 0;
        for (ColourSlot slot : List.of(ColourSlot.SOVEREIGN_ACCENT, ColourSlot.SOVEREIGN_BACKGROUND,
                ColourSlot.SOVEREIGN_DEEP)) {
            row = colourRow(g, row, slot, errors);
        }
        Slider scale = new Slider(CardDesign.Sovereign.MIN_SCALE, CardDesign.Sovereign.MAX_SCALE, 1.0);
        scale.setId("sovereignFontScale");
        scale.setMajorTickUnit(0.1);
        scale.setMinorTickCount(1);
        scale.setBlockIncrement(0.05);
        scale.setSnapToTicks(true);
        Label scaleValue = new Label();
        scaleValue.setMinWidth(40);
        scaleValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(i18n.locale(), "%.2f",
                scale.getValue()), scale.valueProperty(), i18n.localeProperty()));
        scale.valueProperty().addListener((o, a, b) -> {
            if (!updating && !scale.isValueChanging()) {
                vm.setSovereignScale(b.doubleValue());
            }
        });
        scale.valueChangingProperty().addListener((o, a, b) -> {
            if (!b && !updating) {
                vm.setSovereignScale(scale.getValue());
            }
        });
        HBox scaleRow = new HBox(8, scale, scaleValue);
        scaleRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(scale, Priority.ALWAYS);
        Spinner<Integer> max = new Spinner<>(0, 4, 4);
        max.setId("sovereignMaxAttributes");
        max.setPrefWidth(80);
        max.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                vm.setSovereignMaxAttributes(b);
            }
        });
        g.addRow(row++, Controls.formLabel(i18n, "design.sovereign.fontScale"), scaleRow);
        g.addRow(row, Controls.formLabel(i18n, "design.sovereign.maxAttributes"), max);
        fromDesign.add(() -> {
            CardDesign.Sovereign s = vm.design().sovereign();
            scale.setValue(s.fontScale());
            max.getValueFactory().setValue(s.maxAttributes());
        });
        VBox box = section("designSovereign", "design.sovereign", Controls.hint(i18n, "design.sovereign.hint"), g,
                errors);
        box.getStyleClass().add("design-section-special");
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> "sovereign".equals(vm.design().template()),
                vm.designProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node fromSyncSection() {
        CheckBox enabled = new CheckBox();
        enabled.setId("fromSyncEnabled");
        enabled.textProperty().bind(i18n.text("design.fromSync.enable"));
        enabled.setWrapText(true);
        enabled.selectedProperty().bindBidirectional(vm.fromSyncEnabledProperty());
        TextField folder = new TextField();
        folder.setId("fromSyncFolder");
        folder.textProperty().bindBidirectional(vm.fromSyncFolderProperty());
        folder.promptTextProperty().bind(i18n.text("design.fromSync.folder.prompt"));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = Controls.button(i18n, "fromSyncChoose", "design.choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n.get("design.fromSync.folder.title"));
            File f = chooser.showDialog(window());
            if (f != null) {
                vm.fromSyncFolderProperty().set(f.getAbsolutePath());
            }
        });
        ChoiceBox<OutputFormat> format = new ChoiceBox<>(FXCollections.observableArrayList(OutputFormat.values()));
        format.setId("fromSyncFormat");
        format.setConverter(converter(f -> i18n.get("design.format." + f.code())));
        format.valueProperty().bindBidirectional(vm.fromSyncFormatProperty());
        onLocale.add(() -> relabel(format));
        Button save = Controls.button(i18n, "fromSyncSave", "design.fromSync.save");
        save.disableProperty().bind(vm.fromSyncDirtyProperty().not());
        save.setOnAction(e -> vm.saveFromSync());
        HBox folderRow = new HBox(6, folder, choose);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        GridPane g = grid();
        g.addRow(0, Controls.formLabel(i18n, "design.fromSync.folder"), folderRow);
        g.addRow(1, Controls.formLabel(i18n, "design.fromSync.format"), format);
        g.disableProperty().bind(enabled.selectedProperty().not());
        HBox saveRow = new HBox(save);
        saveRow.setAlignment(Pos.CENTER_RIGHT);
        VBox settings = new VBox(8, enabled, g, saveRow);
        settings.visibleProperty().bind(vm.programProperty().isNotNull());
        settings.managedProperty().bind(settings.visibleProperty());
        Label hint = Controls.hint(i18n, "design.fromSync.needsProgram");
        hint.visibleProperty().bind(vm.programProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        VBox box = section("designFromSync", "design.fromSync", Controls.hint(i18n, "design.fromSync.hint"), hint,
                settings);
        box.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.registry().getValue() == null,
                vm.registry()));
        return box;
    }

    // ---- form ← design ---------------------------------------------------------------------------------------

    private void syncForm() {
        updating = true;
        try {
            fromDesign.forEach(Runnable::run);
            if (gallery != null) {
                String t = vm.design().template();
                if (!t.equals(gallery.getSelectionModel().getSelectedItem())) {
                    gallery.getSelectionModel().select(t);
                    gallery.scrollTo(Math.max(0, gallery.getSelectionModel().getSelectedIndex() - 1));
                }
            }
        } finally {
            updating = false;
        }
    }

    private <T> void relabel(ChoiceBox<T> box) {
        boolean was = updating;
        updating = true;
        T v = box.getValue();
        box.setValue(null);
        box.setValue(v);
        updating = was;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return safe(f, t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <T> String safe(Function<T, String> f, T t) {
        try {
            String s = f.apply(t);
            return s == null ? "" : s;
        } catch (NullPointerException e) {
            return "";
        }
    }
}
