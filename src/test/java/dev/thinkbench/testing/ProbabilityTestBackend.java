package dev.thinkbench.testing;

import dev.thinkbench.engine.CancelToken;
import dev.thinkbench.engine.CompletionBackend;
import dev.thinkbench.engine.CompletionListener;
import dev.thinkbench.engine.CompletionRequest;
import dev.thinkbench.engine.CompletionResult;
import dev.thinkbench.engine.TokenLogprob;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A test double: a scripted backend that reports a probability for each piece it sends, when the request asks for
 * them, as the built-in engine does (before the piece's text). Pieces named in {@code probabilities} get theirs, the
 * others 0.95. As many alternatives as the request asks for follow the chosen piece, most likely first: the piece's
 * entry in {@code alternatives} (or " other") with three quarters of what the chosen piece leaves, then " else" with
 * the last quarter.
 */
public final class ProbabilityTestBackend implements CompletionBackend {

    private final ScriptedTestBackend scripted;
    private final Map<String, Double> probabilities;
    private final Map<String, String> alternatives;

    public ProbabilityTestBackend(ScriptedTestBackend scripted, Map<String, Double> probabilities) {
        this(scripted, probabilities, Map.of());
    }

    public ProbabilityTestBackend(ScriptedTestBackend scripted, Map<String, Double> probabilities,
                                  Map<String, String> alternatives) {
        this.scripted = scripted;
        this.probabilities = Map.copyOf(probabilities);
        this.alternatives = Map.copyOf(alternatives);
    }

    private List<TokenLogprob.Alternative> top(String piece, double p, int wanted) {
        List<TokenLogprob.Alternative> top = List.of(new TokenLogprob.Alternative(piece, 1, Math.log(p)),
                new TokenLogprob.Alternative(alternatives.getOrDefault(piece, " other"), 2, Math.log((1 - p) * 0.75)),
                new TokenLogprob.Alternative(" else", 3, Math.log((1 - p) * 0.25)));
        return top.subList(0, Math.min(wanted, top.size()));
    }

    @Override
    public boolean reportsTokenProbabilities() {
        return true;
    }

    @Override
    public CompletionResult complete(CompletionRequest request, CompletionListener listener, CancelToken cancel)
            throws dev.thinkbench.engine.EngineException {
        return scripted.complete(request, new CompletionListener() {
            @Override
            public void onText(String piece, int tokens) {
                if (request.topLogprobs() > 0 && !piece.isEmpty()) {
                    double p = probabilities.getOrDefault(piece, 0.95);
                    listener.onTokens(List.of(new TokenLogprob(piece, 1, Math.log(p),
                            top(piece, p, request.topLogprobs()))));
                }
                listener.onText(piece, tokens);
            }

            @Override
            public void onRetryWait(Duration wait, String reason) {
                listener.onRetryWait(wait, reason);
            }
        }, cancel);
    }

    @Override
    public String id() {
        return "probabilities";
    }

    @Override
    public String displayName() {
        return "Probabilities (test)";
    }

    @Override
    public String model() {
        return scripted.model();
    }
}
