package dev.thinkbench.forcing;

import dev.thinkbench.engine.CancelToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A scripted stepping session, e.g. {@code wait,wait,insert:Hmm,answer}: each action is applied at the next pause.
 * Actions: {@code wait}, {@code insert:TEXT}, {@code edit:TEXT}, {@code continue} (accept the model's end and
 * answer), {@code answer} (force the answer), {@code fork}, {@code undo}, {@code branch:N} (switch branch). A comma
 * inside a text is written {@code \,}. If the session is still paused when the script ends, the model's end is
 * accepted so there is an answer. Immutable; {@link #run} blocks the calling thread.
 */
public record StepScript(List<Action> actions) {

    /** One scripted action. */
    public sealed interface Action {
        /** The action as written, for messages. */
        String written();
    }

    /** Appends the next Wait text. */
    public record Wait() implements Action {
        public String written() {
            return "wait";
        }
    }

    /** Appends text. */
    public record Insert(String text) implements Action {
        public String written() {
            return "insert:" + text;
        }
    }

    /** Replaces the thinking. */
    public record Edit(String text) implements Action {
        public String written() {
            return "edit:" + text;
        }
    }

    /** Accepts the model's end of thinking. */
    public record Continue() implements Action {
        public String written() {
            return "continue";
        }
    }

    /** Forces the answer. */
    public record Answer() implements Action {
        public String written() {
            return "answer";
        }
    }

    /** Forks a branch. */
    public record Fork() implements Action {
        public String written() {
            return "fork";
        }
    }

    /** Undoes the last step. */
    public record Undo() implements Action {
        public String written() {
            return "undo";
        }
    }

    /** Switches to branch N. */
    public record Branch(int id) implements Action {
        public String written() {
            return "branch:" + id;
        }
    }

    /** What a script run produced. {@code error} is null when every action applied. */
    public record Result(StepperSnapshot snapshot, List<String> notes, String error) {
    }

    /**
     * @throws IllegalArgumentException for a {@code branch:N} that no branch can answer where it stands: the first
     *                                  branch is 1 and each fork before it adds the next number, so this is known
     *                                  before any step runs
     */
    public StepScript {
        actions = List.copyOf(actions);
        int branches = 1;
        for (Action action : actions) {
            if (action instanceof Fork) {
                branches++;
            } else if (action instanceof Branch b && (b.id() < 1 || b.id() > branches)) {
                throw new IllegalArgumentException(b.written() + ": no branch " + b.id() + " at that point of the "
                        + "script (the branches are " + String.join(", ", java.util.stream.IntStream.rangeClosed(1,
                        branches).mapToObj(Integer::toString).toList()) + "; each fork before it adds the next)");
            }
        }
    }

    /**
     * @throws IllegalArgumentException naming the action that does not parse and the accepted ones
     */
    public static StepScript parse(String text) {
        List<Action> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new StepScript(out);
        }
        for (String raw : text.split("(?<!\\\\),")) {
            String part = raw.replace("\\,", ",").strip();
            if (!part.isEmpty()) {
                out.add(parseOne(part));
            }
        }
        return new StepScript(out);
    }

    private static Action parseOne(String part) {
        int colon = part.indexOf(':');
        String head = (colon < 0 ? part : part.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? null : part.substring(colon + 1);
        Action a = switch (head) {
            case "wait", "w" -> new Wait();
            case "continue", "accept" -> new Continue();
            case "answer", "force", "a" -> new Answer();
            case "fork" -> new Fork();
            case "undo" -> new Undo();
            case "insert" -> arg == null ? null : new Insert(arg);
            case "edit" -> arg == null ? null : new Edit(arg);
            case "branch" -> arg == null ? null : new Branch(branchNumber(arg));
            default -> null;
        };
        if (a == null) {
            throw new IllegalArgumentException("unknown step action '" + part + "' (use wait, insert:TEXT, "
                    + "edit:TEXT, continue, answer, fork, undo, branch:N)");
        }
        return a;
    }

    private static int branchNumber(String arg) {
        try {
            return Integer.parseInt(arg.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("branch needs a number, was '" + arg + "'");
        }
    }

    /** Starts the session and applies the actions in turn; stops at the first refused action or failure. */
    public Result run(Stepper stepper, String system, String prompt) throws InterruptedException {
        return run(stepper, system, prompt, new CancelToken());
    }

    /**
     * As {@link #run(Stepper, String, String)}, and stops too once {@code stop} is cancelled: no further action is
     * applied and the result's error says the script was stopped. Cancel {@code stop} first, then
     * {@link Stepper#stop()} the step under way, so the script returns with what the session holds.
     */
    public Result run(Stepper stepper, String system, String prompt, CancelToken stop) throws InterruptedException {
        List<String> notes = new ArrayList<>();
        StepperSnapshot snap = await(stepper.start(system, prompt));
        for (Action action : actions) {
            if (stop.isCancelled()) {
                return new Result(stepper.snapshot(), notes, stopped(action));
            }
            if (snap.state() == StepperState.FAILED && !(action instanceof Undo || action instanceof Fork
                    || action instanceof Branch)) {
                return new Result(snap, notes, lastStepFailed(snap.reason()));
            }
            try {
                snap = apply(stepper, action);
            } catch (IllegalStateException | IllegalArgumentException e) {
                return new Result(stepper.snapshot(), notes, action.written() + ": " + e.getMessage());
            }
        }
        if (stop.isCancelled()) {
            return new Result(stepper.snapshot(), notes, STOPPED);
        }
        if (snap.state() == StepperState.PAUSED) {
            notes.add("no action left at the pause: accepted the model's end of thinking");
            snap = await(stepper.continueToAnswer());
        }
        String error = snap.state() == StepperState.FAILED ? lastStepFailed(snap.reason()) : null;
        return new Result(snap, notes, error);
    }

    private static StepperSnapshot apply(Stepper stepper, Action action) throws InterruptedException {
        return switch (action) {
            case Wait w -> await(stepper.waitMore());
            case Insert i -> await(stepper.insert(i.text()));
            case Edit e -> stepper.edit(e.text());
            case Continue c -> await(stepper.continueToAnswer());
            case Answer a -> await(stepper.forceAnswer());
            case Fork f -> stepper.fork();
            case Undo u -> stepper.undo();
            case Branch b -> stepper.select(b.id());
        };
    }

    private static StepperSnapshot await(CompletableFuture<StepperSnapshot> step) throws InterruptedException {
        try {
            return step.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the step broke: " + e.getCause(), e.getCause());
        }
    }

    /** The error of a script stopped before its end. */
    public static final String STOPPED = "stopped before the script ended";

    private static String stopped(Action next) {
        return STOPPED + " (next: " + next.written() + ")";
    }

    /** "the last step failed: why", once (a failed step's own reason already starts "failed: "). */
    static String lastStepFailed(String reason) {
        String why = reason == null ? "" : reason.startsWith("failed: ") ? reason.substring("failed: ".length()) : reason;
        return "the last step failed: " + why;
    }
}
