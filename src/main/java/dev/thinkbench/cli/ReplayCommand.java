package dev.thinkbench.cli;

import dev.thinkbench.core.Price;
import dev.thinkbench.lab.Replay;
import dev.thinkbench.lab.session.Session;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.lab.session.SessionFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code thinkbench replay FILE}: plays a saved session's comparison again at its recorded pace (or 2x, 5x, at once)
 * through the same runs and printer as {@code compare}, and prints it as {@code compare} did. Ctrl-C prints what was
 * replayed so far. Exit codes as {@code compare} (0 every column ok, 1 any failed or cancelled); 2 for bad arguments or
 * a session file that cannot be read (cut short, not JSON, from a newer Thinkbench), which is left as it is.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a saved session's comparison at its recorded pace and print it as compare does.",
        footer = {"", "Examples:",
                "  thinkbench replay demo.json --speed 2 --format table",
                "  thinkbench replay samples/sessions/micro-wait-rescue.json --speed 0"})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A session file (compare --save, or Save in the window)")
    private Path file;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "1|2|5|0",
            description = "1 as recorded, 2 or 5 times faster, 0 at once (default ${DEFAULT-VALUE})")
    private int speed;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json",
            description = "table (default) or json, as compare prints them")
    private String format;

    @Override
    public Integer call() {
        if (!format.equals("json") && !format.equals("table")) {
            throw Arguments.error(spec, "--format must be json or table, was '" + format + "'");
        }
        if (speed != 0 && speed != 1 && speed != 2 && speed != 5) {
            throw Arguments.error(spec, "--speed must be 1, 2, 5 or 0 (at once), was " + speed);
        }
        Replay.Speed pace = Replay.Speed.of(speed);
        Session session;
        try {
            session = new SessionFile().read(file);
        } catch (SessionFileException e) {
            return fail(e.getMessage());
        }
        if (session.tracks().isEmpty()) {
            return fail("the session " + file + " holds no recorded comparison to replay (no column ran)");
        }
        Replay replay = session.replay(pace, System::nanoTime);
        Thread player = new Thread(() -> {
            try {
                replay.playToEnd(TimeUnit.NANOSECONDS::sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "thinkbench-replay");
        player.setDaemon(true);
        player.start();
        return new ComparisonPrinter(replay, format, session.setup().prompt(), session.setup().engineId(),
                session.setup().model(), extras(session), spec.commandLine().getOut(), spec.commandLine().getErr())
                .awaitAndPrint();
    }

    /** The grading and the priced-as estimate as {@code compare} printed them, from what the session recorded. */
    static ComparisonPrinter.Extras extras(Session session) {
        Price estimate = session.columns().stream().map(c -> c.price())
                .filter(p -> p != null && p.isEstimate())
                .findFirst().orElse(null);
        return new ComparisonPrinter.Extras(session.setup().expectedAnswer(), estimate);
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("thinkbench: " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }
}
