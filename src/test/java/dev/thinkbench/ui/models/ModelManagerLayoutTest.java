package dev.thinkbench.ui.models;

import dev.thinkbench.engine.local.LocalEngineSettings;
import dev.thinkbench.engine.local.models.CatalogModel;
import dev.thinkbench.engine.local.models.ExternalModels;
import dev.thinkbench.engine.local.models.ModelDownloader;
import dev.thinkbench.engine.local.models.ModelStore;
import dev.thinkbench.engine.local.models.OpenedModels;
import dev.thinkbench.testing.TinyGguf;
import dev.thinkbench.ui.FxBackgroundTasks;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Models tab in the room a 1280x720 window gives it: "On this machine" showed one and a half rows, and the
 * gpt-oss note was cut at "Checksum verified ...".
 */
@ExtendWith(ApplicationExtension.class)
class ModelManagerLayoutTest {

    private static final String LONG_NOTE = "OpenAI's open-weight reasoner (harmony: thinking on the analysis channel). "
            + "A mixture of experts: needs about 14 GB of memory; fast for its size.";

    private Stage own;

    @Start
    void start(Stage primary) throws Exception {
        Path home = Files.createTempDirectory("thinkbench-layout");
        OpenedModels opened = OpenedModels.none();
        for (String name : List.of("first.gguf", "second.gguf", "third.gguf", "fourth.gguf")) {
            opened.add(TinyGguf.write(home.resolve(name)));
        }
        CatalogModel gptOss = new CatalogModel("gpt-oss-20b", "gpt-oss-20b", "gpt-oss", "20B", "MXFP4",
                12_100_000_000L, "Apache-2.0", URI.create("https://example.org/gpt-oss-20b.gguf"),
                "a".repeat(64), "harmony", false, LONG_NOTE);
        ModelManagerViewModel vm = new ModelManagerViewModel(List.of(gptOss), ModelStore.inDataDirectory(home),
                new ExternalModels(home, Map.of()), new ModelDownloader(), new FxBackgroundTasks(), () -> -1,
                new LocalEngineSettings(1, 4096), 2);
        vm.setOpenedModels(opened);
        own = new Stage();
        // the tab's room in a 1280x720 window: the top bar, the tabs and the status line take the rest
        own.setScene(new Scene(new ModelManagerView(vm), 1280, 600));
        own.show();
    }

    @AfterEach
    void hide(FxRobot robot) {
        robot.interact(() -> own.hide());
    }

    @Test
    void theLocalListShowsWholeRowsAndACatalogNoteIsWhole(FxRobot robot) throws Exception {
        ListView<?> local = robot.lookup("#localList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> local.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        double cell = robot.lookup("#localList .list-cell").queryAll().stream()
                .filter(n -> !((ListCell<?>) n).isEmpty()).mapToDouble(n -> n.getLayoutBounds().getHeight())
                .max().orElseThrow();
        double inside = local.getHeight() - local.snappedTopInset() - local.snappedBottomInset();
        double rows = inside / cell;
        assertThat(rows).as("rows in view (%s px a row)", cell).isGreaterThanOrEqualTo(1.95);
        assertThat(Math.abs(rows - Math.round(rows)) * cell).as("no row cut: %s rows", rows).isLessThan(1.5);

        Label note = robot.lookup("#catalogList .label").queryAll().stream().map(n -> (Label) n)
                .filter(l -> l.getText() != null && l.getText().startsWith("OpenAI's")).findFirst().orElseThrow();
        assertThat(note.isTextTruncated()).as("the note wraps whole: %s", note.getText()).isFalse();
        Node row = robot.lookup("#catalogList .list-cell").query();
        assertThat(row.getLayoutBounds().getHeight()).isGreaterThanOrEqualTo(note.getHeight());
    }
}
