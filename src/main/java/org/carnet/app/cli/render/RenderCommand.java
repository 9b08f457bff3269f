package org.carnet.app.cli.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.carnet.app.cli.Cli;
import org.carnet.app.cli.CliContext;
import org.carnet.app.cli.registry.RegistrySession;
import org.carnet.core.cards.CardSource;
import org.carnet.core.common.AppException;
import org.carnet.core.common.AtomicFiles;
import org.carnet.core.registry.Registry;
import org.carnet.core.render.CardData;
import org.carnet.core.render.CardDesign;
import org.carnet.core.render.CardRenderer;
import org.carnet.core.render.PdfCardWriter;
import org.carnet.core.render.PngOutput;
import org.carnet.core.render.Side;
import org.carnet.core.render.Templates;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carnet render --template NAME (--sample | --mpi-id ID) [--design FILE] [--side front|back]
 * [--format png|pdf] [--dpi 300] [--layout cards|card-media|a4] [--lang fr|en] --out FILE}: one card, from the
 * built-in sample (no Carnet home needed) or from a person in the registry.
 */
@Command(name = "render")
final class RenderCommand implements Callable<Integer> {
    static final class Who {
        @Option(names = "--sample", required = true, descriptionKey = "cli.option.renderSample")
        boolean sample;

        @Option(names = "--mpi-id", paramLabel = "ID", required = true, descriptionKey = "cli.option.renderMpiId")
        String mpiId;
    }

    @Option(names = "--template", paramLabel = "NAME", descriptionKey = "cli.option.renderTemplate")
    String template;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    @Option(names = "--program", paramLabel = "UID", descriptionKey = "cli.option.renderProgram")
    String program;

    @Option(names = "--design", paramLabel = "FILE", descriptionKey = "cli.option.renderDesign")
    Path design;

    @Option(names = "--side", paramLabel = "front|back", descriptionKey = "cli.option.renderSide")
    String side;

    @Option(names = "--format", paramLabel = "png|pdf", defaultValue = "png", descriptionKey = "cli.option.renderFormat")
    String format;

    @Option(names = "--dpi", paramLabel = "300|600", defaultValue = "300", descriptionKey = "cli.option.renderDpi")
    int dpi;

    @Option(names = "--layout", paramLabel = "cards|card-media|a4", defaultValue = "cards",
            descriptionKey = "cli.option.renderLayout")
    String layout;

    @Option(names = "--lang", paramLabel = "fr|en", descriptionKey = "cli.option.renderLang")
    String lang;

    @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "cli.option.renderOut")
    Path out;

    private final CliContext ctx;

    RenderCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws AppException, IOException {
        CardDesign d = design();
        if (dpi != 300 && dpi != 600) {
            throw new AppException("cli.render.dpi", "dpi must be 300 or 600", dpi);
        }
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!fmt.equals("png") && !fmt.equals("pdf")) {
            throw new AppException("cli.render.format", "format must be png or pdf", format);
        }
        Side s = side == null ? null : parseSide(side);
        CardData data = data(d.language());
        CardRenderer renderer = new CardRenderer();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        if (fmt.equals("png")) {
            Side one = s == null ? Side.FRONT : s;
            BufferedImage img = layout.equals("card-media") ? renderer.renderOnCard(d, data, one, dpi)
                    : renderer.render(d, data, one, dpi);
            AtomicFiles.writeBinary(out, "render.error.write", o -> PngOutput.write(img, dpi, false, o));
            ctx.out().println(ctx.text("cli.render.png", out, img.getWidth(), img.getHeight(), dpi));
            return Cli.OK;
        }
        PdfCardWriter w = new PdfCardWriter(out, layout(), dpi, renderer);
        int pages;
        try {
            if (s == null) {
                w.add(d, data);
            } else {
                w.addSide(d, data, s);
            }
            pages = w.pages();
            w.close();
        } catch (AppException | IOException | RuntimeException e) {
            w.discard();
            throw e;
        }
        ctx.out().println(ctx.text("cli.render.pdf", out, pages));
        return Cli.OK;
    }

    private CardDesign design() throws AppException, IOException {
        CardDesign d;
        if (design != null) {
            d = DesignFiles.read(design);
            if (template != null) {
                d = d.withTemplate(template);
            }
        } else {
            if (template == null) {
                throw new AppException("cli.render.noTemplate", "--template or --design is required",
                        String.join(", ", Templates.ids()));
            }
            d = CardDesign.defaults(template);
        }
        if (lang != null) {
            d = d.withLanguage(lang);
        }
        return d.validate();
    }

    private CardData data(String language) throws AppException {
        if (who.sample) {
            return CardData.sample();
        }
        try (Registry registry = RegistrySession.open(ctx)) {
            return new CardSource(registry).forIdentity(who.mpiId, program, language, LocalDate.now());
        }
    }

    private PdfCardWriter.Layout layout() throws AppException {
        return switch (layout.strip().toLowerCase(Locale.ROOT)) {
            case "cards" -> PdfCardWriter.Layout.CARDS;
            case "card-media" -> PdfCardWriter.Layout.CARD_MEDIA;
            case "a4" -> PdfCardWriter.Layout.A4_SHEETS;
            default -> throw new AppException("cli.render.layout", "unknown layout", layout);
        };
    }

    private static Side parseSide(String s) throws AppException {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "front" -> Side.FRONT;
            case "back" -> Side.BACK;
            default -> throw new AppException("cli.render.side", "side must be front or back", s);
        };
    }
}
