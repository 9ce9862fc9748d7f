package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.RunRecorder;
import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.lab.strategy.Strategy;
import dev.thinkbench.lab.sweep.RunKey;
import dev.thinkbench.lab.sweep.SweepEvent;
import dev.thinkbench.lab.sweep.SweepPlan;
import dev.thinkbench.lab.sweep.SweepRecord;
import dev.thinkbench.lab.sweep.SweepSummary;
import dev.thinkbench.lab.sweep.SweepTask;
import dev.thinkbench.lab.sweep.TraceLog;
import dev.thinkbench.ui.BackgroundTasks;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sweep's results as the Experiments tab shows them: a row per problem and sample with a cell per strategy and
 * budget (pending, running, correct, wrong, ungraded or failed), what each cell opens ({@link RunDetail}), and the
 * figures for the charts, worked out again at most {@value #FIGURES_HZ} times a second while results arrive: on a
 * background task (the figures of thousands of results take milliseconds a frame cannot spare), one at a time, the
 * latest snapshot winning; a forced refresh (the sweep's end, a grade set by hand) works them out at once, so the
 * final figures are exact. Fed by the sweep's events, drained once per frame by {@link ExperimentsViewModel}. Keeps
 * the traces of the last {@value #MAX_TRACES} runs; older runs keep their result line. UI thread only.
 */
public final class SweepResults {

    static final int FIGURES_HZ = 4;
    /**
     * Cells that changed are shown at most this many times a second while results stream in: each showing lays out
     * and repaints the visible rows, whatever the number of cells, so a few results a frame are shown together.
     */
    static final int CELLS_HZ = 10;
    private static final System.Logger LOG = System.getLogger(SweepResults.class.getName());
    static final int MAX_TRACES = 5_000;

    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<ColumnKey>> columns = new ReadOnlyObjectWrapper<>(this, "columns",
            List.of());
    private final ReadOnlyObjectWrapper<SweepFigures> figures = new ReadOnlyObjectWrapper<>(this, "figures",
            SweepFigures.EMPTY);
    private final Map<RunKey, int[]> positions = new HashMap<>();
    private final Map<List<Object>, RunKey> cellKeys = new HashMap<>();
    private final List<RunKey> planOrder = new ArrayList<>();
    private final Map<RunKey, SweepRecord> latest = new HashMap<>();
    private final Map<RunKey, RunDetail> details = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RunKey, RunDetail> eldest) {
            return size() > MAX_TRACES;
        }
    };
    private final Map<RunKey, RunRecorder> live = new HashMap<>();
    /** What the table is laid out for: the plan's problems, budgets, samples and strategies; empty when nothing. */
    private List<Object> layout = List.of();
    /** Problem id to difficulty; replaced (never changed) on reset, as a background task may be reading it. */
    private Map<String, Integer> difficulty = new HashMap<>();
    /** Cells changed since the last frame: row, column, cell. */
    private final Map<List<Integer>, ResultCell> changed = new LinkedHashMap<>();
    private final BackgroundTasks tasks;
    private boolean dirty;
    private long lastFigures;
    private long lastCells = Long.MIN_VALUE;
    /** Bumped by every refresh; a background result of an older one is dropped. */
    private long generation;
    private boolean computing;

    /** Works the figures out on the UI thread (tests). */
    public SweepResults() {
        this(null);
    }

    /** @param tasks where the figures are worked out while results stream in; null: on the UI thread */
    public SweepResults(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    /**
     * Empties the table and lays it out for {@code plan}: every run pending. A table already laid out for the same
     * plan (the sweep set up in the form, shown before Start) keeps its rows, columns and cell positions, so Start
     * builds no table cells and works nothing out again: it only clears them.
     */
    public void reset(SweepPlan plan) {
        clearRuns();
        List<Object> layout = List.of(plan.problems(), plan.budgets(), plan.samples(),
                plan.strategies().stream().map(s -> List.of(s.name(), s.perBudget())).toList());
        if (layout.equals(this.layout)) {
            rows.forEach(ResultRow::clear);
            return;
        }
        this.layout = layout;
        positions.clear();
        cellKeys.clear();
        planOrder.clear();
        difficulty = new HashMap<>();
        Set<ColumnKey> keys = new LinkedHashSet<>();
        for (Strategy s : plan.strategies()) {
            if (s.perBudget()) {
                plan.budgets().forEach(b -> keys.add(new ColumnKey(s.name(), b.label())));
            } else {
                keys.add(new ColumnKey(s.name(), SweepPlan.ROUTED));
            }
        }
        List<ColumnKey> cols = List.copyOf(keys);
        Map<List<Object>, Integer> rowOf = new HashMap<>();
        List<ResultRow> fresh = new ArrayList<>();
        for (SweepTask t : plan.tasks()) {
            BenchProblem p = t.problem();
            difficulty.put(p.id(), p.difficulty());
            Integer row = rowOf.computeIfAbsent(List.of(p.id(), t.sample()), k -> {
                fresh.add(new ResultRow(p.id(), t.sample(), p.difficulty(), p.answer(), p.prompt(), cols.size()));
                return fresh.size() - 1;
            });
            RunKey key = t.key();
            int col = cols.indexOf(new ColumnKey(t.strategy().name(), key.label()));
            positions.put(key, new int[] {row, col});
            cellKeys.put(List.of(p.id(), t.sample(), col), key);
            planOrder.add(key);
        }
        // rows by problem in plan order, samples together under their problem
        layOut(cols, fresh);
    }

    /** Empties the table: no rows, no columns, no figures (no sweep set up yet). */
    public void clear() {
        clearRuns();
        layout = List.of();
        positions.clear();
        cellKeys.clear();
        planOrder.clear();
        difficulty = new HashMap<>();
        layOut(List.of(), List.of());
    }

    /** Forgets every run's result, trace and cell change, and the figures. */
    private void clearRuns() {
        latest.clear();
        details.clear();
        live.clear();
        changed.clear();
        // no results, no figures; a background result of the sweep before is dropped
        generation++;
        computing = false;
        dirty = false;
        if (!figures.get().records().isEmpty()) {
            figures.set(SweepFigures.EMPTY);
        }
    }

    /**
     * Shows {@code fresh} rows under {@code cols}, keeping the rows shown (their cells set back to pending) when they
     * stand for the same problems and samples, and the columns when they are the same: the table then keeps its cells.
     */
    private void layOut(List<ColumnKey> cols, List<ResultRow> fresh) {
        boolean sameColumns = cols.equals(columns.get()) && samples(fresh) == samples(rows);
        if (sameColumns && sameRows(fresh)) {
            rows.forEach(ResultRow::clear);
            return;
        }
        rows.setAll(fresh);
        if (!sameColumns) {
            // always a new list, so the table lays its columns out again when only the sample column comes or goes
            columns.set(Collections.unmodifiableList(new ArrayList<>(cols)));
        }
    }

    private boolean sameRows(List<ResultRow> fresh) {
        if (fresh.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < fresh.size(); i++) {
            if (!fresh.get(i).sameAs(rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether any row is a second or later sample (the table then has a sample column). */
    private static boolean samples(List<ResultRow> rows) {
        return rows.stream().anyMatch(r -> r.sample() > 0);
    }

    /** Applies one event of the sweep (on the UI thread, drained from the sweep's queue). */
    void apply(SweepEvent event) {
        switch (event) {
            case SweepEvent.Started s -> s.resumed().forEach(r -> put(r, new RunDetail(r, null, null, List.of(),
                    null, null)));
            case SweepEvent.RunStarted r -> set(r.key(), ResultCell.RUNNING);
            case SweepEvent.CallStarted c -> live.put(c.key(), c.recorder());
            case SweepEvent.RunFinished f -> {
                live.remove(f.record().key());
                put(f.record(), new RunDetail(f.record(), f.trace(), f.metrics(), f.candidates(), f.note(), null));
            }
            // every server gone: the run waits in the queue again, its cell as before it started
            case SweepEvent.RunGivenBack g -> {
                live.remove(g.key());
                set(g.key(), ResultCell.PENDING);
            }
            // a run cut off by Stop ends without a result (a resume runs it again): none is in flight any more
            case SweepEvent.Ended e -> live.clear();
            default -> {
                // progress and pauses are the view model's business
            }
        }
    }

    private void put(SweepRecord r, RunDetail detail) {
        RunKey key = r.key();
        if (!positions.containsKey(key)) {
            return;
        }
        latest.put(key, r);
        details.put(key, detail);
        set(key, ResultCell.of(r));
        dirty = true;
    }

    /** Shows finished runs' results without their traces (a sweep kept in a session). */
    void showRecords(List<SweepRecord> records) {
        records.forEach(r -> put(r, new RunDetail(r, null, null, List.of(), null, null)));
    }

    /** Replaces a finished run's result line (a grade set by hand); its trace is kept. */
    void replace(SweepRecord r) {
        RunKey key = r.key();
        RunDetail old = details.get(key);
        put(r, old == null ? new RunDetail(r, null, null, List.of(), null, null)
                : new RunDetail(r, old.trace(), old.metrics(), old.candidates(), old.note(), null));
    }

    private void set(RunKey key, ResultCell cell) {
        int[] at = positions.get(key);
        if (at == null) {
            return;
        }
        changed.put(List.of(at[0], at[1]), cell);
    }

    /** Whether cells or figures wait to be shown by a later {@link #flush}. */
    boolean pending() {
        return !changed.isEmpty() || dirty;
    }

    /**
     * Shows the cells that changed since they were last shown (each updates the one table cell that shows it), at
     * most {@value #CELLS_HZ} times a second, and the figures at most {@value #FIGURES_HZ} times a second; both at
     * once when {@code force}. Returns true when anything changed.
     */
    boolean flush(long nowNanos, boolean force) {
        boolean any = false;
        if (!changed.isEmpty() && (force || lastCells == Long.MIN_VALUE
                || nowNanos - lastCells >= 1_000_000_000L / CELLS_HZ)) {
            lastCells = nowNanos;
            changed.forEach((at, cell) -> rows.get(at.get(0)).set(at.get(1), cell));
            changed.clear();
            any = true;
        }
        return refreshFigures(nowNanos, force) || any;
    }

    private boolean refreshFigures(long nowNanos, boolean force) {
        if (!dirty || !force && (computing || nowNanos - lastFigures < 1_000_000_000L / FIGURES_HZ)) {
            return false;
        }
        lastFigures = nowNanos;
        dirty = false;
        List<SweepRecord> records = records();
        Map<String, Integer> difficulties = difficulty;
        long mine = ++generation;
        if (force || tasks == null) {
            computing = false;
            figures.set(figures(records, difficulties));
            return true;
        }
        computing = true;
        tasks.run(() -> figures(records, difficulties), done -> {
            if (mine == generation) {
                computing = false;
                figures.set(done);
            }
        }, e -> {
            if (mine == generation) {
                computing = false;
                dirty = true;
            }
            LOG.log(System.Logger.Level.WARNING, "cannot work out the sweep's figures: " + e);
        });
        return true;
    }

    /** Any thread: pure. */
    private static SweepFigures figures(List<SweepRecord> records, Map<String, Integer> difficulties) {
        return new SweepFigures(records, SweepSummary.rows(records), SweepSummary.measures(records),
                SweepSummary.byDifficulty(records, difficulties::get));
    }

    /** The latest result of every run finished so far, in plan order. */
    public List<SweepRecord> records() {
        List<SweepRecord> out = new ArrayList<>(latest.size());
        for (RunKey k : planOrder) {
            SweepRecord r = latest.get(k);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** The key of the run in a cell, empty when the cell has none (a routed column of a per-budget strategy). */
    public Optional<RunKey> keyAt(ResultRow row, ColumnKey column) {
        int col = columns.get().indexOf(column);
        return Optional.ofNullable(cellKeys.get(List.of(row.problemId(), row.sample(), col)));
    }

    /** Whether the table laid out now has a cell for {@code key}. */
    public boolean has(RunKey key) {
        return cellKeys.containsValue(key);
    }

    /** What the cell of {@code key} opens: its result, trace and candidates, or its live call while in flight. */
    public Optional<RunDetail> detail(RunKey key) {
        RunRecorder recorder = live.get(key);
        if (recorder != null) {
            return Optional.of(new RunDetail(null, null, null, List.of(), null, recorder));
        }
        RunDetail d = details.get(key);
        if (d == null && latest.containsKey(key)) {
            // its trace was let go (more than MAX_TRACES runs): the result line, and the traces file, remain
            return Optional.of(new RunDetail(latest.get(key), null, null, List.of(), null, null));
        }
        return Optional.ofNullable(d);
    }

    /**
     * Gives a finished run the trace read back from its sweep's traces file (it finished in an earlier session);
     * its result line stays the latest one. Does nothing for a run without a result.
     */
    void attachTrace(RunKey key, TraceLog.Stored stored) {
        SweepRecord r = latest.get(key);
        if (r != null) {
            details.put(key, new RunDetail(r, stored.trace(), stored.metrics(), stored.candidates(), stored.note(),
                    null));
        }
    }

    /** The latest result of a run, empty while it has none. */
    public Optional<SweepRecord> record(RunKey key) {
        return Optional.ofNullable(latest.get(key));
    }

    /** One row per problem and sample, in plan order. */
    public ObservableList<ResultRow> rows() {
        return rows;
    }

    /** The table's columns: each strategy at each budget label, in plan order. */
    public ReadOnlyObjectProperty<List<ColumnKey>> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    public List<ColumnKey> columns() {
        return columns.get();
    }

    public ReadOnlyObjectProperty<SweepFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public SweepFigures figures() {
        return figures.get();
    }
}
