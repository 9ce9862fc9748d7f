package dev.thinkbench.engine.local.models;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.testing.TinyGguf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Timeout(60)
class ModelDownloaderTest {

    @TempDir
    Path dir;
    byte[] model;
    String sha;

    @BeforeEach
    void writeModel() throws Exception {
        Path source = TinyGguf.write(dir.resolve("source.gguf"));
        model = Files.readAllBytes(source);
        sha = ModelDownloader.sha256(source);
    }

    /** The Range header a client resuming from a partial file of this size must send ("none" from scratch). */
    private static String rangeFor(long partSize) {
        return partSize == 0 ? "none" : "bytes=" + partSize + "-";
    }

    /** Records the partial file's size each time a request reaches the server, i.e. at the moment of resuming. */
    private List<Long> recordPartSizes(LoopbackFileServer server) {
        List<Long> sizes = new CopyOnWriteArrayList<>();
        server.onRequest = range -> sizes.add(ModelDownloader.sizeOf(ModelDownloader.partFile(target())));
        return sizes;
    }

    /** Opens the server's stall gate once the client has written bytes to disk, so a cut always leaves some. */
    private static ModelDownloader.ProgressListener openGateOnFirstBytes(LoopbackFileServer server) {
        return p -> {
            if (p.downloaded() > 0) {
                server.stall.countDown();
            }
        };
    }

    private static ModelDownloader downloader(long freeBytes) {
        return new ModelDownloader(HttpClient.newHttpClient(), p -> freeBytes, 3, Duration.ofMillis(10),
                Duration.ofSeconds(30));
    }

    private Path target() {
        return dir.resolve("models").resolve("tiny.gguf");
    }

    @Test
    void downloadsVerifiesAndMovesTheFileIntoPlace() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            List<ModelDownloader.Progress> progress = new ArrayList<>();

            Path file = downloader(-1).download(new ModelDownloader.Request(server.url(), target(), sha),
                    progress::add, new CancelToken());

            assertThat(file).isEqualTo(target());
            assertThat(Files.readAllBytes(file)).isEqualTo(model);
            assertThat(ModelDownloader.partFile(target())).doesNotExist();
            assertThat(progress.getLast().downloaded()).isEqualTo(model.length);
            assertThat(progress.getLast().fraction()).isEqualTo(1.0);
        }
    }

    @Test
    void droppedConnectionResumesWithARangeRequestFromWhereItBroke() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.cutResponses = 1;
            server.cutAfter = 200_000;
            server.stall = new CountDownLatch(1);
            server.stallResponses = 1;
            List<Long> partSizes = recordPartSizes(server);

            Path file = downloader(-1).download(new ModelDownloader.Request(server.url(), target(), sha),
                    openGateOnFirstBytes(server), null);

            assertThat(Files.readAllBytes(file)).isEqualTo(model);
            assertThat(server.rangesSeen).hasSize(2).first().isEqualTo("none");
            // how much of the cut response reached the disk is up to the client; the resume must start exactly there
            assertThat(partSizes.get(1)).isPositive().isLessThanOrEqualTo(200_000L);
            assertThat(server.rangesSeen.get(1)).isEqualTo(rangeFor(partSizes.get(1)));
        }
    }

    @Test
    void aServerNothingAnswersAtBeforeAByteSaysTheComputerSeemsOfflineAtOnce() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // closed again: nothing listens there
        }
        java.net.URI url = java.net.URI.create("http://127.0.0.1:" + port + "/model.gguf");

        DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(-1).download(
                new ModelDownloader.Request(url, target(), sha), p -> { }, null));

        assertThat(e.reason()).isEqualTo(DownloadException.Reason.OFFLINE);
        assertThat(e.getMessage()).isEqualTo("cannot reach 127.0.0.1: this computer seems to be offline, or a proxy "
                + "or firewall blocks it. Try again once it is connected");
        assertThat(e.getMessage()).doesNotContain("Exception", "resume", "0 B");
        assertThat(target()).doesNotExist();
    }

    @Test
    void giveUpAfterRetriesKeepsThePartForALaterResume() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.cutResponses = 3;
            server.cutAfter = 100_000;
            server.stall = new CountDownLatch(1);
            server.stallResponses = 1;
            List<Long> partSizes = recordPartSizes(server);

            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(-1).download(
                    new ModelDownloader.Request(server.url(), target(), sha), openGateOnFirstBytes(server), null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.CONNECTION);
            assertThat(e.resumable()).isTrue();
            assertThat(target()).doesNotExist();
            long kept = Files.size(ModelDownloader.partFile(target()));
            assertThat(kept).isPositive().isLessThanOrEqualTo(300_000L);
            assertThat(server.rangesSeen).hasSize(3);

            Path file = downloader(-1).download(new ModelDownloader.Request(server.url(), target(), sha),
                    p -> { }, null);
            assertThat(Files.readAllBytes(file)).isEqualTo(model);
            assertThat(server.rangesSeen.getLast()).isEqualTo("bytes=" + kept + "-");
            assertThat(server.rangesSeen).isEqualTo(partSizes.stream().map(ModelDownloaderTest::rangeFor).toList());
        }
    }

    @Test
    void stalledConnectionIsDroppedAndResumed() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.stall = new CountDownLatch(1);
            server.stallResponses = 1;
            List<Long> partSizes = recordPartSizes(server);
            // attempts to spare: on a busy machine a healthy response may also look stalled for a moment
            ModelDownloader impatient = new ModelDownloader(HttpClient.newHttpClient(), p -> -1, 5,
                    Duration.ofMillis(10), Duration.ofMillis(500));

            Path file = impatient.download(new ModelDownloader.Request(server.url(), target(), sha), p -> { }, null);
            server.stall.countDown();

            assertThat(Files.readAllBytes(file)).isEqualTo(model);
            assertThat(server.rangesSeen).hasSizeGreaterThanOrEqualTo(2).first().isEqualTo("none");
            assertThat(server.rangesSeen).isEqualTo(partSizes.stream().map(ModelDownloaderTest::rangeFor).toList());
        }
    }

    @Test
    void aServerThatNeverAnswersIsDroppedAfterTheStallTimeAndTriedAgain() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.silence = new CountDownLatch(1);
            server.silentResponses = 1;
            ModelDownloader impatient = new ModelDownloader(HttpClient.newHttpClient(), p -> -1, 3,
                    Duration.ofMillis(10), Duration.ofMillis(500));

            Path file = impatient.download(new ModelDownloader.Request(server.url(), target(), sha), p -> { }, null);

            assertThat(Files.readAllBytes(file)).isEqualTo(model);
            assertThat(server.rangesSeen).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aServerThatNeverAnswersSaysSoOnceTheAttemptsAreSpent() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.silence = new CountDownLatch(1);
            ModelDownloader impatient = new ModelDownloader(HttpClient.newHttpClient(), p -> -1, 2,
                    Duration.ofMillis(10), Duration.ofMillis(300));

            DownloadException e = catchThrowableOfType(DownloadException.class, () -> impatient.download(
                    new ModelDownloader.Request(server.url(), target(), sha), p -> { }, null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.CONNECTION);
            assertThat(e.resumable()).isTrue();
            assertThat(e.getMessage()).contains("did not answer for");
            assertThat(target()).doesNotExist();
        }
    }

    @Test
    @Timeout(20)
    void pausingWhileTheServerHasNotAnsweredStopsAtOnce() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.silence = new CountDownLatch(1);
            CancelToken cancel = new CancelToken();
            // a stall time far beyond the test's: only the pause can end this download in time
            ModelDownloader patient = new ModelDownloader(HttpClient.newHttpClient(), p -> -1, 3,
                    Duration.ofMillis(10), Duration.ofMinutes(10));
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    server.silenced.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cancel.cancel();
            });

            DownloadException e = catchThrowableOfType(DownloadException.class, () -> patient.download(
                    new ModelDownloader.Request(server.url(), target(), sha), p -> { }, cancel));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.CANCELLED);
            // paused before any byte came: nothing kept to say so about
            assertThat(e.getMessage()).contains("before any data came").doesNotContain("0 B");
            assertThat(target()).doesNotExist();
        }
    }

    @Test
    @Timeout(20)
    void pausingEndsTheWaitBeforeTheNextAttemptAtOnce() throws Exception {
        CancelToken cancel = new CancelToken();
        // cancelled before the wait starts or while it runs: either way it ends at once
        Thread pauser = Thread.ofPlatform().daemon().start(cancel::cancel);
        // a wait far beyond the test's: only the pause can end it in time
        ModelDownloader.waitBeforeRetry(Duration.ofMinutes(10), cancel);
        pauser.join();
        assertThat(cancel.isCancelled()).isTrue();
    }

    @Test
    void checksumMismatchIsRejectedAndNothingIsLeft() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            String wrong = "0".repeat(64);

            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(-1).download(
                    new ModelDownloader.Request(server.url(), target(), wrong), p -> { }, null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.CHECKSUM);
            assertThat(e.getMessage()).contains(sha, wrong);
            // the trial's one-line label cut the message after the two hashes, so what happened comes first
            assertThat(e.getMessage().substring(0, e.getMessage().indexOf(sha))).contains("checksum", "deleted");
            assertThat(target()).doesNotExist();
            assertThat(ModelDownloader.partFile(target())).doesNotExist();
        }
    }

    @Test
    void cancelPausesAndTheNextDownloadResumes() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.stall = new CountDownLatch(1);
            CancelToken cancel = new CancelToken();

            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(-1).download(
                    new ModelDownloader.Request(server.url(), target(), sha), p -> cancel.cancel(), cancel));
            server.stall.countDown();
            server.stall = null;

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.CANCELLED);
            assertThat(e.getMessage()).contains("continues from there");
            assertThat(target()).doesNotExist();
            long kept = Files.size(ModelDownloader.partFile(target()));
            assertThat(kept).isPositive().isLessThan(model.length);

            Path file = downloader(-1).download(new ModelDownloader.Request(server.url(), target(), sha),
                    p -> { }, null);
            assertThat(Files.readAllBytes(file)).isEqualTo(model);
            assertThat(server.rangesSeen.getLast()).isEqualTo("bytes=" + kept + "-");
        }
    }

    @Test
    void serverThatIgnoresRangeRestartsFromZeroCorrectly() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            Files.createDirectories(target().getParent());
            Files.write(ModelDownloader.partFile(target()), "stale bytes".getBytes(StandardCharsets.US_ASCII));
            server.ignoreRange = true;

            Path file = downloader(-1).download(new ModelDownloader.Request(server.url(), target(), sha),
                    p -> { }, null);

            assertThat(Files.readAllBytes(file)).isEqualTo(model);
        }
    }

    @Test
    void notEnoughDiskSpaceFailsBeforeWritingAndNamesTheAmounts() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(1_000).download(
                    new ModelDownloader.Request(server.url(), target(), sha), p -> { }, null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.DISK_FULL);
            assertThat(e.getMessage()).contains("not enough disk space", "489 KB still to download", "1 KB free");
            assertThat(e.resumable()).isTrue();
            assertThat(target()).doesNotExist();
        }
    }

    /**
     * The user trial: "489 KB still to download, 610 KB free" refused a download that seemed to fit; the room kept
     * free beside the file was not said. And the window words it in its own language.
     */
    @Test
    void aDownloadRefusedForTheRoomKeptFreeSaysThatRoomToo() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(
                    model.length + 120_000).download(new ModelDownloader.Request(server.url(), target(), sha),
                    p -> { }, null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.DISK_FULL);
            assertThat(e.worded().reason()).isEqualTo(DownloadWording.NO_SPACE);
            assertThat(e.getMessage()).contains("489 KB still to download", "17 MB", "609 KB free");
            assertThat(target()).doesNotExist();
            assertThat(ModelDownloader.partFile(target())).doesNotExist();
        }
    }

    @Test
    void missingFileIsAnHttpErrorWithTheStatus() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.status = 404;

            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(-1).download(
                    new ModelDownloader.Request(server.url(), target(), null), p -> { }, null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.HTTP);
            assertThat(e.getMessage()).contains("no such file (404)");
            assertThat(server.requests.get()).as("a 404 is not retried").isEqualTo(1);
        }
    }

    @Test
    void downloadThatIsNotAModelIsDeleted() throws Exception {
        byte[] page = "<html>please log in</html>".repeat(10).getBytes(StandardCharsets.UTF_8);
        try (LoopbackFileServer server = new LoopbackFileServer(page)) {
            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(-1).download(
                    new ModelDownloader.Request(server.url(), target(), null), p -> { }, null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.NOT_A_MODEL);
            assertThat(e.getMessage()).contains("magic");
            assertThat(target()).doesNotExist();
            assertThat(ModelDownloader.partFile(target())).doesNotExist();
        }
    }

    @Test
    void readsTheBundledCatalog() throws IOException {
        List<CatalogModel> catalog = ModelCatalogFile.load(Path.of("assets"));

        assertThat(catalog).isNotEmpty();
        assertThat(catalog).filteredOn(CatalogModel::recommended).singleElement()
                .satisfies(m -> assertThat(m.fileName()).isEqualTo("DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf"));
        assertThat(catalog).allSatisfy(m -> assertThat(m.url().getScheme()).isEqualTo("https"));
        assertThat(catalog).as("every entry's notes in Korean too").allSatisfy(m -> {
            assertThat(m.notesIn("ko")).isNotEqualTo(m.notes()).matches("(?s).*[\\uAC00-\\uD7A3].*");
            assertThat(m.notesIn("fr")).isEqualTo(m.notes());
        });
        assertThat(catalog).as("the checksum note is the window's, not the catalog's")
                .allSatisfy(m -> assertThat(m.notes()).doesNotContainIgnoringCase("checksum"));
    }

    private static CatalogModel catalogEntry(String url) {
        return new CatalogModel("m", "M", "llama", "1B", "Q4_0", 1000, "MIT", java.net.URI.create(url), null, null,
                false, null);
    }

    @Test
    void fileNamesFromUrlsMustBePlainGgufNames() {
        for (String url : List.of("https://h/x/%2E%2E", "https://h/x/..%5C..%5Cevil.gguf",
                "https://h/x/a%00.gguf", "https://h/x/a%2F..%2F..%2Fevil.gguf", "https://h/x/.hidden.gguf",
                "https://h/x/model.bin", "https://h/x/%2E%2E.gguf%2F", "https://h/x/caf%C3%A9.gguf")) {
            IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> catalogEntry(url));

            assertThat(e).as(url).isNotNull();
            assertThat(e.getMessage()).as(url).startsWith("catalog model m: the file name '")
                    .contains("is not a plain .gguf name").doesNotContain("\u0000");
        }
        assertThat(catalogEntry("https://h/x/Model-1.5B_Q4.K.gguf?download=true").fileName())
                .isEqualTo("Model-1.5B_Q4.K.gguf");
        assertThat(catalogEntry("https://h/x/").fileName()).isEqualTo("m.gguf");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> catalogEntry("https://h/x/a%00.gguf"))
                .getMessage()).contains("'a\\u0000.gguf'");
    }

    @Test
    void aDownloadIsNeverSavedUnderANameThatIsNotPlain() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(-1).download(
                    new ModelDownloader.Request(server.url(), dir.resolve("models").resolve(".."), null),
                    p -> { }, null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.UNSAFE_NAME);
            assertThat(e.getMessage()).contains("'..'", "plain .gguf name");
            assertThat(server.requests.get()).as("nothing was fetched").isZero();
        }
    }

    /** Bytes that are not a model, {@code n} long. */
    private static byte[] junk(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 'x');
        return b;
    }

    @Test
    void aBodyWithoutContentLengthIsCutAtTheCatalogSizeAndThePartialFileDeleted() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(junk(4 << 20))) {
            server.omitLength = true;

            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(-1).download(
                    new ModelDownloader.Request(server.url(), target(), null, 1 << 20), p -> { }, null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.TOO_LARGE);
            assertThat(e.getMessage()).contains("kept sending past", "without saying how large",
                    "the partial file deleted");
            assertThat(e.resumable()).isFalse();
            assertThat(ModelDownloader.partFile(target())).doesNotExist();
            assertThat(target()).doesNotExist();
        }
    }

    @Test
    void anAnnouncedSizeFarAboveTheCatalogsIsRefusedBeforeWriting() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(junk(4 << 20))) {
            DownloadException e = catchThrowableOfType(DownloadException.class, () -> downloader(-1).download(
                    new ModelDownloader.Request(server.url(), target(), null, 1 << 20), p -> { }, null));

            assertThat(e.reason()).isEqualTo(DownloadException.Reason.TOO_LARGE);
            assertThat(e.getMessage()).contains("the server offers 4 MB", "lists at about 1 MB", "nothing was downloaded");
            assertThat(ModelDownloader.partFile(target())).doesNotExist();
        }
    }

    @Test
    void aBodyWithoutContentLengthWithinTheToleranceDownloads() throws Exception {
        try (LoopbackFileServer server = new LoopbackFileServer(model)) {
            server.omitLength = true;

            Path file = downloader(-1).download(new ModelDownloader.Request(server.url(), target(), sha,
                    model.length - 1000), p -> { }, null);

            assertThat(Files.readAllBytes(file)).isEqualTo(model);
        }
    }
}
