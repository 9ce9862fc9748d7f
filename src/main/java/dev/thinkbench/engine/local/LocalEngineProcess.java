package dev.thinkbench.engine.local;

import dev.thinkbench.core.FailureKind;
import dev.thinkbench.engine.EngineException;
import dev.thinkbench.engine.local.gguf.GgufFormatException;
import dev.thinkbench.engine.local.gguf.GgufModelInfo;
import dev.thinkbench.engine.local.gguf.GgufValidator;
import dev.thinkbench.engine.local.host.HostEvent;
import dev.thinkbench.engine.local.host.HostMain;
import dev.thinkbench.engine.local.host.HostRequest;
import dev.thinkbench.engine.local.llama.CpuBackendChoice;
import dev.thinkbench.engine.local.llama.NativeLibraries;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The built-in engine's child JVM: started on first use with this app's own classpath ({@link HostMain}), holding one
 * model at a time. A model or settings change loads the new model in the same process once no run is using it (the
 * host frees the old one first); a process that died is replaced on the next request, so a native crash fails only
 * the runs in flight.
 *
 * <p>Thread-safe. Calls block; calls on the same model share the process and run at once (a read lock each; the
 * host batches their completions), while a load of another model waits for them to end (the write lock).
 */
public final class LocalEngineProcess implements AutoCloseable {

    /** Body of a call made while the wanted model is loaded. */
    @FunctionalInterface
    interface Call<T> {
        T run(HostConnection connection) throws EngineException;
    }

    private static final int MAX_LOAD_ATTEMPTS = 3;

    private final List<String> command;
    private final Duration startTimeout;
    private final LoadDeadline loadDeadline;
    private final EngineLog log = new EngineLog();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private HostConnection connection;
    /** The CPU backend {@link #connection}'s llama.cpp was loaded with (its first load's), empty for ggml's choice. */
    private Optional<String> hostCpuVariant = Optional.empty();
    private Path loadedModel;
    private LocalEngineSettings loadedSettings;
    private List<String> specialTokens = List.of();
    private Map<String, String> details = Map.of();
    private boolean closed;

    /**
     * How much lower than the app's the host's CPU priority is: its {@code nice} increment, {@value #DEFAULT_NICE}
     * unless set (0 = the same as the app's). The host's decode threads take every core they are given; at the same
     * priority they took the window's frames too. Measured through the whole window on a 2-core machine (2026-12-05,
     * Sapphire Rapids VM), a sweep of
     * 600 micro-model runs (the Experiments tab, concurrency 8; BuiltinSweepFrameBench): at nice 0 the frame p99 was
     * 31.8-33.6 ms (cold) and 23.5-23.9 ms (warm), 16-29 % of frames late; at nice 5 25.5-26.9 / 20.6-21.5 ms, 6-16 %;
     * at nice 10 21.8 / 19.8 ms, 5-13 %. The sweep took as long at each (9.6-10.1 s and 5.3-6.0 s), and the Q4_0
     * decode through the host read the same (669-685 tok/s against 670-672): a lower priority costs the engine
     * nothing while the window is idle and gives way only while it draws. Where there is no {@code nice} program
     * (Windows) the host runs at the app's priority. The command line's engine runs so too: with no window it gives
     * way only to the user's other programs.
     */
    public static final String NICE_PROPERTY = "thinkbench.engine.nice";
    static final int DEFAULT_NICE = 10;
    private static final Path NICE_PROGRAM = Path.of("/usr/bin/nice");

    /** A process started with this JVM's {@code java} and classpath. */
    public LocalEngineProcess() {
        this(defaultCommand(), Duration.ofSeconds(60), LoadDeadline.STANDARD);
    }

    /**
     * @param command the full command line that starts {@link HostMain}
     * @param startTimeout how long the process may take to say it is ready
     * @param loadDeadline how long a model load may take before the process is stopped and the load fails
     */
    public LocalEngineProcess(List<String> command, Duration startTimeout, LoadDeadline loadDeadline) {
        this.command = List.copyOf(command);
        this.startTimeout = startTimeout;
        this.loadDeadline = loadDeadline;
    }

    /** This JVM's {@code java} program. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code java --enable-native-access=ALL-UNNAMED -cp <this classpath> HostMain}, with a small heap and the quick
     * compiler only, passing on where llama.cpp's libraries are ({@code thinkbench.home},
     * {@code thinkbench.llama.lib.dir}), at a lower CPU priority than the app's ({@link #NICE_PROPERTY}).
     *
     * <p>The host's hot work is llama.cpp's native code; its Java code is a few percent of a token. The optimising
     * compiler (C2) spent the host's first seconds compiling that code on the cores the decode threads need, so the
     * first run after a start was slow: with C1 only ({@code -XX:TieredStopAtLevel=1}) the first Compare round on
     * the micro model (2026-12-03, fresh hosts alternated) took 180-237 ms against 314-496 ms (first thinking token
     * 74-95 against 112-181 ms), while warm rounds, the Q4_0 decode (1.07x) and sweeps (the 200-problem micro curve
     * batched 6.3-7.4 s against 6.9-10.2 s) were no slower.
     */
    public static List<String> defaultCommand() {
        String java = javaExecutable();
        List<String> command = new ArrayList<>();
        int nice = Integer.getInteger(NICE_PROPERTY, DEFAULT_NICE);
        if (nice > 0 && Files.isExecutable(NICE_PROGRAM)) {
            command.addAll(List.of(NICE_PROGRAM.toString(), "-n", Integer.toString(Math.min(19, nice))));
        }
        command.addAll(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        for (String property : List.of(NativeLibraries.HOME_PROPERTY, NativeLibraries.LIB_DIR_PROPERTY)) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HostMain.class.getName()));
        return List.copyOf(command);
    }

    /** Runs {@code call} on a host with {@code model} loaded under {@code settings}, starting or restarting one. */
    <T> T withModel(Path model, LocalEngineSettings settings, Call<T> call) throws EngineException {
        for (int attempt = 0; attempt < MAX_LOAD_ATTEMPTS; attempt++) {
            lock.readLock().lock();
            try {
                if (isLoaded(model, settings)) {
                    return call.run(connection);
                }
            } finally {
                lock.readLock().unlock();
            }
            lock.writeLock().lock();
            try {
                if (!isLoaded(model, settings)) {
                    load(model, settings);
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
        throw new EngineException(FailureKind.ENGINE_CRASHED, "the built-in engine kept stopping while loading "
                + model.getFileName());
    }

    /**
     * Whether {@code model} is loaded under {@code settings} right now, without waiting: false while a load (or a
     * restart) is under way.
     */
    boolean loadedNow(Path model, LocalEngineSettings settings) {
        if (!lock.readLock().tryLock()) {
            return false;
        }
        try {
            return isLoaded(model, settings);
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean isLoaded(Path model, LocalEngineSettings settings) {
        return connection != null && connection.alive() && model.equals(loadedModel)
                && settings.equals(loadedSettings);
    }

    private void load(Path model, LocalEngineSettings settings) throws EngineException {
        if (closed) {
            throw new EngineException(FailureKind.ENGINE_CRASHED, "the built-in engine was shut down");
        }
        Optional<String> cpuVariant = CpuBackendChoice.forModel(validate(model).parameterCount());
        // a running host frees its model and loads the next one; a dead one is replaced, and so is one whose llama.cpp
        // runs on another CPU backend than this model asks for (a process loads llama.cpp once)
        boolean reuse = connection != null && connection.alive() && hostCpuVariant.equals(cpuVariant);
        if (!reuse && connection != null) {
            connection.shutdown();
        }
        HostConnection host = reuse ? connection : HostConnection.start(command, log);
        connection = null;
        loadedModel = null;
        if (!reuse) {
            host.awaitReady(startTimeout.toMillis());
            hostCpuVariant = cpuVariant;
        }
        long id = host.nextId();
        BlockingQueue<HostConnection.Inbound> queue = host.register(id);
        Duration deadline = loadDeadline.forSize(sizeOf(model));
        String name = model.getFileName().toString();
        try {
            host.send(new HostRequest.Load(id, model.toAbsolutePath().toString(), settings.contextSize(),
                    settings.threads(), cpuVariant.orElse(null)));
            HostEvent.Loaded loaded = awaitLoaded(host, queue, id, deadline, name);
            connection = host;
            loadedModel = model;
            loadedSettings = settings;
            specialTokens = List.copyOf(loaded.specialTokens());
            details = loaded.details() == null ? Map.of() : Map.copyOf(loaded.details());
        } finally {
            host.unregister(id);
        }
    }

    /**
     * Waits for the load's answer within {@code deadline}, skipping progress reports. A load that outlives the
     * deadline stops the host; a refused one shuts it down (nothing is loaded in it any more).
     */
    private HostEvent.Loaded awaitLoaded(HostConnection host, BlockingQueue<HostConnection.Inbound> queue, long id,
                                         Duration deadline, String name) throws EngineException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            HostConnection.Inbound answer = poll(queue, Duration.ofNanos(Math.max(0, end - System.nanoTime())));
            switch (answer) {
                case null -> {
                    host.kill();
                    throw host.failure(FailureKind.TIMEOUT, "Loading " + name + " did not finish within "
                            + deadline.toSeconds() + " s, so the built-in engine was stopped; it starts again on the "
                            + "next run", host.logStart(), HostConnection.Wait.NOTHING, id);
                }
                case HostConnection.Event(HostEvent.Loaded l) -> {
                    return l;
                }
                case HostConnection.Event(HostEvent.Progress p) -> {
                    // progress is not shown yet: loads of the models here take seconds at most
                }
                case HostConnection.Event(HostEvent.Error e) -> {
                    LocalEngineException failure = host.failure(kindOf(e.kind()), e.message(), host.logStart(),
                            HostConnection.Wait.FOR_MARK, id);
                    host.shutdown();
                    throw failure;
                }
                case HostConnection.Event(HostEvent other) -> throw new EngineException(FailureKind.MALFORMED_STREAM,
                        "the engine answered a load with " + other.getClass().getSimpleName());
                case HostConnection.Died d -> throw host.failure(FailureKind.ENGINE_CRASHED,
                        "the built-in engine crashed while loading " + name + " (" + host.deathReason() + ")",
                        host.logStart(), HostConnection.Wait.FOR_EXIT, id);
            }
        }
    }

    private static long sizeOf(Path model) {
        try {
            return Files.size(model);
        } catch (IOException e) {
            return 0;
        }
    }

    static FailureKind kindOf(String name) {
        try {
            return FailureKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return FailureKind.UNKNOWN;
        }
    }

    private static GgufModelInfo validate(Path model) throws EngineException {
        try {
            return GgufValidator.validate(model);
        } catch (GgufFormatException e) {
            FailureKind kind = switch (e.check()) {
                case FILE -> FailureKind.MODEL_NOT_FOUND;
                case ARCHITECTURE -> FailureKind.UNSUPPORTED;
                default -> FailureKind.BAD_REQUEST;
            };
            throw new EngineException(kind, "Cannot use " + model.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EngineException(FailureKind.MODEL_NOT_FOUND, "Cannot read " + model + ": " + e.getMessage(), e);
        }
    }

    private static HostConnection.Inbound take(BlockingQueue<HostConnection.Inbound> queue) throws EngineException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(FailureKind.UNKNOWN, "interrupted while waiting for the engine", e);
        }
    }

    /** The next inbound, or null when none came within {@code timeout}. */
    private static HostConnection.Inbound poll(BlockingQueue<HostConnection.Inbound> queue, Duration timeout)
            throws EngineException {
        try {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(FailureKind.UNKNOWN, "interrupted while waiting for the engine", e);
        }
    }

    /** The special token strings of the loaded model's vocabulary (empty before the first load). */
    public List<String> specialTokens() {
        lock.readLock().lock();
        try {
            return specialTokens;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Tokenizes text with the model's tokenizer (special-token strings are parsed), loading it if needed. */
    public int[] tokenize(Path model, LocalEngineSettings settings, String text) throws EngineException {
        return withModel(model, settings, c -> {
            long id = c.nextId();
            BlockingQueue<HostConnection.Inbound> queue = c.register(id);
            long since = c.logPosition();
            try {
                c.send(new HostRequest.Tokenize(id, text));
                return switch (take(queue)) {
                    case HostConnection.Event(HostEvent.Tokens t) -> t.tokens();
                    case HostConnection.Event(HostEvent.Error e) -> throw c.failure(kindOf(e.kind()), e.message(),
                            since, HostConnection.Wait.FOR_MARK, id);
                    case HostConnection.Event(HostEvent other) -> throw new EngineException(
                            FailureKind.MALFORMED_STREAM, "unexpected " + other.getClass().getSimpleName());
                    case HostConnection.Died d -> throw c.failure(FailureKind.ENGINE_CRASHED,
                            "the built-in engine stopped (" + c.deathReason() + ")", since,
                            HostConnection.Wait.FOR_EXIT, id);
                };
            } finally {
                c.unregister(id);
            }
        });
    }

    /**
     * What llama.cpp said about the loaded model and itself (description, parameters, devices, the CPU features in
     * use, its load log), for the Models tab's details; empty before the first load.
     */
    public Map<String, String> details() {
        lock.readLock().lock();
        try {
            return details;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The host's process id while one runs (tests and diagnostics). */
    public OptionalLong pid() {
        lock.readLock().lock();
        try {
            return connection != null && connection.alive() ? OptionalLong.of(connection.pid()) : OptionalLong.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The last lines the engine processes wrote (llama.cpp's log, JVM messages), across restarts, bounded as
     * {@link EngineLog} says; failures carry their own part of it ({@link LocalEngineException#engineLog()}).
     */
    public List<String> engineLog() {
        return log.lines();
    }

    /** Stops the host; later calls fail. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            if (connection != null) {
                connection.shutdown();
                connection = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "LocalEngineProcess[" + (loadedModel == null ? "no model" : loadedModel.getFileName()) + "]";
    }
}
