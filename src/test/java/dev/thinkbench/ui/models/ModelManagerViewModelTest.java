package dev.thinkbench.ui.models;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.local.LocalEngineException;
import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.models.CatalogModel;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.LoopbackFileServer;
import dev.thinkbench.engine.local.models.ModelDownloader;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.testing.QueuedTestTasks;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Pause, resume, delete and settings validation, driven without a window (drain called by the test). */
@Timeout(180)
class ModelManagerViewModelTest {

    @TempDir
    Path home;

    /** Drains as the UI's frame pulse would until the condition holds; a generous bound, then a clear failure. */
    private final QueuedTestTasks tasks = new QueuedTestTasks();

    @org.junit.jupiter.api.AfterEach
    void stopTasks() {
        tasks.close();
    }

    /** Ollama's "micro:latest" in the test home: a tiny GGUF blob under {@code digest} and its manifest. */
    private void ollamaMicro(String digest) throws java.io.IOException {
        Path blob = home.resolve(".ollama/models/blobs/sha256-" + digest);
        Files.createDirectories(blob.getParent());
        TinyGguf.write(blob);
        Path manifest = home.resolve(".ollama/models/manifests/registry.ollama.ai/library/micro/latest");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "{\"layers\":[{\"mediaType\":\"application/vnd.ollama.image.model\","
                + "\"digest\":\"sha256:" + digest + "\"}]}");
    }

    private void drainUntil(ModelManagerViewModel vm, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 9000 && !condition.getAsBoolean(); i++) {
            tasks.drain();
            vm.drain();
            Thread.sleep(10);
        }
        tasks.drain();
        vm.drain();
        assertThat(condition.getAsBoolean()).as("condition reached while draining").isTrue();
    }

    @Test
    void pauseKeepsThePartialFileResumeFinishesAndDeleteRemovesIt() throws Exception {
        byte[] model = Files.readAllBytes(TinyGguf.write(home.resolve("source.gguf")));
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.stall = new CountDownLatch(1);
            server.stallResponses = 1;
            CatalogModel tiny = new CatalogModel("tiny", "Tiny", "llama", "120K", "F32", model.length, "MIT",
                    server.url(), null, "chatml-think", false, "");
            ModelStore store = ModelStore.inDataDirectory(home);
            ModelManagerViewModel vm = new ModelManagerViewModel(List.of(tiny), store, new ExternalModels(home,
                    Map.of()), new ModelDownloader(HttpClient.newHttpClient(), p -> -1, 2, Duration.ofMillis(10),
                    Duration.ofSeconds(20)), tasks, () -> -1, new LocalEngineSettings(2, 4096));
            CatalogEntry entry = vm.catalog().getFirst();

            vm.download(entry);
            drainUntil(vm, () -> entry.progressProperty().get() > 0);
            assertThat(vm.downloadUnderWay()).as("a close names it").matches("Tiny, \\d+%");
            vm.pause(entry);
            drainUntil(vm, () -> entry.stateProperty().get() == CatalogEntry.State.PAUSED);
            assertThat(vm.downloadUnderWay()).as("paused: nothing under way").isNull();
            server.stall.countDown();

            assertThat(entry.stateProperty().get()).isEqualTo(CatalogEntry.State.PAUSED);
            assertThat(store.partialBytes(tiny)).isPositive();
            assertThat(store.installedFile(tiny)).isEmpty();

            vm.download(entry);
            drainUntil(vm, () -> entry.stateProperty().get() == CatalogEntry.State.INSTALLED);

            assertThat(store.installedFile(tiny)).isPresent();
            assertThat(server.rangesSeen.getLast()).startsWith("bytes=");
            assertThat(vm.models()).extracting(m -> m.path().getFileName().toString()).contains("model.gguf");

            vm.delete(entry);
            drainUntil(vm, () -> entry.stateProperty().get() == CatalogEntry.State.AVAILABLE);

            assertThat(store.installedFile(tiny)).isEmpty();
            assertThat(vm.models()).isEmpty();
        }
    }

    private ModelManagerViewModel downloading(CatalogModel... models) {
        return new ModelManagerViewModel(List.of(models), ModelStore.inDataDirectory(home), new ExternalModels(home,
                Map.of()), new ModelDownloader(HttpClient.newHttpClient(), p -> -1, 2, Duration.ofMillis(10),
                Duration.ofSeconds(20)), tasks, () -> -1, new LocalEngineSettings(2, 4096));
    }

    private static CatalogModel tiny(LoopbackFileServer server, String quantization, long size) {
        return new CatalogModel("tiny-" + quantization.toLowerCase(java.util.Locale.ROOT), "Tiny", "llama", "120K",
                quantization, size, "MIT", server.url(), null, "chatml-think", false, "");
    }

    @Test
    void cancelStopsTheDownloadDeletesWhatItWroteAndTheModelIsAvailableAgain() throws Exception {
        byte[] model = Files.readAllBytes(TinyGguf.write(home.resolve("source.gguf")));
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.stall = new CountDownLatch(1);
            CatalogModel tiny = tiny(server, "F32", model.length);
            ModelStore store = ModelStore.inDataDirectory(home);
            ModelManagerViewModel vm = downloading(tiny);
            CatalogEntry entry = vm.catalog().getFirst();
            vm.download(entry);
            drainUntil(vm, () -> entry.progressProperty().get() > 0);
            assertThat(store.partialBytes(tiny)).as("a partial file to delete").isPositive();

            vm.cancel(entry);
            assertThat(entry.detailProperty().get()).isEqualTo("cancelling\u2026");
            drainUntil(vm, () -> entry.stateProperty().get() == CatalogEntry.State.AVAILABLE);

            try (var left = Files.list(store.directory())) {
                assertThat(left).as("nothing left on disk").isEmpty();
            }
            assertThat(entry.detailProperty().get()).as("the license, as before the download").isEqualTo("MIT");
            assertThat(entry.progressProperty().get()).isZero();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.downloadUnderWay()).isNull();

            server.stall.countDown();
            server.stall = null;
            vm.download(entry);
            drainUntil(vm, () -> entry.stateProperty().get() == CatalogEntry.State.INSTALLED);
            assertThat(server.rangesSeen.getLast()).as("downloaded again from the first byte").isEqualTo("none");
        }
    }

    /**
     * The user trial: three downloads finished and the engine bar still said "1 model" and listed none of them until
     * F5; deleting one left it listed there.
     */
    @Test
    void aFinishedDownloadAndADeletedOneTellTheEngineBarToListTheModelsAgain() throws Exception {
        byte[] model = Files.readAllBytes(TinyGguf.write(home.resolve("source.gguf")));
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            ModelManagerViewModel vm = downloading(tiny(server, "F32", model.length));
            java.util.concurrent.atomic.AtomicInteger relisted = new java.util.concurrent.atomic.AtomicInteger();
            vm.setOnListChanged(relisted::incrementAndGet);
            CatalogEntry entry = vm.catalog().getFirst();

            vm.download(entry);
            drainUntil(vm, () -> entry.stateProperty().get() == CatalogEntry.State.INSTALLED);
            assertThat(relisted.get()).as("told once the download is a model").isEqualTo(1);

            vm.delete(entry);
            drainUntil(vm, () -> entry.stateProperty().get() == CatalogEntry.State.AVAILABLE);
            assertThat(relisted.get()).as("told once the model is gone").isEqualTo(2);
        }
    }

    /**
     * The user trial: the disk filled mid-download, the line said "free some space and resume", but the button said
     * Download and no Delete was offered for the part kept on the full disk.
     */
    @Test
    void aFailureThatKeptAPartToResumeOffersResumeAndDelete() throws Exception {
        byte[] model = Files.readAllBytes(TinyGguf.write(home.resolve("source.gguf")));
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            CatalogModel tiny = tiny(server, "F32", model.length);
            ModelStore store = ModelStore.inDataDirectory(home);
            Path part = ModelDownloader.partFile(store.target(tiny));
            Files.createDirectories(part.getParent());
            Files.write(part, java.util.Arrays.copyOf(model, model.length / 2));
            ModelManagerViewModel vm = new ModelManagerViewModel(List.of(tiny), store, new ExternalModels(home,
                    Map.of()), new ModelDownloader(HttpClient.newHttpClient(), p -> 1_000, 2, Duration.ofMillis(10),
                    Duration.ofSeconds(20)), tasks, () -> -1, new LocalEngineSettings(2, 4096));
            CatalogEntry entry = vm.catalog().getFirst();

            vm.download(entry);
            drainUntil(vm, () -> entry.stateProperty().get() != CatalogEntry.State.DOWNLOADING);

            assertThat(entry.stateProperty().get()).as("Resume and Delete on offer").isEqualTo(
                    CatalogEntry.State.PAUSED);
            assertThat(entry.detailProperty().get()).startsWith("not enough disk space");
            assertThat(vm.errorProperty().get()).startsWith("Tiny \u00b7 F32: not enough disk space");
            assertThat(store.partialBytes(tiny)).isEqualTo(model.length / 2);
            assertThat(entry.progressProperty().get()).as("the bar shows the part kept").isCloseTo(0.5,
                    org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void aFailureThatKeptNothingOffersADownloadAgain() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(new byte[0])) {
            server.status = 503;
            ModelManagerViewModel vm = downloading(tiny(server, "F32", 1000));
            CatalogEntry entry = vm.catalog().getFirst();

            vm.download(entry);
            drainUntil(vm, () -> entry.stateProperty().get() != CatalogEntry.State.DOWNLOADING);

            assertThat(entry.stateProperty().get()).isEqualTo(CatalogEntry.State.FAILED);
            assertThat(entry.detailProperty().get()).contains("503");
        }
    }

    /**
     * The user trial: a failed download's line stayed under the list after Rescan, beside the same model's line
     * offering Download again.
     */
    @Test
    void aRescanThatFindsNoProblemClearsTheLastOneShown() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(new byte[0])) {
            server.status = 404;
            ModelManagerViewModel vm = downloading(tiny(server, "F32", 1000));
            CatalogEntry entry = vm.catalog().getFirst();
            vm.download(entry);
            drainUntil(vm, () -> entry.stateProperty().get() == CatalogEntry.State.FAILED);
            assertThat(vm.errorProperty().get()).contains("404");

            vm.rescan();
            drainUntil(vm, () -> vm.errorProperty().get().isEmpty());

            assertThat(entry.stateProperty().get()).as("offered again").isEqualTo(CatalogEntry.State.AVAILABLE);
        }
    }

    /** Two catalog entries may share a name: a failure said "Tiny: ..." for either. */
    @Test
    void aFailedDownloadNamesTheModelWithItsQuantization() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(new byte[0])) {
            server.status = 404;
            ModelManagerViewModel vm = downloading(tiny(server, "Q8_0", 1000), tiny(server, "F32", 1000));
            CatalogEntry f32 = vm.catalog().getLast();

            vm.download(f32);
            drainUntil(vm, () -> f32.stateProperty().get() == CatalogEntry.State.FAILED);

            assertThat(vm.errorProperty().get()).isEqualTo("Tiny \u00b7 F32: the server has no such file (404): "
                    + server.url());
            assertThat(f32.detailProperty().get()).isEqualTo("the server has no such file (404): " + server.url());
        }
    }

    /**
     * The line under a running download, on a clock the test moves: bytes alone at first, a stall said as one once
     * no byte has come for seconds, then the speed (over the stall too) when the rest arrives.
     */
    @Test
    void aRunningDownloadSaysItsSpeedOrThatItStalledOnTheClockItIsGiven() throws Exception {
        byte[] model = Files.readAllBytes(TinyGguf.write(home.resolve("source.gguf")));
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.stall = new CountDownLatch(1);
            AtomicLong now = new AtomicLong();
            Semaphore reports = new Semaphore(0);
            ModelManagerViewModel vm = downloading(tiny(server, "F32", model.length));
            vm.useClock(now::get);
            vm.setWake(reports::release);
            CatalogEntry entry = vm.catalog().getFirst();

            vm.download(entry);
            drainUntil(vm, () -> entry.progressProperty().get() > 0);
            assertThat(entry.detailProperty().get()).matches("\\d+ KB of 489 KB");

            now.set(7_000_000_000L);
            vm.drain();
            assertThat(entry.detailProperty().get()).matches("\\d+ KB of 489 KB \u00b7 stalled: no data for 7 s");

            now.set(8_000_000_000L);
            server.stall.countDown();
            // the outcome waits in the task queue (not drained here), so the last report stays to be read
            while (entry.progressProperty().get() < 1) {
                assertThat(reports.tryAcquire(60, TimeUnit.SECONDS)).as("a progress report").isTrue();
                vm.drain();
            }
            assertThat(entry.detailProperty().get()).as("about 485 KB in 8 s")
                    .matches("489 KB of 489 KB \u00b7 6[01] KB/s");
            drainUntil(vm, () -> entry.stateProperty().get() == CatalogEntry.State.INSTALLED);
        }
    }

    @Test
    void outOfRangeSettingsAreRefusedWithTheReason() {
        ModelManagerViewModel vm = new ModelManagerViewModel(List.of(), ModelStore.inDataDirectory(home),
                new ExternalModels(home, Map.of()), new ModelDownloader(), tasks, () -> -1,
                LocalEngineSettings.defaults());

        vm.contextSizeProperty().set(16);

        assertThat(vm.settings()).isNull();
        assertThat(vm.errorProperty().get()).contains("The context must be 128 to 262,144 tokens");
        vm.contextSizeProperty().set(2048);
        assertThat(vm.settings()).isEqualTo(new LocalEngineSettings(vm.threadsProperty().get(), 2048));
    }

    /** Threads = 256 saved on a 2-core machine ran 268 threads: the tab offers one per core and says how many. */
    @Test
    void moreThreadsThanCoresAreNotPassedOnAndTheCoresAreNamed() {
        ModelManagerViewModel vm = new ModelManagerViewModel(List.of(), ModelStore.inDataDirectory(home),
                new ExternalModels(home, Map.of()), new ModelDownloader(), tasks, () -> -1,
                new LocalEngineSettings(256, 4096), 2);
        List<LocalEngineSettings> saved = new ArrayList<>();
        vm.setOnSettingsChanged(saved::add);

        assertThat(vm.threadsProperty().get()).as("a saved 256 is brought down to the cores").isEqualTo(2);
        assertThat(vm.maxThreads()).isEqualTo(2);
        vm.threadsProperty().set(3);

        assertThat(saved).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Threads must be 1 to 2 (you typed 3): this computer has 2 "
                + "cores, and more threads than cores only wait for each other.");
    }

    @Test
    void validSettingChangesArePassedOnAndOutOfRangeOnesAreNot() {
        ModelManagerViewModel vm = new ModelManagerViewModel(List.of(), ModelStore.inDataDirectory(home),
                new ExternalModels(home, Map.of()), new ModelDownloader(), tasks, () -> -1,
                new LocalEngineSettings(2, 4096), 8);
        List<LocalEngineSettings> saved = new ArrayList<>();
        vm.setOnSettingsChanged(saved::add);

        vm.threadsProperty().set(3);
        vm.contextSizeProperty().set(16);
        vm.contextSizeProperty().set(8192);

        assertThat(saved).containsExactly(new LocalEngineSettings(3, 4096), new LocalEngineSettings(3, 8192));
        assertThat(vm.errorProperty().get()).contains("The context must be 128 to");
    }

    @Test
    void aModelTheEngineRefusesShowsOneSentenceWithTheEngineLogAsDetails() throws Exception {
        Path file = TinyGguf.write(home.resolve("tiny.gguf"));
        ModelManagerViewModel vm = new ModelManagerViewModel(List.of(), ModelStore.inDataDirectory(home),
                new ExternalModels(home, Map.of()), new ModelDownloader(), tasks, () -> -1,
                new LocalEngineSettings(2, 4096));
        List<String> log = List.of("llama_model_loader: loaded meta data with 20 key-value pairs",
                "llama_model_load: error loading model: check_tensor_dims: tensor 'x' has wrong shape");
        vm.setLoader(model -> {
            throw new LocalEngineException(FailureKind.BAD_REQUEST, "llama.cpp could not load tiny.gguf: "
                    + log.getLast(), log);
        });

        vm.choose(ModelStore.open(file));
        drainUntil(vm, () -> !vm.errorProperty().get().isEmpty());

        assertThat(vm.errorProperty().get()).isEqualTo("llama.cpp could not load tiny.gguf: " + log.getLast());
        assertThat(vm.detailsProperty().get()).isEqualTo(String.join("\n", log));
        assertThat(vm.loadStatusProperty().get()).isEmpty();

        vm.setLoader(model -> { });
        vm.choose(ModelStore.open(file));
        drainUntil(vm, () -> vm.loadStatusProperty().get().endsWith("is loaded in the built-in engine"));

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.detailsProperty().get()).isEmpty();
    }

    @Test
    void aCatalogLicenseIsSaidInTheWindowsLanguage() throws Exception {
        CatalogModel distill = new CatalogModel("distill", "Distill", "qwen2", "1.5B", "Q4_K_M", 1000,
                "MIT (base model Qwen2.5-Math-1.5B: Apache-2.0)", java.net.URI.create("https://example.org/d.gguf"),
                null, "deepseek-r1", false, "");
        dev.thinkbench.ui.common.Messages.setLocale(java.util.Locale.KOREAN);
        try {
            ModelManagerViewModel vm = new ModelManagerViewModel(List.of(distill), ModelStore.inDataDirectory(home),
                    new ExternalModels(home, Map.of()), new ModelDownloader(), tasks, () -> -1,
                    new LocalEngineSettings(2, 4096));
            CatalogEntry entry = vm.catalog().getFirst();
            vm.refresh();
            drainUntil(vm, () -> !entry.detailProperty().get().isEmpty());

            assertThat(entry.detailProperty().get()).isEqualTo("MIT (기반 모델 Qwen2.5-Math-1.5B: Apache-2.0)");
        } finally {
            dev.thinkbench.ui.common.Messages.setLocale(java.util.Locale.ENGLISH);
        }
    }

    private ModelManagerViewModel withOpened(dev.thinkbench.engine.local.models.OpenedModels opened) {
        ModelManagerViewModel vm = new ModelManagerViewModel(List.of(), ModelStore.inDataDirectory(home),
                new ExternalModels(home, Map.of()), new ModelDownloader(), tasks, () -> -1,
                new LocalEngineSettings(2, 4096), 2);
        vm.setOpenedModels(opened);
        return vm;
    }

    /**
     * An opened GGUF was gone from "On this machine" after a restart though the tab said "In use: my-model.gguf":
     * it is remembered, a vanished one is listed as missing, and Forget takes it off.
     */
    @Test
    void anOpenedFileIsListedAfterARestartAMissingOneSaysSoAndForgetTakesItOff() throws Exception {
        Path file = TinyGguf.write(home.resolve("elsewhere/my-model.gguf"));
        Path data = home.resolve("data");
        ModelManagerViewModel first = withOpened(dev.thinkbench.engine.local.models.OpenedModels.inDataDirectory(data));
        List<Runnable> relisted = new ArrayList<>();
        first.open(file);
        drainUntil(first, () -> first.inUseProperty().get() != null);
        assertThat(first.models()).extracting(m -> m.displayName()).containsExactly("my-model.gguf");

        ModelManagerViewModel restarted = withOpened(
                dev.thinkbench.engine.local.models.OpenedModels.inDataDirectory(data));
        restarted.setOnListChanged(() -> relisted.add(() -> { }));
        restarted.refresh();
        drainUntil(restarted, () -> !restarted.models().isEmpty());
        assertThat(restarted.models()).singleElement().satisfies(m -> assertThat(m.usable()).isTrue());

        Files.delete(file);
        restarted.setInUse(file);
        assertThat(restarted.inUseLine()).isEqualTo("In use: my-model.gguf, but the file does not exist. Pick "
                + "another model here or in the engine bar, or open the file again.");
        restarted.refresh();
        drainUntil(restarted, () -> !restarted.models().getFirst().usable());
        assertThat(restarted.models().getFirst().problem()).endsWith("does not exist (moved or deleted?)");

        restarted.forget(restarted.models().getFirst());
        drainUntil(restarted, () -> restarted.models().isEmpty());
        assertThat(relisted).as("the engine bar lists again").hasSize(1);
        assertThat(dev.thinkbench.engine.local.models.OpenedModels.inDataDirectory(data).files()).isEmpty();
    }

    /**
     * An Ollama model showed as "In use: sha256-6ebb91e9..." and "sha256-... is loaded"; a model chosen in the engine
     * bar left "my-model.gguf is loaded" beside "In use: ghost.gguf".
     */
    @Test
    void theModelInUseIsNamedAsPeopleKnowItAndAnotherChoiceTakesAwayTheOldLoadStatus() throws Exception {
        ollamaMicro("a".repeat(64));
        ModelManagerViewModel vm = withOpened(dev.thinkbench.engine.local.models.OpenedModels.none());
        vm.setLoader(model -> { });
        vm.refresh();
        drainUntil(vm, () -> !vm.models().isEmpty());

        vm.choose(vm.models().getFirst());
        drainUntil(vm, () -> vm.loadStatusProperty().get().endsWith("is loaded in the built-in engine"));

        assertThat(vm.inUseLine()).isEqualTo("In use: micro:latest (Ollama)");
        assertThat(vm.loadStatusProperty().get()).isEqualTo("micro:latest (Ollama) is loaded in the built-in engine");
        vm.setInUse(home.resolve("ghost.gguf"));
        assertThat(vm.loadStatusProperty().get()).as("it spoke of another model").isEmpty();
        assertThat(vm.inUseLine()).startsWith("In use: ghost.gguf, but the file does not exist.");
    }

    /**
     * The engine bar echoes a choice made here back through setInUse, and on its way to the new model may pass through
     * none (or the old one): the load's end then found nothing chosen and "Loading ..." stayed beside "Loaded in 1.2 s".
     */
    /** The engine bar went to another file than the one chosen here: the chosen load's end leaves no "Loading ...". */
    @Test
    void aLoadThatEndsAfterTheEngineBarWentElsewhereLeavesNoLoadingLine() throws Exception {
        ollamaMicro("c".repeat(64));
        ModelManagerViewModel vm = withOpened(dev.thinkbench.engine.local.models.OpenedModels.none());
        CountDownLatch loading = new CountDownLatch(1);
        vm.setLoader(model -> {
            try {
                loading.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        vm.setOnChosen(model -> vm.setInUse(home.resolve("another.gguf")));
        vm.refresh();
        drainUntil(vm, () -> !vm.models().isEmpty());

        vm.choose(vm.models().getFirst());
        assertThat(vm.loadStatusProperty().get()).startsWith("Loading");
        loading.countDown();
        drainUntil(vm, () -> !vm.loadStatusProperty().get().startsWith("Loading"));

        assertThat(vm.loadStatusProperty().get()).isEmpty();
    }

    @Test
    void aLoadThatEndsAfterTheEngineBarsEchoSaysItLoaded() throws Exception {
        ollamaMicro("b".repeat(64));
        ModelManagerViewModel vm = withOpened(dev.thinkbench.engine.local.models.OpenedModels.none());
        vm.setLoader(model -> { });
        vm.setOnChosen(model -> {
            vm.setInUse(null); // the engine bar between two models
            vm.setInUse(model.path());
        });
        vm.refresh();
        drainUntil(vm, () -> !vm.models().isEmpty());

        vm.choose(vm.models().getFirst());
        drainUntil(vm, () -> !vm.loadStatusProperty().get().startsWith("Loading"));

        assertThat(vm.loadStatusProperty().get()).isEqualTo("micro:latest (Ollama) is loaded in the built-in engine");
    }
}
