package dev.thinkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.thinkbench.forcing.AnswerRecord;
import dev.thinkbench.forcing.BranchView;
import dev.thinkbench.forcing.StepRecord;
import dev.thinkbench.forcing.StepScript;
import dev.thinkbench.forcing.StepperSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a stepping session's timeline: per branch, each step with its tokens and time, and the answers. */
final class StepTimeline {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StepTimeline() {
    }

    static String text(String header, StepScript.Result result) {
        StringBuilder b = new StringBuilder(header).append("\n");
        for (BranchView branch : result.snapshot().branches()) {
            b.append("\n").append(branch.name());
            if (branch.parentId() != null) {
                b.append(" (forked from branch ").append(branch.parentId()).append(" after step ")
                        .append(branch.forkedAfterSteps()).append(")");
            }
            b.append(": ").append(state(branch)).append("\n");
            b.append(String.format("  %-3s %-15s %-26s %7s %8s %8s  %s%n", "#", "step", "inserted", "tokens",
                    "prompt", "ms", "ended"));
            int n = 0;
            int shared = branch.parentId() == null ? 0 : branch.forkedAfterSteps();
            for (StepRecord s : branch.steps()) {
                String index = s.phase() == StepRecord.Phase.ANSWER ? "A" : String.valueOf(++n);
                // a forked branch's first steps ran once, on its parent: their prompt and time are the parent's
                boolean fromParent = n <= shared && s.phase() != StepRecord.Phase.ANSWER;
                b.append(String.format("  %-3s %-15s %-26s %7d %8s %8s  %s%n", index, label(s),
                        clip(quote(s.inserted()), 26), s.tokens(), fromParent ? "shared"
                        : s.promptTokensEvaluated() == null ? "\u2013" : s.promptTokensEvaluated().toString(),
                        fromParent ? "shared" : String.valueOf(s.durationMillis()), s.note()));
            }
            int steps = branch.thinkingSteps().size();
            b.append("  thinking: ").append(branch.thinkingTokens()).append(branch.thinkingTokens() == 1 ? " token in "
                    : " tokens in ").append(steps).append(steps == 1 ? " step\n" : " steps\n");
            for (AnswerRecord a : branch.answers()) {
                b.append("  answer").append(a.withdrawn() ? " (undone)" : "").append(": ")
                        .append(quote(a.text().strip())).append(" \u2014 ")
                        .append(a.how().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" after ")
                        .append(a.thinkingTokens()).append(" thinking tokens\n");
            }
            b.append("  thinking text: ").append(quote(branch.thinking())).append("\n");
        }
        result.notes().forEach(note -> b.append("\nnote: ").append(note));
        if (result.error() != null) {
            b.append("\nerror: ").append(result.error());
        }
        return b.append("\n").toString();
    }

    /**
     * The branch's state and why, the state said once: a failed step's reason already starts with it
     * ({@code failed: connection refused}), where "failed \u2014 failed: ..." said it twice.
     */
    static String state(BranchView branch) {
        String status = branch.status().name().toLowerCase(Locale.ROOT);
        String reason = branch.reason() == null ? "" : branch.reason();
        return reason.startsWith(status + ": ") ? reason : status + " \u2014 " + reason;
    }

    private static String label(StepRecord s) {
        if (s.phase() == StepRecord.Phase.ANSWER) {
            return s.openedBy() == null ? "answer" : switch (s.openedBy()) {
                case ANSWER_FORCED -> "answer (forced)";
                default -> "answer";
            };
        }
        return s.openedBy() == null ? "think" : switch (s.openedBy()) {
            case WAIT_INSERTED -> "wait";
            case TEXT_INSERTED -> "insert";
            case TRACE_EDITED -> "edit";
            default -> s.openedBy().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "\u2026";
    }

    static String json(Map<String, Object> header, StepScript.Result result) {
        StepperSnapshot snap = result.snapshot();
        Map<String, Object> root = new LinkedHashMap<>(header);
        root.put("state", snap.state().name().toLowerCase(Locale.ROOT));
        root.put("reason", snap.reason());
        root.put("activeBranch", snap.activeBranchId());
        List<Object> branches = new ArrayList<>();
        for (BranchView b : snap.branches()) {
            branches.add(branch(b));
        }
        root.put("branches", branches);
        root.put("notes", result.notes());
        root.put("error", result.error());
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the timeline as JSON", e);
        }
    }

    private static Map<String, Object> branch(BranchView b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("parent", b.parentId());
        m.put("forkedAfterSteps", b.forkedAfterSteps());
        m.put("status", b.status().name().toLowerCase(Locale.ROOT));
        m.put("reason", b.reason());
        m.put("thinkingTokens", b.thinkingTokens());
        m.put("thinking", b.thinking());
        m.put("answer", b.answer());
        List<Object> steps = new ArrayList<>();
        for (StepRecord s : b.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("phase", s.phase().name().toLowerCase(Locale.ROOT));
            step.put("openedBy", s.openedBy() == null ? null : s.openedBy().name().toLowerCase(Locale.ROOT));
            step.put("inserted", s.inserted());
            step.put("text", s.text());
            step.put("tokens", s.tokens());
            step.put("cap", s.cap());
            step.put("promptTokensEvaluated", s.promptTokensEvaluated());
            step.put("stop", s.stop() == null ? null : s.stop().name().toLowerCase(Locale.ROOT));
            step.put("note", s.note());
            step.put("ms", s.durationMillis());
            steps.add(step);
        }
        m.put("steps", steps);
        m.put("answers", b.answers().stream().map(a -> Map.of("text", a.text(), "how",
                a.how().name().toLowerCase(Locale.ROOT), "thinkingTokens", a.thinkingTokens(), "withdrawn",
                a.withdrawn())).toList());
        return m;
    }
}
