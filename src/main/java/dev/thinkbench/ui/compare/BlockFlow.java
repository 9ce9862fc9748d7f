package dev.thinkbench.ui.compare;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.layout.Region;
import org.fxmisc.flowless.VirtualFlow;
import org.fxmisc.flowless.Virtualized;
import org.reactfx.value.Val;
import org.reactfx.value.Var;

import java.util.List;

/**
 * Streamed text as a virtual flow of {@link TextBlocks} blocks inside padding: only the blocks in view have nodes,
 * and an append redraws at most the last block in place and adds cells for new blocks, so its cost does not grow with
 * the text. Style class {@code streaming-area}. UI thread only.
 */
final class BlockFlow extends Region implements Virtualized {

    private final TextBlocks blocks = new TextBlocks();
    private final ObservableList<TextBlocks.Block> items = FXCollections.observableArrayList();
    private final VirtualFlow<TextBlocks.Block, BlockCell> flow = VirtualFlow.createVertical(items, BlockCell::new);

    BlockFlow() {
        getStyleClass().add("streaming-area");
        getChildren().add(flow);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        flow.resizeRelocate(in.getLeft(), in.getTop(), Math.max(0, getWidth() - in.getLeft() - in.getRight()),
                Math.max(0, getHeight() - in.getTop() - in.getBottom()));
    }

    /** Appends {@code text} drawn in {@code styleClass}. */
    void append(String text, String styleClass) {
        int last = items.size() - 1;
        TextBlocks.Change change = blocks.append(text, styleClass);
        if (change.grewLast()) {
            // A cell in the flow redraws in place (its layout request makes the flow measure it again); a block
            // without a cell is replaced by itself so that the flow forgets the height it knew.
            flow.getCellIfVisible(last).ifPresentOrElse(BlockCell::refresh, () -> items.set(last, items.get(last)));
        }
        if (change.added() > 0) {
            List<TextBlocks.Block> all = blocks.blocks();
            items.addAll(all.subList(all.size() - change.added(), all.size()));
        }
    }

    void clear() {
        blocks.clear();
        items.clear();
    }

    /** Scrolls so that the end of the text is at the bottom of the view. */
    void showEnd() {
        if (!items.isEmpty()) {
            flow.showAsLast(items.size() - 1);
        }
    }

    /** Scrolls to the beginning. */
    void showStart() {
        if (!items.isEmpty()) {
            flow.showAsFirst(0);
        }
    }

    String text() {
        return blocks.text();
    }

    int length() {
        return blocks.length();
    }

    /** The height of the visible part of the text. */
    double viewportHeight() {
        return flow.getHeight();
    }

    @Override
    public Val<Double> totalWidthEstimateProperty() {
        return flow.totalWidthEstimateProperty();
    }

    @Override
    public Val<Double> totalHeightEstimateProperty() {
        return flow.totalHeightEstimateProperty();
    }

    @Override
    public Var<Double> estimatedScrollXProperty() {
        return flow.estimatedScrollXProperty();
    }

    @Override
    public Var<Double> estimatedScrollYProperty() {
        return flow.estimatedScrollYProperty();
    }

    @Override
    public void scrollXBy(double deltaX) {
        flow.scrollXBy(deltaX);
    }

    @Override
    public void scrollYBy(double deltaY) {
        flow.scrollYBy(deltaY);
    }

    @Override
    public void scrollXToPixel(double pixel) {
        flow.scrollXToPixel(pixel);
    }

    @Override
    public void scrollYToPixel(double pixel) {
        flow.scrollYToPixel(pixel);
    }
}
