package org.carnet.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.carnet.app.logging.Logging;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Messages;
import org.carnet.core.settings.AppHome;
import org.carnet.core.settings.AppSettings;
import org.carnet.core.settings.SettingsStore;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code carnet self-test}: checks, without a display, that this installation works: the home folder, settings,
 * the masking log file and both languages. Used by the packaging smoke test.
 */
@Command(name = "self-test")
final class SelfTestCommand implements Callable<Integer> {
    private final CliContext context;

    SelfTestCommand(CliContext context) {
        this.context = context;
    }

    private interface Check {
        void run() throws Exception;
    }

    @Override
    public Integer call() throws AppException {
        AppHome home = context.existingHome();
        List<String> failed = new ArrayList<>();
        check("cli.selftest.home", failed, () -> {
            Path probe = Files.createTempFile(home.root(), "probe", ".tmp");
            Files.delete(probe);
        });
        check("cli.selftest.settings", failed, () -> {
            Path dir = Files.createTempDirectory("carnet-selftest");
            try {
                SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
                AppSettings s = new AppSettings();
                s.setLanguage("fr");
                store.save(s);
                if (!"fr".equals(store.load().getLanguage())) {
                    throw new IllegalStateException("settings did not round-trip");
                }
            } finally {
                deleteTree(dir);
            }
        });
        check("cli.selftest.logging", failed, () -> {
            Logging.configure(home.logsDir(), context.debug());
            String planted = "+221 77 000 00 00";
            LoggerFactory.getLogger(SelfTestCommand.class).info("self-test masking probe {}", planted);
            Path log = home.logsDir().resolve("carnet.log");
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains(planted) || !text.contains("self-test masking probe <phone>")) {
                throw new IllegalStateException("log masking failed");
            }
        });
        check("cli.selftest.languages", failed, () -> {
            Set<String> en = new TreeSet<>(Messages.bundle(Locale.ENGLISH).keySet());
            ResourceBundle frBundle = Messages.bundle(Locale.FRENCH);
            Set<String> fr = new TreeSet<>(frBundle.keySet());
            if (!en.equals(fr)) {
                throw new IllegalStateException("English and French keys differ");
            }
        });
        if (!failed.isEmpty()) {
            throw new AppException("cli.selftest.failed", "self-test failed: " + failed, String.join(", ", failed));
        }
        context.out().println(context.text("cli.selftest.ok"));
        return Cli.OK;
    }

    private void check(String key, List<String> failed, Check check) {
        try {
            check.run();
            context.out().println("  [ok]   " + context.text(key));
        } catch (Exception | AssertionError e) {
            failed.add(context.text(key));
            context.out().println("  [FAIL] " + context.text(key) + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
