package dev.thinkbench.ui.session;

import dev.thinkbench.core.Budget;
import dev.thinkbench.core.BudgetSpec;
import dev.thinkbench.core.RunSpec;
import dev.thinkbench.core.Usage;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ModelInfo;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.session.RecentSessions;
import dev.thinkbench.lab.session.SessionFile;
import dev.thinkbench.app.WorkbenchFactory;
import dev.thinkbench.lab.settings.Settings;
import dev.thinkbench.ui.ScriptedTestEngine;
import dev.thinkbench.ui.WorkbenchFixture;
import dev.thinkbench.ui.WorkbenchView;
import dev.thinkbench.ui.present.PresenterControls;
import dev.thinkbench.ui.present.PresenterViewModel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The workbench window as the app wires it for sessions and presenting (view, presenter controls, session controls),
 * over a scripted test engine whose three columns think at length, a replay clock the test moves, and a file asker
 * that answers with queued paths. Build on the FX thread.
 */
final class SessionWindow {

    /** Thinking long enough to fill any thinking box: numbered lines. */
    static final List<String> LONG_THINKING = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> "Step " + i + ": carry the sum forward and check it again.\n").toList();

    final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    final Deque<Path> answers = new ArrayDeque<>();
    final WorkbenchView view;
    final PresenterViewModel presenter = new PresenterViewModel();
    final PresenterControls presenting;
    final SessionViewModel sessions;
    final SessionControls controls;

    SessionWindow(Path dataFolder) {
        this(dataFolder, SessionWindow::script);
    }

    /** @param scripts what each column's run does, by its run spec */
    SessionWindow(Path dataFolder, java.util.function.Function<RunSpec, ScriptedTestEngine.Script> scripts) {
        this(dataFolder, scripts, null);
    }

    /**
     * @param scripts   what each column's run does, by its run spec
     * @param autosaves where the window's autosaves go (and a crashed one's are found), null for none
     */
    SessionWindow(Path dataFolder, java.util.function.Function<RunSpec, ScriptedTestEngine.Script> scripts,
                  dev.thinkbench.lab.session.Autosaves autosaves) {
        ScriptedTestEngine engine = new ScriptedTestEngine("scripted", scripts,
                List.of(new ModelInfo("m1", "")));
        EngineRegistry registry = new EngineRegistry().register(new EngineRegistry.Entry("scripted", "Scripted",
                "http://127.0.0.1:1", c -> engine));
        BudgetPresets presets = new BudgetPresets(Map.of("scripted", List.of(
                new BudgetPresets.Preset("small", new Budget.None(), "thinking off"),
                new BudgetPresets.Preset("medium", BudgetSpec.parse("effort:low"), "low effort"),
                new BudgetPresets.Preset("large", BudgetSpec.parse("effort:high"), "high effort"))));
        view = WorkbenchFactory.create(WorkbenchFixture.services(registry, presets),
                new WorkbenchFixture.SameThreadTasks(), Settings.defaults());
        presenting = new PresenterControls(view, presenter);
        sessions = new SessionViewModel(view.viewModel().compare(), new SessionFile(), autosaves,
                new RecentSessions(dataFolder.resolve("recent.json")), new WorkbenchFixture.SameThreadTasks(),
                Instant::now, clock::get);
        controls = new SessionControls(view, sessions, presenter, new FileAsker() {
            @Override
            public Path saveAs(String title, String extension, String suggested) {
                return answers.poll();
            }

            @Override
            public Path open(String title, String extension) {
                return answers.poll();
            }
        });
        view.addBarItem(controls.menu());
        view.addBarItem(presenting.menu());
        view.viewModel().compare().prompt().promptProperty().set(
                "A bus has 47 people. 18 more board. 16 more board. 10 leave. 28 leave. 32 leave. "
                        + "How many people are on the bus now?");
    }

    static ScriptedTestEngine.Script script(RunSpec spec) {
        int lines = switch (spec.budget().spec()) {
            case "none" -> 0;
            case "effort:low" -> 12;
            default -> LONG_THINKING.size();
        };
        String answer = lines == 0 ? "65" : "Final Answer: 11\n\nThe bus ends with 11 people.";
        return ScriptedTestEngine.Script.of(LONG_THINKING.subList(0, lines),
                List.of(answer.split("(?<= )"))).reporting(new Usage(137, lines + 5, lines)).paced(120);
    }

    /** Moves the replay's seek slider as a drag would. */
    void controlsSeek(double seconds) {
        ((ReplayBar) view.lookup("#replayBar")).seekSlider().setValue(seconds);
    }

    static String allThinking(int lines) {
        return LONG_THINKING.stream().limit(lines).collect(Collectors.joining());
    }

    /** The Compare tab's column views, in order. */
    /** Whether the Compare columns scroll: their pane's own vertical bar shows (the text areas inside have theirs). */
    boolean columnsScroll() {
        return view.compareView().columnsPane().getChildrenUnmodifiable().stream().anyMatch(n ->
                n instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL && bar.isVisible());
    }

    List<dev.thinkbench.ui.compare.ColumnView> columns() {
        return view.compareView().columnsPane().columnViews();
    }

    /** Runs the Compare tab once it can run and waits until every column is done. */
    void runAndFinish(org.testfx.api.FxRobot robot) throws java.util.concurrent.TimeoutException {
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> view.viewModel().compare().canRunProperty().get());
        robot.interact(() -> view.viewModel().compare().run());
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> columns().stream()
                .allMatch(c -> c.viewModel().live().getState() == dev.thinkbench.ui.compare.ColumnState.DONE));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the session to {@code file} as a user does: Ctrl+S, the file dialog answered with it. */
    void saveWithKeys(org.testfx.api.FxRobot robot, Path file) {
        answers.add(file);
        dev.thinkbench.testing.Keys.press(robot, javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S);
    }

    /** Opens {@code file} as a user does: Ctrl+O, the file dialog answered with it. */
    void openWithKeys(org.testfx.api.FxRobot robot, Path file) {
        answers.add(file);
        dev.thinkbench.testing.Keys.press(robot, javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.O);
    }
}
