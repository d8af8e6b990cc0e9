package dev.outpost.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/** What the conflict dialogs' TestFX tests share: the owner window, waiting, the keyboard, closing up. */
final class DialogTesting {

    private DialogTesting() {
    }

    /**
     * Shows the window the dialogs are modal to, in the light theme. It needs a scene: Monocle cannot disable a
     * window without a view for a modal dialog.
     */
    static void showOwner(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 900, 600));
        stage.show();
    }

    /** Hides every window the test left open, dialogs and owner. */
    static void hideAll(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(robot.listTargetWindows()).forEach(Window::hide));
    }

    /** Presses Tab until {@code id} has the focus, as a keyboard user would. */
    static void tabTo(FxRobot robot, String id) {
        for (int i = 0; i < 20 && !robot.lookup(id).query().isFocused(); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(robot.lookup(id).query().isFocused()).as(id + " reached by Tab").isTrue();
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
