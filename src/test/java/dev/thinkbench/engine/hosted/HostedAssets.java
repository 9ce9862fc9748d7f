package dev.thinkbench.engine.hosted;

import dev.thinkbench.core.PriceTable;
import dev.thinkbench.core.ReasoningEvent;
import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.Price;
import dev.thinkbench.testing.CollectingSink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's hosted-model table and prices, as the app loads them, for the hosted engine tests. */
public final class HostedAssets {

    private HostedAssets() {
    }

    /** {@code assets/hosted-models.json}. */
    public static HostedModels models() {
        try (InputStream in = Files.newInputStream(Path.of("assets/hosted-models.json"))) {
            return HostedModels.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code assets/pricing.json}. */
    public static PriceTable prices() {
        try (InputStream in = Files.newInputStream(Path.of("assets/pricing.json"))) {
            return PriceTable.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run's events folded by a recorder with {@code price}, as a comparison column folds them. */
    public static RunRecorder recorded(CollectingSink sink, Price price) {
        RunRecorder recorder = new RunRecorder(price);
        for (ReasoningEvent e : sink.events()) {
            recorder.accept(e);
        }
        return recorder;
    }
}
