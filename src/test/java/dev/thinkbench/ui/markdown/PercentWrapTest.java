package dev.thinkbench.ui.markdown;

import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson's "81 %" never wraps between the number and its sign (a learner's trial: one line ended in "81", the next
 * began with "%"); the text as written, for search and tests, keeps its plain space.
 */
@ExtendWith(ApplicationExtension.class)
class PercentWrapTest {

    private MarkdownView view;

    @Start
    void start(Stage stage) {
        view = new MarkdownView();
        stage.setScene(new Scene(view, 400, 300));
        stage.show();
    }

    @Test
    void aNumberKeepsItsPercentSignOnItsLine() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.setMarkdown("s1-32B scored 81 % against 74 % for *o1-preview* (57 %)."))
                .get();
        List<String> runs = WaitForAsyncUtils.asyncFx(() -> view.lookupAll(".md-run").stream()
                .map(n -> ((Text) n).getText()).toList()).get();

        assertThat(String.join("", runs)).contains("81\u00A0% against 74\u00A0%", "(57\u00A0%)")
                .doesNotContain("81 %");
        assertThat(view.plainText()).contains("81 % against 74 %");
    }
}
