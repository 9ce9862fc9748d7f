package dev.thinkbench.cli;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.lab.sweep.RunKey;
import dev.thinkbench.lab.sweep.SweepEvent;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SweepProgressPrinterTest {

    @Test
    void aBackoffNamesTheRunAndTheTryBeforeTheServersWordsAndTheWaitAfterThem() {
        StringWriter text = new StringWriter();
        SweepProgressPrinter printer = new SweepProgressPrinter(new PrintWriter(text), Duration.ofSeconds(2));

        printer.on(new SweepEvent.Backoff(new RunKey("p2", "low", "effort:low", "fixed", 0), "http://127.0.0.1:8000/v1",
                FailureKind.RATE_LIMITED, "The server is rate-limiting requests (HTTP 429). It asks to wait 2 s.",
                Duration.ofMillis(2000), 1));

        assertThat(text.toString().strip()).isEqualTo("sweep: run p2 · low · fixed #0, try 1 on "
                + "http://127.0.0.1:8000/v1: The server is rate-limiting requests (HTTP 429). It asks to wait 2 s. "
                + "Trying again in 2 s.");
    }

    @Test
    void theModelsLoadBeforeTheFirstRunIsSaidWithItsTimeOrWhyItFailed() {
        StringWriter text = new StringWriter();
        SweepProgressPrinter printer = new SweepProgressPrinter(new PrintWriter(text), Duration.ofSeconds(2));

        printer.on(new SweepEvent.ModelLoading("builtin", "micro-reasoner.gguf"));
        printer.on(new SweepEvent.ModelLoaded("builtin", "micro-reasoner.gguf", 2500L, null));
        printer.on(new SweepEvent.ModelLoaded("builtin", "micro-reasoner.gguf", null, null));
        printer.on(new SweepEvent.ModelLoaded("builtin", "big.gguf", null, "llama.cpp could not load big.gguf"));

        assertThat(text.toString().lines()).containsExactly("sweep: loading model micro-reasoner.gguf ...",
                "sweep: loaded micro-reasoner.gguf in 2.5 s",
                "sweep: could not load big.gguf: llama.cpp could not load big.gguf.");
    }
}
