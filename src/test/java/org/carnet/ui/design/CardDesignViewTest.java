package org.carnet.ui.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.carnet.core.cards.DesignStore;
import org.carnet.core.crypto.Argon2Kdf;
import org.carnet.core.registry.AuditActor;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registries;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardData;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardRenderer;
import org.carnet.core.render.DesignJson;
import org.carnet.core.render.Rgb;
import org.carnet.uikit.FxTaskRunner;
import org.carnet.uikit.I18n;
import org.carnet.uikit.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Card Design tab over a temporary registry holding one programme (with an HIV attribute the guard marks
 * sensitive): the preview's debounce and status light, a render error, sensitive attributes refused, colours and
 * logos validated, the design saved per programme and reloaded, JSON export and import, the locked registry.
 */
@ExtendWith(ApplicationExtension.class)
class CardDesignViewTest {
    static final String PROGRAM = "PrgMaternal1";

    ExecutorService io;
    ExecutorService render;
    ExecutorService bulk;
    Registry registry;
    SimpleObjectProperty<Registry> registryProperty;
    CardDesignView view;
    Path dir;
    /** When set, each preview render waits for it (a slow renderer). */
    volatile CountDownLatch gate;
    final CardRenderer renderer = new CardRenderer();

    @Start
    void start(Stage stage) throws Exception {
        io = Executors.newFixedThreadPool(2);
        render = Executors.newSingleThreadExecutor();
        bulk = Executors.newSingleThreadExecutor();
        dir = Files.createTempDirectory("carnet-design");
        registry = Registries.create(dir.resolve("registry.db"), "mango river blue bicycle".toCharArray(),
                Argon2Kdf.forTests(), new AuditActor("tester", AuditActor.Channel.GUI)).registry();
        registry.saveProgram(new ProgramInfo(PROGRAM, "Santé maternelle", List.of(
                new ProgramInfo.Attribute("AttrFirst01", "FIRST_NAME", "First name", "TEXT"),
                new ProgramInfo.Attribute("AttrLast001", "LAST_NAME", "Last name", "TEXT"),
                new ProgramInfo.Attribute("AttrHiv0001", "HIV_STATUS", "HIV status", "TEXT"))));
        registryProperty = new SimpleObjectProperty<>(registry);
        view = new CardDesignView(new I18n(Locale.ENGLISH), t -> { }, new FxTaskRunner(io), registryProperty, render,
                bulk, (design, data, side, dpi) -> {
                    CountDownLatch g = gate;
                    if (g != null && !g.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                    return renderer.render(design, data, side, dpi);
                });
        stage.setScene(new Scene(view, 1200, 760));
        Theme.apply(stage.getScene());
        stage.show();
    }

    @AfterEach
    void stop() {
        CountDownLatch g = gate;
        if (g != null) {
            g.countDown();
        }
        render.shutdownNow();
        io.shutdownNow();
        bulk.shutdownNow();
        registry.close();
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 60 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private PreviewService.Status status() {
        return view.preview().statusProperty().get();
    }

    private boolean dotIs(FxRobot robot, String pseudo) {
        Node dot = robot.lookup("#previewStatusDot").query();
        return dot.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudo));
    }

    private void waitReady() {
        waitUntil(() -> status() == PreviewService.Status.READY && !view.preview().busy());
    }

    @Test
    void fiveQuickEditsGiveOneRenderAfterTheLastOne(FxRobot robot) throws Exception {
        waitReady();
        int before = view.preview().renderCount();
        long last = 0;
        for (int i = 1; i <= 5; i++) {
            String subtitle = "Campagne " + i;
            robot.interact(() -> robot.lookup("#designSubtitle").queryAs(TextField.class).setText(subtitle));
            last = System.nanoTime();
            Thread.sleep(40);
        }
        assertEquals("Campagne 5", view.viewModel().design().subtitle());
        assertEquals(PreviewService.Status.RENDERING, status(), "the light is cyan as soon as the design changes");
        long sinceLast = (System.nanoTime() - last) / 1_000_000;
        Thread.sleep(Math.max(0, 350 - sinceLast));
        assertEquals(before, view.preview().renderCount(), "no render before 450 ms after the last edit");
        waitReady();
        Thread.sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, view.preview().renderCount(), "exactly one render for five edits");
        assertNotNull(robot.lookup("#designPreview").queryAs(ImageView.class).getImage());
    }

    @Test
    void theStatusLightIsGreyCyanGreenAndGreyOnAnError(FxRobot robot) throws Exception {
        // A preview that never rendered is grey.
        SimpleObjectProperty<CardDesign> d = new SimpleObjectProperty<>(CardDesign.defaults("vital"));
        robot.interact(() -> {
            PreviewService idle = new PreviewService(d, new SimpleObjectProperty<>(CardData.sample()),
                    new SimpleObjectProperty<>(org.carnet.core.render.Side.FRONT), renderer::render, render);
            assertEquals(PreviewService.Status.NONE, idle.statusProperty().get());
            assertNull(idle.imageProperty().get());
        });
        waitReady();
        assertTrue(dotIs(robot, "ready"), "green when ready");
        Label text = robot.lookup("#previewStatus").queryAs(Label.class);
        assertEquals("Ready", text.getText());
        assertNotNull(text.getTooltip());

        CountDownLatch g = new CountDownLatch(1);
        gate = g;
        robot.interact(() -> view.viewModel().setTemplate("pulse"));
        waitUntil(() -> view.preview().renderCount() > 0 && view.preview().busy()
                && view.preview().renderCount() > view.preview().finishedCount());
        assertEquals(PreviewService.Status.RENDERING, status());
        assertTrue(dotIs(robot, "rendering"), "cyan while rendering");
        assertEquals("Rendering…", text.getText());
        gate = null;
        g.countDown();
        waitReady();
        assertTrue(dotIs(robot, "ready"));

        // A person whose HIV status the guard blocked, with a design that prints it: refused, grey, translated.
        robot.interact(() -> view.viewModel().designProperty().set(view.viewModel().design()
                .withAttributes(List.of("beneficiary_id", "hiv_status"))));
        waitReady();
        Map<String, CardData.Attribute> attrs = new LinkedHashMap<>(CardData.sample().attributes());
        attrs.put("hiv_status", new CardData.Attribute("HIV status", "", true));
        robot.interact(() -> view.viewModel().dataProperty().set(CardData.sample().withAttributes(attrs)));
        waitUntil(() -> status() == PreviewService.Status.NONE && !view.preview().busy());
        assertTrue(dotIs(robot, "none"), "grey after an error");
        assertEquals("No preview", text.getText());
        String message = robot.lookup("#previewMessage").queryAs(Label.class).getText();
        assertTrue(message.contains("hiv_status") && message.contains("sensitive"), message);
        assertNull(robot.lookup("#designPreview").queryAs(ImageView.class).getImage());

        robot.clickOn("#refreshPreviewButton");
        waitUntil(() -> status() == PreviewService.Status.NONE && !view.preview().busy());
        robot.interact(() -> view.viewModel().dataProperty().set(CardData.sample()));
        waitReady();
        assertTrue(robot.lookup("#previewMessage").queryAs(Label.class).getText().isEmpty());
    }

    @Test
    void sensitiveAttributesColoursAndLogosAreCheckedWithoutLosingTheDesign(FxRobot robot) throws Exception {
        CardDesignViewModel vm = view.viewModel();
        waitUntil(() -> vm.programs().size() == 1);
        ProgramInfo program = vm.programs().get(0);
        robot.interact(() -> vm.select(program));
        waitUntil(() -> !vm.loadingProperty().get());

        @SuppressWarnings("unchecked")
        ComboBox<String> key = robot.lookup("#attributeChoice").queryAs(ComboBox.class);
        List<String> before = vm.design().attributes();
        robot.interact(() -> key.getEditor().setText("hiv_status"));
        robot.interact(() -> robot.lookup("#addAttributeButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, vm.design().attributes(), "a sensitive attribute is refused");
        String refused = robot.lookup("#attributeError").queryAs(Label.class).getText();
        assertTrue(refused.contains("“hiv_status”") && refused.contains("sensitive"), refused);
        robot.interact(() -> key.getEditor().setText("blood_group"));
        robot.interact(() -> robot.lookup("#addAttributeButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("blood_group", vm.design().attributes().get(vm.design().attributes().size() - 1));
        assertFalse(robot.lookup("#attributeError").queryAs(Label.class).isVisible());
        robot.interact(() -> {
            vm.addAttribute("phone_number");
            vm.addAttribute("gender");
        });
        assertEquals(CardDesign.MAX_ATTRIBUTES, vm.design().attributes().size());
        assertFalse(vm.addAttribute("org_unit"), "at most six");
        assertTrue(robot.lookup("#addAttributeButton").queryAs(Button.class).isDisabled());

        TextField hex = robot.lookup("#colourHexPrimary").queryAs(TextField.class);
        robot.interact(() -> hex.setText("#12345G"));
        Label colourError = robot.lookup("#colourErrorPrimary").queryAs(Label.class);
        assertTrue(colourError.isVisible() && colourError.getText().contains("#RRGGBB"), colourError.getText());
        assertNull(vm.design().primary(), "the design keeps its colour");
        robot.interact(() -> hex.setText("#123456"));
        assertEquals(Rgb.of("#123456"), vm.design().primary());
        assertFalse(colourError.isVisible());

        Path good = dir.resolve("logo.png");
        BufferedImage img = new BufferedImage(240, 120, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", good.toFile());
        robot.interact(() -> vm.addLogo(good));
        waitUntil(() -> vm.design().logos().size() == 1);
        Path bad = dir.resolve("broken.png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] bytes = out.toByteArray();
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length / 3);
        Files.write(bad, broken);
        robot.interact(() -> vm.addLogo(bad));
        waitUntil(() -> vm.logoErrorProperty().get() != null);
        assertEquals(1, vm.design().logos().size(), "the previous design is kept");
        String logoMessage = robot.lookup("#logoError").queryAs(Label.class).getText();
        assertTrue(logoMessage.startsWith("The logo"), logoMessage);
        Path tiny = dir.resolve("tiny.png");
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", tiny.toFile());
        robot.interact(() -> vm.addLogo(tiny));
        waitUntil(() -> vm.logoErrorProperty().get() != null
                && "render.error.logo.tooSmall".equals(vm.logoErrorProperty().get().messageKey()));
        assertTrue(robot.lookup("#logoError").queryAs(Label.class).getText().contains("20 × 10"));
        robot.interact(() -> robot.lookup("#logoRemove0").queryAs(Button.class).fire());
        assertEquals(0, vm.design().logos().size());
        waitReady();
    }

    @Test
    void designsAreSavedPerProgrammeAndTravelAsJson(FxRobot robot) throws Exception {
        CardDesignViewModel vm = view.viewModel();
        waitUntil(() -> vm.programs().size() == 1);
        ProgramInfo program = vm.programs().get(0);
        @SuppressWarnings("unchecked")
        ComboBox<ProgramInfo> chooser = robot.lookup("#designProgram").queryAs(ComboBox.class);
        robot.interact(() -> chooser.getSelectionModel().select(program));
        waitUntil(() -> !vm.loadingProperty().get() && vm.programProperty().get() != null);
        assertFalse(robot.lookup("#designDirty").query().isVisible());
        assertTrue(robot.lookup("#saveDesignButton").queryAs(Button.class).isDisabled());

        robot.interact(() -> {
            vm.setTemplate("emerald");
            vm.setTitle("Carte de suivi");
        });
        robot.interact(() -> robot.lookup("#colourHexPrimary").queryAs(TextField.class).setText("#0B5FA5"));
        assertTrue(robot.lookup("#designDirty").query().isVisible(), "unsaved changes shown");
        robot.clickOn("#saveDesignButton");
        waitUntil(() -> !vm.dirtyBinding().get());
        CardDesign saved = new DesignStore(registry).saved(PROGRAM).orElseThrow();
        assertEquals("emerald", saved.template());
        assertEquals("Carte de suivi", saved.title());
        assertEquals(Rgb.of("#0B5FA5"), saved.primary());
        assertTrue(new DesignStore(registry).saved(null).isEmpty(), "the default design is untouched");
        assertTrue(robot.lookup("#designNotice").queryAs(Label.class).getText().contains("Santé maternelle"));

        robot.interact(() -> chooser.getSelectionModel().select(0));
        waitUntil(() -> !vm.loadingProperty().get() && vm.programProperty().get() == null);
        assertEquals("vital", vm.design().template(), "the default design is the built-in one");
        robot.interact(() -> chooser.getSelectionModel().select(program));
        waitUntil(() -> !vm.loadingProperty().get() && "emerald".equals(vm.design().template()));
        assertEquals(DesignJson.hash(saved), DesignJson.hash(vm.design()));
        assertEquals("Carte de suivi", robot.lookup("#designTitle").queryAs(TextField.class).getText());

        Path file = dir.resolve("design.json");
        robot.interact(() -> vm.exportTo(file));
        waitUntil(() -> Files.exists(file));
        assertEquals(DesignJson.hash(saved), DesignJson.hash(DesignJson.read(Files.readAllBytes(file))));
        robot.interact(() -> vm.setTemplate("aurora"));
        robot.interact(() -> vm.importFrom(file));
        waitUntil(() -> "emerald".equals(vm.design().template()));
        assertEquals(DesignJson.hash(saved), DesignJson.hash(vm.design()), "the round trip keeps everything");
        assertFalse(vm.dirtyBinding().get());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ not json");
        robot.interact(() -> vm.importFrom(broken));
        waitUntil(() -> vm.noticeProperty().get() != null && vm.noticeProperty().get().error());
        assertEquals("The design file is not valid JSON.",
                robot.lookup("#designNotice").queryAs(Label.class).getText());
        assertEquals("emerald", vm.design().template(), "a refused import keeps the design");
        waitReady();
    }

    @Test
    void aLockedRegistryStillDesignsWithSampleData(FxRobot robot) {
        waitReady();
        robot.interact(() -> registryProperty.set(null));
        WaitForAsyncUtils.waitForFxEvents();
        Label hint = robot.lookup("#designLockedHint").queryAs(Label.class);
        assertTrue(hint.isVisible() && hint.getText().startsWith("The registry is locked"), hint.getText());
        assertTrue(robot.lookup("#designProgram").query().isDisabled());
        assertTrue(robot.lookup("#generateCardsButton").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#previewPerson").query().isDisabled());
        List<String> seen = new ArrayList<>();
        robot.interact(() -> {
            view.viewModel().setTemplate("sovereign");
            seen.add(String.valueOf(robot.lookup("#designSovereign").query().isVisible()));
        });
        assertEquals(List.of("true"), seen, "the sovereign settings show for the sovereign template");
        waitReady();
        assertTrue(dotIs(robot, "ready"), "the preview works offline");
        assertTrue(robot.lookup("#saveDesignButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> view.viewModel().setTemplate("vital"));
        assertFalse(robot.lookup("#designSovereign").query().isVisible());
        robot.interact(() -> registryProperty.set(registry));
        waitUntil(() -> view.viewModel().programs().size() == 1);
        assertFalse(hint.isVisible());
        waitReady();
    }
}
