package dev.thinkbench.train;

import ai.djl.ndarray.NDManager;
import dev.thinkbench.core.problems.MicroFormat;
import dev.thinkbench.core.problems.Problem;
import dev.thinkbench.core.problems.ProblemSplit;

import java.nio.file.Path;
import java.util.List;

/**
 * Prints the trainer's own greedy continuations of the first held-out prompts for a GGUF, to compare with what
 * llama.cpp makes of the same file. Usage: {@code MicroSample file.gguf [count]}. Runs on the calling thread.
 */
public final class MicroSample {

    private MicroSample() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        try (NDManager manager = NDManager.newBaseManager()) {
            Path file = Path.of(args[0]);
            MicroModel model = new MicroModel(manager, GgufImport.config(file), 0);
            GgufImport.load(file, model, manager);
            List<Problem> problems = ProblemSplit.heldOut(count);
            List<String> out = new GreedyEvaluator(model, GgufImport.vocab(file), manager)
                    .generate(problems.stream().map(p -> MicroFormat.prompt(p.question())).toList(), 160);
            for (int i = 0; i < count; i++) {
                System.out.println(problems.get(i).id() + "\t" + out.get(i).replace("\n", "\\n"));
            }
        }
    }
}
