package dev.thinkbench.testing;

import java.util.List;

/**
 * One scripted answer of a simulated model to one request. Tokens are strings; a token that completes a stop string
 * ends the generation there (if the server honours stop strings), and the cap ends it after that many tokens.
 */
public sealed interface ScriptStep {

    /** A normal continuation: these tokens, then the end of sequence. */
    record Reply(List<String> tokens) implements ScriptStep {
        public Reply {
            tokens = List.copyOf(tokens);
        }
    }

    /** The server answers with this HTTP status and body, no stream. */
    record Status(int code, String body) implements ScriptStep {
    }

    /** These tokens, then the connection closes without a final event. */
    record Cut(List<String> tokens) implements ScriptStep {
    }

    /** These tokens, then a line that is not JSON. */
    record Malformed(List<String> tokens) implements ScriptStep {
    }

    /** These tokens, then silence until the client gives up (bounded to a few seconds). */
    record Stall(List<String> tokens) implements ScriptStep {
    }

    static Reply reply(String... tokens) {
        return new Reply(List.of(tokens));
    }

    /** A reply of {@code n} tokens {@code " t"} that never writes an end marker. */
    static Reply endless(int n) {
        return new Reply(java.util.Collections.nCopies(n, " t"));
    }
}
