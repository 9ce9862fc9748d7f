package dev.thinkbench.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import dev.thinkbench.core.problems.ProblemSplit;
import dev.thinkbench.core.problems.TrainingMix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trains the micro reasoner and exports it as GGUF. The vocabulary is learned first (word pieces from the first
 * 20,000 training examples of the seed, {@link MicroVocab#learn}); with {@code --init} the run continues from a
 * checkpoint, widening a smaller vocabulary ({@link GgufImport}). AdamW (beta 0.9/0.95, weight decay 0.1 on
 * matrices), linear warm-up then cosine decay to a tenth over the steps or the time budget ({@code --minutes}),
 * whichever runs out first; global-norm clipping at 1. A step whose global gradient norm is not finite is skipped
 * (libtorch sporadically returns NaN gradients with a finite loss; see micro-training.md), and gradients are zeroed
 * with {@code grad.zero_()} since multiplying by 0 keeps NaN. Every {@code --eval-every} steps it measures greedy
 * accuracy on held-out slices the harness does not use (widened problems 600..679, first-model problems 600..619,
 * prompts outside the task 100..139), with full thinking and with the answer forced at once, and writes checkpoints.
 * The hand-written evaluation sets ({@code --exclude}) are never trained on.
 *
 * <p>Usage: {@code bin/train-micro [--minutes M] [--steps N] [--seed S] [--out file.gguf] [--init from.gguf|none]
 * ...}. Runs on the calling thread.
 */
public final class MicroTrainer {

    private record Options(int steps, long seed, int rows, int seq, float lr, int warmup, int evalEvery,
                           Path out, Path work, Path init, int merges, int dim, int layers, int feedForward,
                           List<Path> exclude, double minutes) {
        static Options parse(String[] args) {
            Map<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
                }
                m.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(Integer.parseInt(m.getOrDefault("steps", "20000")),
                    Long.parseLong(m.getOrDefault("seed", "1")),
                    Integer.parseInt(m.getOrDefault("rows", "24")),
                    Integer.parseInt(m.getOrDefault("seq", "512")),
                    Float.parseFloat(m.getOrDefault("lr", "2e-3")),
                    Integer.parseInt(m.getOrDefault("warmup", "100")),
                    Integer.parseInt(m.getOrDefault("eval-every", "300")),
                    Path.of(m.getOrDefault("out", "assets/models/micro-reasoner.gguf")),
                    Path.of(m.getOrDefault("work", "target/micro")),
                    m.containsKey("init") && !m.get("init").equals("none") ? Path.of(m.get("init")) : null,
                    Integer.parseInt(m.getOrDefault("merges", "700")),
                    Integer.parseInt(m.getOrDefault("dim", "128")),
                    Integer.parseInt(m.getOrDefault("layers", "5")),
                    Integer.parseInt(m.getOrDefault("ff", "352")),
                    java.util.Arrays.stream(m.getOrDefault("exclude",
                            "samples/problems/micro-worksheet.jsonl,src/test/resources/micro/non-problems.jsonl")
                            .split(",")).map(Path::of).toList(),
                    Double.parseDouble(m.getOrDefault("minutes", "115")));
        }
    }

    private MicroTrainer() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Files.createDirectories(o.work());
        Set<String> excluded = excluded(o.exclude());
        long t0 = System.nanoTime();
        MicroVocab vocab = vocabulary(o, excluded);
        MicroConfig config = MicroConfig.standard(vocab.size()).resized(o.dim(), o.layers(), o.feedForward());
        log("vocabulary %d tokens (%d learned pieces) in %.1f s; %d evaluation prompts kept out of training",
                vocab.size(), vocab.size() - MicroVocab.BASE_SIZE, (System.nanoTime() - t0) / 1e9, excluded.size());
        log("config %s, %d parameters; %s", config, config.parameterCount(), o);
        Engine.getInstance().setRandomSeed((int) o.seed());
        List<GreedyEvaluator.Item> validation = validation();
        try (NDManager manager = NDManager.newBaseManager()) {
            MicroModel model = new MicroModel(manager, config, o.seed());
            if (o.init() != null) {
                GgufImport.load(o.init(), model, manager, vocab);
                log("weights from %s (a continued run: fresh optimizer state, data seed %d)", o.init(), o.seed());
            }
            double[] progress = {0};
            ParameterTracker schedule = (id, t) -> rate(o, t, progress[0]);
            Optimizer decay = Optimizer.adamW().optLearningRateTracker(schedule).optBeta1(0.9f).optBeta2(0.95f)
                    .optWeightDecays(0.1f).build();
            Optimizer noDecay = Optimizer.adamW().optLearningRateTracker(schedule).optBeta1(0.9f).optBeta2(0.95f)
                    .optWeightDecays(0f).build();
            LengthBatches batches = new LengthBatches(o.seed(), excluded, vocab, o.rows(), o.seq());
            GreedyEvaluator evaluator = new GreedyEvaluator(model, vocab, manager);
            long start = System.nanoTime();
            long tokens = 0;
            long examples = 0;
            int skipped = 0;
            double lossSum = 0;
            int lossCount = 0;
            double best = -1;
            int step = 0;
            while (progress[0] < 1) {
                step++;
                double elapsedMinutes = (System.nanoTime() - start) / 6e10;
                progress[0] = Math.max((double) step / o.steps(), o.minutes() > 0 ? elapsedMinutes / o.minutes() : 0);
                LengthBatches.Batch batch = batches.next();
                float[] stats = step(manager, model, batch);
                boolean finite = Float.isFinite(stats[1]) && Float.isFinite(stats[0]);
                update(model, decay, noDecay, finite ? Math.min(1f, 1f / Math.max(stats[1], 1e-6f)) : 0f, finite);
                tokens += batch.realTokens();
                examples += batch.rows();
                if (finite) {
                    lossSum += stats[0];
                    lossCount++;
                } else {
                    skipped++;
                    log("step %d: gradient norm not finite (loss %s); update skipped", step, stats[0]);
                }
                if (step % 50 == 0) {
                    double secs = (System.nanoTime() - start) / 1e9;
                    log("step %5d  loss %.4f  lr %.2e  %.0f tok/s  %d examples  %.1f tok/example  %.1f min  skipped %d",
                            step, lossSum / Math.max(1, lossCount), rate(o, step, progress[0]), tokens / secs, examples,
                            (double) tokens / examples, secs / 60, skipped);
                    lossSum = 0;
                    lossCount = 0;
                }
                if (step % o.evalEvery() == 0 || progress[0] >= 1) {
                    best = evaluate(o, model, vocab, evaluator, validation, step, best);
                }
            }
            GgufExport.write(model, vocab, o.out(), description(o, config));
            log("done in %.1f min after %d steps (%d examples, %d tokens): %s (%d bytes); %d examples over the"
                    + " context skipped", (System.nanoTime() - start) / 6e10, step, examples, tokens, o.out(),
                    Files.size(o.out()), batches.skipped());
        }
    }

    /** The prompts of the hand-written evaluation sets (JSON lines with a {@code prompt}): never trained on. */
    private static Set<String> excluded(List<Path> files) throws java.io.IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Set<String> out = new java.util.HashSet<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line).get("prompt").asText());
                }
            }
        }
        return out;
    }

    /**
     * Word pieces learned from the first 20,000 training examples of the seed; a continued run from an already
     * widened checkpoint keeps that checkpoint's pieces (its weights belong to them), so it may use a new data seed.
     */
    private static MicroVocab vocabulary(Options o, Set<String> excluded) throws Exception {
        if (o.init() != null) {
            MicroVocab own = GgufImport.vocab(o.init());
            if (own.size() > MicroVocab.BASE_SIZE) {
                return own;
            }
        }
        TrainingMix mix = new TrainingMix(o.seed(), excluded);
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            texts.add(mix.next().text());
        }
        return MicroVocab.learn(texts, o.merges(), 20);
    }

    /**
     * Held-out prompts the harness does not use: widened problems 600..679, first-model problems 600..619, prompts
     * outside the task 100..139.
     */
    private static List<GreedyEvaluator.Item> validation() {
        List<GreedyEvaluator.Item> items = new java.util.ArrayList<>();
        ProblemSplit.heldOutWords(680).subList(600, 680).forEach(p -> items.add(GreedyEvaluator.Item.problem("words",
                p)));
        ProblemSplit.heldOut(620).subList(600, 620).forEach(p -> items.add(GreedyEvaluator.Item.problem("legacy", p)));
        ProblemSplit.heldOutNonProblems(140).subList(100, 140)
                .forEach(np -> items.add(GreedyEvaluator.Item.nonProblem(np.question())));
        return items;
    }

    /** Forward, backward and the global gradient norm; returns {loss, norm}. */
    private static float[] step(NDManager manager, MicroModel model, LengthBatches.Batch b) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Shape rt = new Shape(b.rows(), b.seq());
            NDArray ids = manager.create(b.ids(), rt);
            long[] positions = new long[b.lossTokens()];
            long[] targets = new long[b.lossTokens()];
            for (int i = 0, k = 0; i < b.lossMask().length; i++) {
                if (b.lossMask()[i] > 0) {
                    positions[k] = i;
                    targets[k++] = b.targets()[i];
                }
            }
            NDArray where = manager.create(positions);
            NDArray wanted = manager.create(targets, new Shape(targets.length, 1));
            NDArray bias = manager.create(b.causal(), new Shape(1, 1, b.seq(), b.seq()));
            NDArray loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray hidden = model.hidden(ids, bias, 0, null)
                        .reshape((long) b.rows() * b.seq(), model.config().dim()).get(new NDIndex("{}", where));
                NDArray picked = model.logits(hidden).logSoftmax(-1).gather(wanted, 1);
                loss = picked.sum().div(Math.max(1, b.lossTokens())).neg();
                gc.backward(loss);
            }
            NDArray squares = null;
            for (NDArray p : model.parameters().values()) {
                NDArray s = p.getGradient().square().sum();
                squares = squares == null ? s : squares.add(s);
            }
            return new float[] {loss.getFloat(), (float) Math.sqrt(squares.getFloat())};
        }
    }

    private static void update(MicroModel model, Optimizer decay, Optimizer noDecay, float scale, boolean apply) {
        for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
            NDArray p = e.getValue();
            if (apply) {
                try (NDArray g = p.getGradient()) {
                    if (scale < 1f) {
                        g.muli(scale);
                    }
                    (p.getShape().dimension() > 1 ? decay : noDecay).update(e.getKey(), p, g);
                }
            }
            JniUtils.zeroGrad((PtNDArray) p);
        }
    }

    private static double evaluate(Options o, MicroModel model, MicroVocab vocab, GreedyEvaluator evaluator,
                                   List<GreedyEvaluator.Item> validation, int step, double best) throws Exception {
        long t0 = System.nanoTime();
        GreedyEvaluator.Result full = evaluator.evaluate(validation, true, 200);
        GreedyEvaluator.Result none = evaluator.evaluate(validation.stream().filter(i -> !i.group().equals("refuse"))
                .toList(), false, 6);
        log("eval step %d: full thinking %s | no thinking %s | %.1f s", step, full, none, (System.nanoTime() - t0) / 1e9);
        full.samples().forEach(s -> log("  wrong: %s", s));
        String desc = description(o, model.config()) + "; checkpoint at step " + step;
        Path latest = o.work().resolve("micro-latest.gguf");
        GgufExport.write(model, vocab, latest, desc);
        double score = full.accuracy("words") + full.accuracy("legacy") + full.accuracy("refuse");
        if (score > best) {
            Files.copy(latest, o.work().resolve("micro-best.gguf"), StandardCopyOption.REPLACE_EXISTING);
            log("  new best on validation: %.3f at step %d -> %s", score / 3, step, o.work().resolve("micro-best.gguf"));
            return score;
        }
        return best;
    }

    /**
     * Linear warm-up over the first steps, then cosine decay to a tenth as {@code progress} (the larger of the step
     * fraction and, with {@code --minutes}, the fraction of the time budget used) goes from the end of warm-up to 1.
     */
    private static float rate(Options o, int t, double progress) {
        if (t <= o.warmup()) {
            return o.lr() * t / o.warmup();
        }
        double start = Math.min(0.5, (double) o.warmup() / o.steps());
        double p = Math.min(1.0, Math.max(0, (progress - start) / (1 - start)));
        return (float) (o.lr() * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * p))));
    }

    private static String description(Options o, MicroConfig c) {
        return "Thinkbench built-in micro reasoner: llama, char vocab, d" + c.dim() + " x" + c.layers()
                + " layers, " + c.parameterCount() + " params, trained from scratch by dev.thinkbench.train"
                + ".MicroTrainer, seed " + o.seed() + ", " + o.steps() + " steps of " + o.rows() + " examples, "
                + o.merges() + " merges"
                + (o.init() == null ? "" : ", continued from " + o.init().getFileName());
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, "%tT ", System.currentTimeMillis())
                + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
