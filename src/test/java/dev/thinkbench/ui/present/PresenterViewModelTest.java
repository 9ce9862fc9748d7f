package dev.thinkbench.ui.present;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Presenter mode's zoom without a toolkit: fitted to the window, following it, until the user chooses one. */
class PresenterViewModelTest {

    @Test
    void presenterModeFitsTheZoomToTheWindowAndFollowsItUntilTheUserZooms() {
        PresenterViewModel vm = new PresenterViewModel();
        vm.windowResized(1080);
        assertThat(vm.zoomProperty().get()).as("not presenting: the zoom stays").isEqualTo(100);

        vm.togglePresenting(900);
        assertThat(vm.zoomProperty().get()).isEqualTo(125);
        vm.windowResized(1080); // full screen on a 1920 x 1080 projector
        assertThat(vm.zoomProperty().get()).isEqualTo(150);
        vm.windowResized(720);
        assertThat(vm.zoomProperty().get()).isEqualTo(100);

        vm.zoomIn();
        vm.windowResized(1080);
        assertThat(vm.zoomProperty().get()).as("a zoom the user chose stays").isEqualTo(110);
    }

    @Test
    void leavingPresenterModeGoesBackToTheZoomTheWorkbenchHadWhateverWasZoomedOnStage() {
        PresenterViewModel vm = new PresenterViewModel();
        vm.togglePresenting(900);
        assertThat(vm.zoomProperty().get()).isEqualTo(125);
        vm.togglePresenting(900);
        assertThat(vm.zoomProperty().get()).as("back to the workbench's own size").isEqualTo(100);

        vm.togglePresenting(900);
        vm.zoomIn();
        assertThat(vm.zoomProperty().get()).isEqualTo(150);
        vm.togglePresenting(900);
        assertThat(vm.zoomProperty().get()).as("chosen while presenting: the stage's alone").isEqualTo(100);
    }

    @Test
    void zoomingInStopsWhereTheLayoutWouldLoseItsChartsAndSaysSo() {
        PresenterViewModel vm = new PresenterViewModel();
        vm.windowResized(1080);
        List<Integer> steps = new java.util.ArrayList<>();
        while (vm.zoomIn()) {
            steps.add(vm.zoomProperty().get());
        }
        assertThat(steps).containsExactly(110, 125, 150, 175);
        assertThat(vm.maxZoom()).isEqualTo(175);
        vm.windowResized(2160);
        assertThat(vm.zoomIn()).as("a 4K window allows more").isTrue();
        assertThat(vm.zoomProperty().get()).isEqualTo(200);
    }

    @Test
    void aZoomChosenBeforePresenterModeIsKept() {
        PresenterViewModel vm = new PresenterViewModel();
        vm.setZoom(175);
        vm.togglePresenting(720);
        vm.windowResized(1080);
        assertThat(vm.zoomProperty().get()).isEqualTo(175);
        vm.togglePresenting(720);
        assertThat(vm.zoomProperty().get()).as("leaving keeps a zoom the user chose").isEqualTo(175);
        vm.setZoom(900);
        assertThat(vm.zoomProperty().get()).isEqualTo(300);
        assertThat(PresenterViewModel.fittingZoom(2160)).isEqualTo(300);
        assertThat(PresenterViewModel.fittingZoom(600)).isEqualTo(100);
    }
}
