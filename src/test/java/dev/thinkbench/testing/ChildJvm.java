package dev.thinkbench.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Test fixture: the app's {@code Launcher} in a child JVM on this test's class path, as a user would start it, with
 * its own config and data folders. Collects stdout and stderr (stderr also line by line, to wait for a line), and
 * every wait is bounded. Close to kill it if it is still running.
 */
public final class ChildJvm implements AutoCloseable {

    private static final String LAUNCHER = "dev.thinkbench.app.Launcher";

    private final Process process;
    private final CompletableFuture<String> out;
    private final StringBuffer err = new StringBuffer();
    private final BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> errDone;

    private ChildJvm(Process process) {
        this.process = process;
        // own threads: the common pool may have a single thread, and each reader blocks until the child ends
        this.out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), ChildJvm::reader);
        this.errDone = CompletableFuture.runAsync(this::readErr, ChildJvm::reader);
    }

    /**
     * Starts {@code Launcher args}; {@code home} holds its config and data folders; {@code env} changes the
     * environment (a null value removes the variable).
     */
    public static ChildJvm launch(Path home, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dthinkbench.config=" + home.resolve("config"),
                "-Dthinkbench.data=" + home.resolve("data"), "-cp", System.getProperty("java.class.path"), LAUNCHER));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return new ChildJvm(builder.start());
    }

    private static void reader(Runnable task) {
        Thread.ofPlatform().daemon().name("child-jvm-reader").start(task);
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stdout unreadable: " + e.getMessage() + ")";
        }
    }

    private void readErr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                err.append(line).append('\n');
                errLines.add(line);
            }
        } catch (IOException e) {
            err.append("(stderr unreadable: ").append(e.getMessage()).append(")\n");
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until stderr has a line matching {@code wanted}. */
    public String awaitErrLine(Predicate<String> wanted, Duration within) throws InterruptedException,
            TimeoutException {
        long deadline = System.nanoTime() + within.toNanos();
        for (long left = within.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            String line = errLines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        throw new TimeoutException("no such line on stderr within " + within + "; stderr so far:\n" + err);
    }

    /** Sends {@code signal} (e.g. {@code INT}) with {@code kill}. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /**
     * Whether the child ignores {@code SIGINT} (inherited from a parent started in the background without job
     * control); then the JVM never runs its shutdown hooks on Ctrl-C.
     */
    public boolean ignoresSigint() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        for (String line : java.nio.file.Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (mask & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }

    /** The exit code, after waiting for the end. */
    public int awaitExit(Duration within) throws InterruptedException, TimeoutException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("the child JVM did not end within " + within + "; stderr:\n" + err);
        }
        return process.exitValue();
    }

    /** All of stdout, once it has ended. */
    public String out() throws Exception {
        return out.get(30, TimeUnit.SECONDS);
    }

    /** All of stderr, once it has ended. */
    public String err() throws Exception {
        errDone.get(30, TimeUnit.SECONDS);
        return err.toString();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
