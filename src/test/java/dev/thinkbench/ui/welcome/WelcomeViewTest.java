package dev.thinkbench.ui.welcome;

import atlantafx.base.theme.PrimerLight;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The welcome's buttons fire the app's callbacks, headless. */
@ExtendWith(ApplicationExtension.class)
class WelcomeViewTest {

    private static final String SECRET = "sk-welcome-test-secret";

    private final List<WelcomeChoice> fired = new CopyOnWriteArrayList<>();
    private WelcomeView view;

    @Start
    void start(Stage stage) {
        WelcomeViewModel vm = new WelcomeViewModel("micro-reasoner.gguf \u00b7 bundled \u00b7 1.1M params \u00b7 F32",
                List.of(HostedApi.DEEPSEEK), Map.of("DEEPSEEK_API_KEY", SECRET)::get);
        vm.setOnUseBuiltIn(() -> fired.add(WelcomeChoice.BUILT_IN));
        vm.setOnOpenModelManager(() -> fired.add(WelcomeChoice.MODEL_MANAGER));
        vm.setOnUseOllama(() -> fired.add(WelcomeChoice.OLLAMA));
        vm.setOnUseOpenAiCompatible(() -> fired.add(WelcomeChoice.OPENAI_COMPATIBLE));
        vm.setOnUseHosted(() -> fired.add(WelcomeChoice.HOSTED));
        vm.setOnDismiss(() -> fired.add(WelcomeChoice.DISMISSED));
        view = new WelcomeView(vm);
        Scene scene = new Scene(view, 900, 1000);
        // the theme on this scene only: other views tested in the same JVM keep theirs
        scene.getStylesheets().add(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void eachButtonFiresItsOwnAction(FxRobot robot) {
        String[] buttons = {"#useBuiltInButton", "#openModelManagerButton", "#useOllamaButton",
            "#useOpenAiCompatibleButton", "#useHostedButton", "#dismissButton"};
        for (String id : buttons) {
            robot.interact(() -> robot.lookup(id).queryButton().fire());
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fired).containsExactly(WelcomeChoice.BUILT_IN, WelcomeChoice.MODEL_MANAGER, WelcomeChoice.OLLAMA,
                WelcomeChoice.OPENAI_COMPATIBLE, WelcomeChoice.HOSTED, WelcomeChoice.DISMISSED);
        assertThat(view.viewModel().chosenProperty().get()).isEqualTo(WelcomeChoice.DISMISSED);
    }

    @Test
    void clickingUseBuiltInWithTheMouseRunsTheMicroModel(FxRobot robot) {
        robot.clickOn("#useBuiltInButton");

        assertThat(fired).containsExactly(WelcomeChoice.BUILT_IN);
        assertThat(robot.lookup("#builtInDetail").queryAs(Label.class).getText())
                .isEqualTo("micro-reasoner.gguf \u00b7 bundled \u00b7 1.1M params \u00b7 F32");
    }

    @Test
    void hostedKeysShowWhetherTheyAreSetButNeverTheirValue(FxRobot robot) {
        assertThat(robot.lookup("#hostedStatus").queryAs(Label.class).getText())
                .isEqualTo("DeepSeek: DEEPSEEK_API_KEY is set; ready to use.");
        assertThat(robot.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().contains(SECRET)).queryAll()).isEmpty();
        assertThat(robot.lookup("#useHostedButton").queryButton().getText()).isEqualTo("Use DeepSeek");
    }

    @Test
    void withoutABundledModelUseBuiltInIsDisabledAndSaysWhy(FxRobot robot) {
        WelcomeViewModel bare = new WelcomeViewModel(null, List.of(HostedApi.DEEPSEEK), name -> null);
        List<WelcomeChoice> bareFired = new CopyOnWriteArrayList<>();
        bare.setOnUseBuiltIn(() -> bareFired.add(WelcomeChoice.BUILT_IN));
        robot.interact(() -> view.getScene().setRoot(new WelcomeView(bare)));

        Button use = robot.lookup("#useBuiltInButton").queryButton();
        bare.useBuiltIn();

        assertThat(use.isDisabled()).isTrue();
        assertThat(bareFired).isEmpty();
        assertThat(bare.chosenProperty().get()).isNull();
        assertThat(robot.lookup("#builtInDetail").queryAs(Label.class).getText()).startsWith("Not included");
        assertThat(bare.hostedStatusProperty().get()).isEqualTo("DeepSeek: DEEPSEEK_API_KEY is not set; paste a key "
                + "in the engine bar once you pick it.");
    }
}
