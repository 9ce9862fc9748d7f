package dev.thinkbench.ui.compare;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.fxmisc.flowless.Cell;

/**
 * Shows one {@link TextBlocks.Block} in a virtual flow: a text flow with one {@link Text} per style run (style classes
 * {@code text} and the run's own). Reusable: a cell taken for another block, or refreshed after its block grew, only
 * resets its texts, so no nodes are created and no CSS is looked up again while a run streams. A line break that ends
 * the block is not drawn (the next block starts on a new line anyway). UI thread only.
 */
final class BlockCell implements Cell<TextBlocks.Block, TextFlow> {

    private final TextFlow flow = new TextFlow();
    private TextBlocks.Block block;
    private int shownVersion;

    BlockCell(TextBlocks.Block block) {
        flow.getStyleClass().add("stream-block");
        updateItem(block);
    }

    @Override
    public TextFlow getNode() {
        return flow;
    }

    @Override
    public boolean isReusable() {
        return true;
    }

    @Override
    public void updateItem(TextBlocks.Block item) {
        block = item;
        shownVersion = item.version() - 1;
        refresh();
    }

    @Override
    public void reset() {
        block = null;
    }

    /** The block shown, null while the cell waits in the pool. */
    TextBlocks.Block block() {
        return block;
    }

    /** Redraws the block if it changed since it was last drawn. */
    void refresh() {
        if (block == null || block.version() == shownVersion) {
            return;
        }
        shownVersion = block.version();
        ObservableList<Node> texts = flow.getChildren();
        int runs = block.runCount();
        for (int r = 0; r < runs; r++) {
            Text text;
            if (r < texts.size()) {
                text = (Text) texts.get(r);
            } else {
                text = new Text();
                text.getStyleClass().addAll("text", block.runStyle(r));
                texts.add(text);
            }
            if (!text.getStyleClass().get(1).equals(block.runStyle(r))) {
                text.getStyleClass().set(1, block.runStyle(r));
            }
            String shown = block.runText(r, true);
            if (!shown.equals(text.getText())) {
                text.setText(shown);
            }
        }
        if (texts.size() > runs) {
            texts.remove(runs, texts.size());
        }
    }
}
