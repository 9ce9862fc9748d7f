package dev.thinkbench.ui.session;

/**
 * The model downloads under way, as closing the window sees them: closing pauses them (the part downloaded stays on
 * disk for Resume), so the window names them before it closes. The session layer knows nothing more of the tab that
 * downloads. Called on the UI thread.
 */
@FunctionalInterface
public interface DownloadsUnderWay {

    /** The downloads under way in words ("DeepSeek-R1-Distill-Qwen-1.5B, 42%"), null when none is. */
    String underWay();
}
