package dev.thinkbench.testing;

/**
 * API keys for tests, joined at run time from a provider's prefix and a label, so that no literal in the sources
 * looks like a committed credential to a secret scanner while the keys keep the shapes the scrubber must recognise.
 * None of them is, or ever was, a real key.
 */
public final class FakeKeys {

    private FakeKeys() {
    }

    /** {@code prefix + "-" + label}, e.g. {@code of("sk-ant", "canary-3e7f")} is {@code sk-ant-canary-3e7f}. */
    public static String of(String prefix, String label) {
        return prefix + "-" + label;
    }
}
