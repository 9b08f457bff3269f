package org.carnet.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.ServiceLoader;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Messages;
import org.carnet.core.guard.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The headless command line: {@code carnet [--home DIR] [--debug] <command> ...}. Exit codes: 0 success, 1 the
 * command failed (one clear line on stderr; the stack trace only with {@code --debug}), 2 a usage error such as an
 * unknown command or option.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** How the launcher should start: a window, or a headless command. */
    public record Startup(boolean gui, String home, boolean debug) {
    }

    private final CliContext context;

    public Cli(CliContext context) {
        this.context = context;
    }

    /** A CLI writing to the process's standard streams, in the JVM's default language. */
    public static Cli standard() {
        Locale locale = Locale.getDefault();
        return new Cli(new CliContext(System.getenv(), System.getProperty("user.home"),
                new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                supported(locale)));
    }

    static Locale supported(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    /**
     * Tells the window case from the command case: only global options ({@code --home DIR}, {@code --debug}) or none
     * at all open the window; anything else is a command (including {@code help} and {@code --version}).
     */
    public static Startup inspect(String[] args) {
        String home = null;
        boolean debug = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--debug")) {
                debug = true;
            } else if (a.equals("--home") && i + 1 < args.length) {
                home = args[++i];
            } else if (a.startsWith("--home=")) {
                home = a.substring("--home=".length());
            } else {
                return new Startup(false, home, debug);
            }
        }
        return new Startup(true, home, debug);
    }

    /** The picocli command tree with every feature's commands and localised help. */
    public CommandLine commandLine() {
        RootCommand root = new RootCommand(context);
        CommandLine cl = new CommandLine(root);
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        for (CliModule module : ServiceLoader.load(CliModule.class, Cli.class.getClassLoader())) {
            for (Object command : module.commands(context)) {
                cl.addSubcommand(command);
            }
        }
        ResourceBundle bundle = Messages.bundle(context.locale());
        cl.setResourceBundle(bundle);
        describe(cl, bundle, "root");
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(this::onUsageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> onFailure(ex));
        return cl;
    }

    private static void describe(CommandLine cl, ResourceBundle bundle, String key) {
        CommandSpec spec = cl.getCommandSpec();
        try {
            String text = bundle.getString("cli.cmd." + key);
            spec.usageMessage().description(text);
            if (spec.usageMessage().header().length > 0) {
                spec.usageMessage().header(text);
            }
        } catch (MissingResourceException e) {
            // keep the description given in the annotation
        }
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().parent() == spec && sub.getKey().equals(sub.getValue().getCommandName())) {
                describe(sub.getValue(), bundle, key.equals("root") ? sub.getKey() : key + "." + sub.getKey());
            }
        }
    }

    public int execute(String... args) {
        try {
            return commandLine().execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /** Reports a failure outside a command (the window could not open): one line, exit code 1. */
    public int fatal(String messageKey, Throwable cause, boolean debug) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        context.err().println("carnet: " + context.text(messageKey, Redactor.global().redact(detail)));
        if (debug) {
            cause.printStackTrace(context.err());
        }
        context.err().flush();
        return FAILED;
    }

    private int onUsageError(ParameterException ex, String[] args) {
        String message;
        if (ex instanceof UnmatchedArgumentException u && isUnknownCommand(u)) {
            String unknown = u.getUnmatched().get(0);
            List<String> suggestions = new ArrayList<>(u.getSuggestions());
            message = suggestions.isEmpty()
                    ? context.text("cli.error.unknownCommand", unknown)
                    : context.text("cli.error.unknownCommandSuggest", unknown, String.join(", ", suggestions));
        } else {
            message = context.text("cli.error.usage", Redactor.global().redact(ex.getMessage()),
                    ex.getCommandLine().getCommandSpec().qualifiedName().replaceFirst("^carnet\\s*", "").strip());
        }
        context.err().println("carnet: " + message);
        if (context.debug()) {
            ex.printStackTrace(context.err());
        }
        return USAGE;
    }

    private static boolean isUnknownCommand(UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        return !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")
                && !u.getCommandLine().getSubcommands().isEmpty();
    }

    private int onFailure(Exception ex) {
        String message;
        if (ex instanceof AppException app) {
            message = Messages.describe(context.locale(), app);
        } else {
            String detail = ex.getMessage() == null ? ex.getClass().getSimpleName()
                    : ex.getClass().getSimpleName() + ": " + ex.getMessage();
            message = context.text("cli.error.unexpected", Redactor.global().redact(detail));
        }
        context.err().println("carnet: " + Redactor.global().redact(message));
        if (context.debug()) {
            ex.printStackTrace(context.err());
        }
        return FAILED;
    }
}
