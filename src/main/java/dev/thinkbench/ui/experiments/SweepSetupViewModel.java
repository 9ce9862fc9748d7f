package dev.thinkbench.ui.experiments;

import dev.thinkbench.core.FileProblems;
import dev.thinkbench.core.Sampling;

import dev.thinkbench.core.problemset.BenchProblem;
import dev.thinkbench.core.problemset.LoadIssue;
import dev.thinkbench.core.problemset.ProblemLoad;
import dev.thinkbench.core.problemset.ProblemSetReader;
import dev.thinkbench.engine.EngineRegistry;
import dev.thinkbench.engine.ReasoningEngine;
import dev.thinkbench.engine.local.LocalCompletionBackend;
import dev.thinkbench.lab.BudgetPresets;
import dev.thinkbench.lab.Lane;
import dev.thinkbench.lab.strategy.AdaptiveStrategy;
import dev.thinkbench.lab.strategy.FixedStrategy;
import dev.thinkbench.lab.strategy.RoutingStrategy;
import dev.thinkbench.lab.strategy.Strategies;
import dev.thinkbench.lab.strategy.VerifierStrategy;
import dev.thinkbench.lab.sweep.SweepEndpoints;
import dev.thinkbench.lab.sweep.SweepPlan;
import dev.thinkbench.lab.sweep.SweepSetup;
import dev.thinkbench.ui.BackgroundTasks;
import dev.thinkbench.ui.common.EngineNames;
import dev.thinkbench.ui.common.Messages;
import dev.thinkbench.ui.common.ModelRefusalWords;
import dev.thinkbench.ui.common.WindowWording;
import dev.thinkbench.ui.connection.ConnectionViewModel;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sweep setup form's state: the problem set (the app's own or imported; malformed lines reported with their line
 * numbers, the rest loaded), the budgets (the engine's presets, a list, or a doubling range of caps), samples,
 * strategies, concurrency and sampling, validated as they change against the engine bar's engine and model. Says why
 * Start is disabled. Files are read off the UI thread through {@link BackgroundTasks}. UI thread only.
 */
public final class SweepSetupViewModel {

    private static final String NO_LIMIT = "";
    private static final List<String> BEST_OF_N = List.of("majority", VerifierStrategy.NAME, "shortest", "longest");

    private final ConnectionViewModel connection;
    private final BudgetPresets presets;
    private final BackgroundTasks tasks;
    private final ObservableList<ProblemSetChoice> problemSets = FXCollections.observableArrayList();
    private final ObjectProperty<ProblemSetChoice> problemSet = new SimpleObjectProperty<>(this, "problemSet");
    private final ReadOnlyObjectWrapper<List<BenchProblem>> problems =
            new ReadOnlyObjectWrapper<>(this, "problems", List.of());
    private final ReadOnlyObjectWrapper<List<LoadIssue>> issues = new ReadOnlyObjectWrapper<>(this, "issues", List.of());
    private final ReadOnlyStringWrapper problemsStatus = new ReadOnlyStringWrapper(this, "problemsStatus", "");
    private final StringProperty limit = new SimpleStringProperty(this, "limit", NO_LIMIT);
    private final ReadOnlyStringWrapper limitError = new ReadOnlyStringWrapper(this, "limitError", "");
    private final ReadOnlyStringWrapper temperatureError = new ReadOnlyStringWrapper(this, "temperatureError", "");
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper(this, "seedError", "");
    private final ObjectProperty<BudgetMode> budgetMode = new SimpleObjectProperty<>(this, "budgetMode",
            BudgetMode.PRESETS);
    /** The built-in engine's list: its micro model's budgets, from thinking off to a few scratchpad lines. */
    static final String BUILTIN_LIST = "none\ntokens:8\ntokens:32";
    private final StringProperty budgetList = new SimpleStringProperty(this, "budgetList", BUILTIN_LIST);
    /** The list as last filled in for the engine and model; any other text is the user's and is never replaced. */
    private String prefilledList = BUILTIN_LIST;
    private final DoubleProperty rangeLow = new SimpleDoubleProperty(this, "rangeLow", 3);
    private final DoubleProperty rangeHigh = new SimpleDoubleProperty(this, "rangeHigh", 8);
    private final ObjectProperty<BudgetChoices.RangeKind> rangeKind = new SimpleObjectProperty<>(this, "rangeKind",
            BudgetChoices.RangeKind.TOKENS);
    private final BooleanProperty rangeWithNone = new SimpleBooleanProperty(this, "rangeWithNone", true);
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper(this, "rangeText", "");
    private final ReadOnlyStringWrapper presetsText = new ReadOnlyStringWrapper(this, "presetsText", "");
    private final ReadOnlyObjectWrapper<List<Lane>> budgets = new ReadOnlyObjectWrapper<>(this, "budgets", List.of());
    private final ReadOnlyStringWrapper budgetsError = new ReadOnlyStringWrapper(this, "budgetsError", "");
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", 1);
    private final IntegerProperty candidates = new SimpleIntegerProperty(this, "candidates", 5);
    private final IntegerProperty probeEvery = new SimpleIntegerProperty(this, "probeEvery",
            Strategies.Options.defaults().adaptive().probeEvery());
    private final IntegerProperty agree = new SimpleIntegerProperty(this, "agree", 2);
    private final StringProperty confidence = new SimpleStringProperty(this, "confidence", "");
    private final ReadOnlyBooleanWrapper usesProbes = new ReadOnlyBooleanWrapper(this, "usesProbes");
    private final StringProperty judgeModel = new SimpleStringProperty(this, "judgeModel", "");
    private final ReadOnlyBooleanWrapper usesJudge = new ReadOnlyBooleanWrapper(this, "usesJudge");
    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency", 1);
    private final StringProperty moreServers = new SimpleStringProperty(this, "moreServers", "");
    private final ReadOnlyBooleanWrapper takesServers = new ReadOnlyBooleanWrapper(this, "takesServers", false);
    private final ObservableList<String> strategies = FXCollections.observableArrayList(FixedStrategy.NAME);
    private final StringProperty temperature = new SimpleStringProperty(this, "temperature", "");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "");
    private final ReadOnlyStringWrapper engineText = new ReadOnlyStringWrapper(this, "engineText", "");
    private final ReadOnlyStringWrapper planText = new ReadOnlyStringWrapper(this, "planText", "");
    private final ReadOnlyStringWrapper startHint = new ReadOnlyStringWrapper(this, "startHint", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper usesCandidates = new ReadOnlyBooleanWrapper(this, "usesCandidates");
    private int loadGeneration;
    private String engineKind;

    /**
     * @param samplesFolder the app's problem sets ({@code samples/problems}), listed in the background; may not exist
     */
    public SweepSetupViewModel(ConnectionViewModel connection, BudgetPresets presets, BackgroundTasks tasks,
                               Path samplesFolder) {
        this.connection = connection;
        this.presets = presets;
        this.tasks = tasks;
        problemSet.addListener((obs, old, now) -> load(now));
        // before the budgets are worked out: the list they read is the engine's own
        connection.engineProperty().addListener(x -> prefillList());
        connection.modelProperty().addListener(x -> prefillList());
        prefillList();
        for (Observable o : List.of(budgetMode, budgetList, rangeLow, rangeHigh, rangeKind, rangeWithNone,
                connection.engineProperty(), connection.modelProperty())) {
            o.addListener(x -> updateBudgets());
        }
        for (Observable o : List.of(problems, limit, budgets, budgetsError, samples, candidates, concurrency,
                moreServers, strategies, temperature, seed, probeEvery, agree, confidence,
                connection.engineProperty(), connection.modelProperty())) {
            o.addListener(x -> validate());
        }
        connection.engineEntryProperty().addListener((obs, old, now) -> onEngineKind(now));
        onEngineKind(connection.engineEntryProperty().get());
        updateBudgets();
        listSamples(samplesFolder);
    }

    private void listSamples(Path folder) {
        tasks.run(() -> {
            List<ProblemSetChoice> found = new ArrayList<>();
            if (folder != null && Files.isDirectory(folder)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{jsonl,csv}")) {
                    files.forEach(f -> found.add(new ProblemSetChoice(f.getFileName().toString(), f)));
                }
            }
            found.sort((a, b) -> a.name().compareTo(b.name()));
            return found;
        }, found -> {
            problemSets.addAll(0, found.stream().filter(c -> !problemSets.contains(c)).toList());
            if (problemSet.get() == null && !problemSets.isEmpty()) {
                problemSet.set(problemSets.stream().filter(c -> c.name().startsWith("micro")).findFirst()
                        .orElse(problemSets.getFirst()));
            }
        }, error -> problemsStatus.set(Messages.get("sweep.form.samplesUnlisted", error.getMessage())));
    }

    /**
     * Fills the budget list with the chosen engine's (and model's) presets while it holds what was filled in before:
     * a DeepSeek list started as the built-in engine's none / tokens:8 / tokens:32, which DeepSeek refuses at once.
     */
    private void prefillList() {
        String engine = engineId();
        List<Lane> preset = engine == null || LocalCompletionBackend.ID.equals(engine) ? List.of()
                : presets.lanes(engine, model());
        String text = preset.isEmpty() ? BUILTIN_LIST : preset.stream()
                .map(l -> dev.thinkbench.core.BudgetSpec.format(l.budget())).collect(Collectors.joining("\n"));
        if (java.util.Objects.equals(budgetList.get(), prefilledList) && !text.equals(prefilledList)) {
            prefilledList = text;
            budgetList.set(text);
        }
    }

    /** The built-in engine batches its concurrent runs (continuous batching) and its micro model is measured greedy. */
    private void onEngineKind(EngineRegistry.Entry entry) {
        String id = entry == null ? null : entry.id();
        if (id != null && !id.equals(engineKind)) {
            boolean builtin = LocalCompletionBackend.ID.equals(id);
            concurrency.set(builtin ? SweepEndpoints.BUILTIN_CONCURRENCY : SweepEndpoints.SERVER_CONCURRENCY);
            temperature.set(builtin ? "0" : "");
        }
        engineKind = id;
        takesServers.set(id != null && !LocalCompletionBackend.ID.equals(id));
        validate();
    }

    /** Adds a problem file (JSONL or CSV) to the choices and loads it. */
    public void importFile(Path file) {
        choose(new ProblemSetChoice(file.getFileName().toString(), file));
    }

    /** Adds {@code choice} to the problem sets if it is not there, picks it and loads it. */
    private void choose(ProblemSetChoice choice) {
        if (!problemSets.contains(choice)) {
            problemSets.add(choice);
        }
        if (choice.equals(problemSet.get())) {
            load(choice);
        } else {
            problemSet.set(choice);
        }
    }

    private void load(ProblemSetChoice choice) {
        int generation = ++loadGeneration;
        problems.set(List.of());
        issues.set(List.of());
        if (choice == null) {
            problemsStatus.set("");
            return;
        }
        problemsStatus.set(Messages.get("sweep.form.reading", choice.name()));
        tasks.run(() -> ProblemSetReader.read(choice.file()), load -> {
            if (generation == loadGeneration) {
                loaded(load);
            }
        }, error -> {
            if (generation == loadGeneration) {
                problemsStatus.set(Messages.get("sweep.form.cannotRead", choice.name(), FileProblems.reason(error)));
            }
        });
    }

    private void loaded(ProblemLoad load) {
        issues.set(load.issues());
        problems.set(load.problems());
        List<Integer> levels = load.problems().stream().map(BenchProblem::difficulty)
                .filter(d -> d != null).distinct().sorted().toList();
        long ungraded = load.problems().stream().filter(p -> !p.gradable()).count();
        StringBuilder s = new StringBuilder(Messages.get("sweep.form.problems", load.problems().size()));
        if (!levels.isEmpty()) {
            s.append(" \u00b7 ").append(Messages.get("sweep.form.difficulty", levels.getFirst()
                    + (levels.size() > 1 ? "\u2013" + levels.getLast() : "")));
        }
        if (ungraded > 0) {
            s.append(" \u00b7 ").append(Messages.get("sweep.form.ungraded", ungraded));
        }
        long skipped = load.issues().stream().filter(i -> i.reason().skips()).count();
        if (skipped > 0) {
            s.append(" \u00b7 ").append(Messages.get("sweep.form.skipped", skipped));
        }
        problemsStatus.set(s.toString());
    }

    private void updateBudgets() {
        rangeText.set(BudgetChoices.describeRange(exponent(rangeLow), exponent(rangeHigh), rangeWithNone.get()));
        String engine = engineId();
        List<Lane> preset = engine == null ? List.of() : presets.lanes(engine, model());
        presetsText.set(preset.isEmpty() ? Messages.get("sweep.form.noPresets")
                : preset.stream().map(l -> l.label() + " \u00b7 " + BudgetChoices.words(l.budget()))
                        .collect(Collectors.joining("\n")));
        try {
            List<Lane> lanes = switch (budgetMode.get()) {
                case PRESETS -> {
                    if (preset.isEmpty()) {
                        throw new IllegalArgumentException(Messages.get("sweep.form.noPresetBudgets"));
                    }
                    yield preset;
                }
                case LIST -> BudgetChoices.parseList(budgetList.get());
                case RANGE -> BudgetChoices.range(exponent(rangeLow), exponent(rangeHigh), rangeKind.get(),
                        rangeWithNone.get());
            };
            budgets.set(lanes);
            budgetsError.set(unsupported(lanes));
        } catch (IllegalArgumentException e) {
            budgets.set(List.of());
            budgetsError.set(e.getMessage());
        }
    }

    private String unsupported(List<Lane> lanes) {
        ReasoningEngine engine = connection.engineProperty().get();
        if (engine == null) {
            return "";
        }
        String cannot = SweepPlan.unsupportedBudget(lanes, engine.capabilities()).map(u -> u.lane().label() + " ("
                + u.lane().budget().spec() + "): " + WindowWording.of(u.why())).orElse("");
        String model = model();
        if (!cannot.isEmpty() || model == null || model.isBlank()) {
            return cannot;
        }
        // what the chosen model refuses (an effort level on Claude Sonnet 4.5), in its run's words, before Start
        for (Lane lane : lanes) {
            String why = engine.whyModelRefuses(lane.budget(), model);
            if (why != null) {
                return lane.label() + " (" + lane.budget().spec() + "): " + ModelRefusalWords.say(why);
            }
        }
        return "";
    }

    private static int exponent(DoubleProperty p) {
        return (int) Math.round(Math.max(0, Math.min(BudgetChoices.MAX_EXPONENT, p.get())));
    }

    private void validate() {
        usesCandidates.set(strategies.stream().anyMatch(BEST_OF_N::contains));
        usesProbes.set(strategies.contains(AdaptiveStrategy.NAME));
        usesJudge.set(strategies.contains(VerifierStrategy.NAME));
        String model = model();
        engineText.set(connection.engineEntryProperty().get() == null ? Messages.get("engine.none")
                : EngineNames.of(connection.engineEntryProperty().get()) + " \u00b7 "
                + (model == null || model.isBlank() ? Messages.get("sweep.form.engineNoModel") : model));
        String hint = blocker();
        startHint.set(hint);
        limitError.set(problem(this::parseLimit));
        temperatureError.set(problem(this::parseTemperature));
        seedError.set(problem(this::parseSeed));
        valid.set(hint.isEmpty());
        int n = problemCount();
        // routing runs once per problem and sample, not once per budget
        long routed = strategies.stream().filter(RoutingStrategy.NAME::equals).count();
        int lanes = budgets.get().size();
        // routing picks among the budgets: with none it has nothing to pick from either
        long runs = lanes == 0 ? 0 : (long) n * samples.get() * ((strategies.size() - routed) * lanes + routed);
        String plan = routed == 0 || lanes == 0
                ? Messages.get("sweep.form.plan", n, lanes, samples.get(), strategies.size(), runs)
                : routed == strategies.size() ? Messages.get("sweep.form.plan.routedOnly", n, samples.get(), runs)
                : Messages.get("sweep.form.plan.routed", n, lanes, samples.get(), strategies.size() - routed, runs);
        long drawing = strategies.stream().filter(BEST_OF_N::contains).count();
        if (drawing > 0 && candidates.get() > 1) {
            // a best-of-N run is N generations (a verifier's judge calls come on top)
            long generations = runs + (long) n * samples.get() * budgets.get().size() * drawing * (candidates.get() - 1);
            plan += " " + Messages.get("sweep.form.generations", candidates.get(), generations);
        }
        planText.set(plan);
        note.set(greedyNote());
    }

    /** What temperature 0 (greedy) would repeat, in words: the samples, the candidates of best-of-N; else empty. */
    private String greedyNote() {
        if (!greedy()) {
            return "";
        }
        List<String> said = new ArrayList<>();
        if (samples.get() > 1) {
            said.add(Messages.get("sweep.form.greedy"));
        }
        List<String> drawing = strategies.stream().filter(BEST_OF_N::contains).toList();
        if (!drawing.isEmpty() && candidates.get() > 1) {
            said.add(Messages.get("sweep.form.greedyCandidates",
                    String.join(", ", drawing.stream().map(StrategyNames::shown).toList()), candidates.get()));
        }
        return String.join(" ", said);
    }

    private boolean greedy() {
        try {
            Double t = parseTemperature();
            return t != null && t == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String blocker() {
        if (connection.engineProperty().get() == null) {
            String why = connection.connectionErrorProperty().get();
            return why == null || why.isEmpty() ? Messages.get("sweep.form.noEngine")
                    : Messages.get("sweep.form.connection", why);
        }
        String model = model();
        if (model == null || model.isBlank()) {
            return Messages.get("sweep.form.noModel");
        }
        if (problems.get().isEmpty()) {
            return Messages.get(problemSet.get() == null ? "sweep.form.noProblemSet" : "sweep.form.noProblems");
        }
        if (!budgetsError.get().isEmpty()) {
            return Messages.get("sweep.form.fixBudgets", budgetsError.get());
        }
        if (strategies.isEmpty()) {
            return Messages.get("sweep.form.noStrategy");
        }
        if (strategies.stream().anyMatch(Strategies::needsRawContinuation) && !continuesRawText()) {
            return Messages.get("sweep.form.adaptiveNeedsRaw");
        }
        try {
            parseLimit();
            parseTemperature();
            parseSeed();
            parseMoreServers();
            parseConfidence();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (samples.get() < 1 || candidates.get() < 1 || concurrency.get() < 1 || probeEvery.get() < 1
                || agree.get() < 1) {
            return Messages.get("sweep.form.atLeastOne");
        }
        return "";
    }

    /** What is wrong with a field's text as {@code parse} reads it, "" when nothing is. */
    private static String problem(java.util.function.Supplier<?> parse) {
        try {
            parse.get();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** What is wrong with the first-N field, "" when nothing is: the field is marked where it is typed. */
    public ReadOnlyStringProperty limitErrorProperty() {
        return limitError.getReadOnlyProperty();
    }

    /** What is wrong with the temperature field, "" when nothing is. */
    public ReadOnlyStringProperty temperatureErrorProperty() {
        return temperatureError.getReadOnlyProperty();
    }

    /** What is wrong with the seed field, "" when nothing is. */
    public ReadOnlyStringProperty seedErrorProperty() {
        return seedError.getReadOnlyProperty();
    }

    private boolean continuesRawText() {
        EngineRegistry.Entry e = connection.engineEntryProperty().get();
        return e != null && e.continuesRawText();
    }

    private int problemCount() {
        try {
            Integer l = parseLimit();
            return l == null ? problems.get().size() : Math.min(l, problems.get().size());
        } catch (IllegalArgumentException e) {
            return problems.get().size();
        }
    }

    private Integer parseLimit() {
        String t = limit.get() == null ? "" : limit.get().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(t);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.get("sweep.form.limit"));
        }
    }

    private Double parseTemperature() {
        String t = temperature.get() == null ? "" : temperature.get().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            if (!(v >= 0 && v <= 2)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.get("sweep.form.temperature"));
        }
    }

    /** Adaptive thinking's confidence threshold: blank for none, else a number in (0, 1]. */
    private Double parseConfidence() {
        String t = confidence.get() == null ? "" : confidence.get().strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            if (!(v > 0 && v <= 1)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.get("sweep.form.confidence"));
        }
    }

    private Long parseSeed() {
        String t = seed.get() == null ? "" : seed.get().strip();
        if (t.isEmpty()) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(t);
        } catch (NumberFormatException e) {
            parsed = -1;
        }
        if (!Sampling.seedInRange(parsed)) {
            throw new IllegalArgumentException(Messages.get("sweep.form.seed", String.valueOf(Sampling.MAX_SEED)));
        }
        return parsed;
    }

    /** The problems the sweep runs: the loaded set, cut to the first N when asked. */
    public List<BenchProblem> selectedProblems() {
        Integer l = parseLimit();
        List<BenchProblem> all = problems.get();
        return l == null || l >= all.size() ? all : all.subList(0, l);
    }

    /**
     * The sweep as set up now, on the engine bar's engine and model.
     *
     * @throws IllegalStateException with {@link #startHintProperty()}'s words when the form is not valid
     */
    public SweepSetup toSetup() {
        validate();
        if (!valid.get()) {
            throw new IllegalStateException(startHint.get());
        }
        List<BenchProblem> chosen = selectedProblems();
        String url = connection.baseUrlProperty().get();
        String key = connection.apiKeyVariableProperty().get();
        String name = problemSet.get() == null ? "problems" : problemSet.get().name();
        // the title kept in the sweep's setup file is data, in English whatever the language shown: see name()
        String title = name + " \u00b7 " + chosen.size() + " problems \u00b7 " + budgets.get().size() + " budgets";
        return new SweepSetup(title, name, engineId(), url == null || url.isBlank() ? null : url.strip(),
                key == null || key.isBlank() ? null : key.strip(), model().strip(),
                BudgetChoices.specs(budgets.get()), samples.get(), List.copyOf(strategies), candidates.get(),
                probeEvery.get(), agree.get(), parseConfidence(), judgeModel.get(), concurrency.get(),
                parseTemperature(),
                parseSeed(), "", parseMoreServers());
    }

    /**
     * A sweep's name in the language shown, e.g. {@code micro-heldout.jsonl · 20 problems · 4 budgets}: made from its
     * setup, so a sweep saved in another language reads the same as one set up now.
     *
     * @param problems how many problems it runs
     */
    static String name(SweepSetup setup, int problems) {
        return Messages.get("sweep.name", setup.problemSet(), problems, setup.budgets().size());
    }

    /** The further servers typed in the form: http(s) URLs separated by spaces or commas; none on the built-in engine. */
    private List<String> parseMoreServers() {
        if (!takesServers.get()) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        for (String token : moreServers.get() == null ? new String[0] : moreServers.get().strip().split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            java.net.URI uri;
            try {
                uri = java.net.URI.create(token);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException(Messages.get("sweep.form.moreServers", token));
            }
            urls.add(token);
        }
        return urls;
    }

    /**
     * Shows a saved sweep's setup in the form (resuming or reopening it) and its saved problems; its budgets the way
     * they were most likely chosen: the engine's presets, a doubling range, else a list.
     */
    public void show(SweepSetup saved, ProblemSetChoice problemsCopy) {
        budgetList.set(saved.budgets().stream().collect(Collectors.joining("\n")));
        showBudgets(saved.budgets());
        samples.set(saved.samples());
        candidates.set(saved.candidates());
        probeEvery.set(saved.probeEvery());
        agree.set(saved.agree());
        confidence.set(saved.confidence() == null ? "" : stripZeros(saved.confidence()));
        judgeModel.set(saved.judgeModel() == null ? "" : saved.judgeModel());
        concurrency.set(saved.concurrency());
        moreServers.set(String.join(" ", saved.moreBaseUrls()));
        strategies.setAll(saved.strategies());
        temperature.set(saved.temperature() == null ? "" : stripZeros(saved.temperature()));
        seed.set(saved.seed() == null ? "" : saved.seed().toString());
        limit.set(NO_LIMIT);
        choose(problemsCopy);
    }

    /** Presets when {@code specs} are the engine's, a range when they are one, else the list. */
    private void showBudgets(List<String> specs) {
        String engine = engineId();
        if (engine != null && BudgetChoices.specs(presets.lanes(engine, model())).equals(specs)) {
            budgetMode.set(BudgetMode.PRESETS);
            return;
        }
        for (BudgetChoices.RangeKind kind : BudgetChoices.RangeKind.values()) {
            for (boolean withNone : new boolean[] {false, true}) {
                for (int low = 0; low <= BudgetChoices.MAX_EXPONENT; low++) {
                    int high = low + specs.size() - (withNone ? 2 : 1);
                    if (high >= low && high <= BudgetChoices.MAX_EXPONENT
                            && BudgetChoices.specs(BudgetChoices.range(low, high, kind, withNone)).equals(specs)) {
                        // high first: the slider keeps low <= high as each is set
                        rangeHigh.set(high);
                        rangeLow.set(low);
                        rangeKind.set(kind);
                        rangeWithNone.set(withNone);
                        budgetMode.set(BudgetMode.RANGE);
                        return;
                    }
                }
            }
        }
        budgetMode.set(BudgetMode.LIST);
    }

    /** {@code 0.8}, {@code 1} (no trailing {@code .0}): a number as the form shows it. */
    static String stripZeros(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private String engineId() {
        EngineRegistry.Entry e = connection.engineEntryProperty().get();
        return e == null ? null : e.id();
    }

    private String model() {
        return connection.modelProperty().get();
    }

    /** Every strategy the sweep can run, in the order they are listed. */
    public List<String> strategyNames() {
        return Strategies.NAMES;
    }

    public ObservableList<ProblemSetChoice> problemSets() {
        return problemSets;
    }

    public ObjectProperty<ProblemSetChoice> problemSetProperty() {
        return problemSet;
    }

    /** The problems that loaded from the chosen set, in file order. */
    public ReadOnlyObjectProperty<List<BenchProblem>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** The entries of the chosen set that were skipped, with their line numbers. */
    public ReadOnlyObjectProperty<List<LoadIssue>> issuesProperty() {
        return issues.getReadOnlyProperty();
    }

    /** The loaded set in words, e.g. {@code 40 problems · difficulty 1–6 · 1 line skipped}. */
    public ReadOnlyStringProperty problemsStatusProperty() {
        return problemsStatus.getReadOnlyProperty();
    }

    /** Only the first N problems; blank for all. */
    public StringProperty limitProperty() {
        return limit;
    }

    public ObjectProperty<BudgetMode> budgetModeProperty() {
        return budgetMode;
    }

    /** The list mode's text: one budget a line, {@code label=spec} or just the spec. */
    public StringProperty budgetListProperty() {
        return budgetList;
    }

    /** The range's low end as a power of two (3 is 8 tokens). */
    public DoubleProperty rangeLowProperty() {
        return rangeLow;
    }

    /** The range's high end as a power of two (8 is 256 tokens). */
    public DoubleProperty rangeHighProperty() {
        return rangeHigh;
    }

    public ObjectProperty<BudgetChoices.RangeKind> rangeKindProperty() {
        return rangeKind;
    }

    /** Whether the range starts with thinking off. */
    public BooleanProperty rangeWithNoneProperty() {
        return rangeWithNone;
    }

    /** The range in words, e.g. {@code 8 .. 256 tokens, doubling (6 budgets)}. */
    public ReadOnlyStringProperty rangeTextProperty() {
        return rangeText.getReadOnlyProperty();
    }

    /** The engine's presets, one {@code label · words} a line (e.g. {@code small · force ≤ 8 tokens}). */
    public ReadOnlyStringProperty presetsTextProperty() {
        return presetsText.getReadOnlyProperty();
    }

    /** The budgets chosen now, smallest first; empty while they do not parse. */
    public ReadOnlyObjectProperty<List<Lane>> budgetsProperty() {
        return budgets.getReadOnlyProperty();
    }

    /** Why the budgets cannot run (a parse error, or what the engine cannot do), empty when they can. */
    public ReadOnlyStringProperty budgetsErrorProperty() {
        return budgetsError.getReadOnlyProperty();
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    /** N for best-of-N (majority, verifier, shortest, longest). */
    public IntegerProperty candidatesProperty() {
        return candidates;
    }

    /** Runs at once on the engine. */
    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    /** Further servers of the engine bar's engine and model to spread the runs over, separated by spaces or commas. */
    public StringProperty moreServersProperty() {
        return moreServers;
    }

    /** Whether the engine takes servers (every engine but the built-in one, which runs here). */
    public ReadOnlyBooleanProperty takesServersProperty() {
        return takesServers.getReadOnlyProperty();
    }

    /** The strategies chosen, by name. */
    public ObservableList<String> strategies() {
        return strategies;
    }

    /** Blank for the engine's own; the built-in engine starts at 0 (greedy). */
    public StringProperty temperatureProperty() {
        return temperature;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** The engine bar's engine and model, e.g. {@code Built-in engine · micro-reasoner.gguf}. */
    public ReadOnlyStringProperty engineTextProperty() {
        return engineText.getReadOnlyProperty();
    }

    /** The plan in words, e.g. {@code 20 problems × 4 budgets × 1 sample × 1 strategy = 80 runs}. */
    public ReadOnlyStringProperty planTextProperty() {
        return planText.getReadOnlyProperty();
    }

    /** Why Start is disabled, empty when the form is valid. */
    public ReadOnlyStringProperty startHintProperty() {
        return startHint.getReadOnlyProperty();
    }

    /** Advice that does not block Start (samples under greedy decoding), empty when there is none. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Adaptive thinking: a probe every this many thinking tokens. */
    public IntegerProperty probeEveryProperty() {
        return probeEvery;
    }

    /** Adaptive thinking: stop when this many probes in a row agree. */
    public IntegerProperty agreeProperty() {
        return agree;
    }

    /** Adaptive thinking: stop too when a probe is at least this confident (0 to 1); blank for none. */
    public StringProperty confidenceProperty() {
        return confidence;
    }

    /** The verifier's model on the same engine; blank for the sweep's own. */
    public StringProperty judgeModelProperty() {
        return judgeModel;
    }

    /** Whether the verifier is chosen (so its judge matters). */
    public ReadOnlyBooleanProperty usesJudgeProperty() {
        return usesJudge.getReadOnlyProperty();
    }

    /** Whether adaptive thinking is chosen (so its probe settings matter). */
    public ReadOnlyBooleanProperty usesProbesProperty() {
        return usesProbes.getReadOnlyProperty();
    }

    /** Whether a chosen strategy makes best-of-N candidates (so N matters). */
    public ReadOnlyBooleanProperty usesCandidatesProperty() {
        return usesCandidates.getReadOnlyProperty();
    }
}
