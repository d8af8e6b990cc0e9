package dev.outpost.ui.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.outpost.store.AdminSettings;

/** Connect to another CRM…: an address it refuses says why and goes nowhere; a good one is handed on. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogTest {

    private final List<URI> chosen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        ConnectDialog.open(stage, "https://fabrikam.crm.dynamics.com", AdminSettings.NONE, chosen::add);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
    }

    private Label problem(FxRobot robot) {
        return robot.lookup("#connect-problem").queryAs(Label.class);
    }

    @Test
    void aPlainHttpAddressIsRefusedWithWhyAndTheDialogStays(FxRobot robot) {
        robot.clickOn("#connect-url").write("http://contoso.crm.dynamics.com");
        robot.clickOn("#connect-ok");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(problem(robot).getText()).contains("https");
        assertThat(chosen).isEmpty();
        assertThat(robot.lookup("#connect-ok").tryQuery()).as("the dialog stays open").isPresent();
    }

    @Test
    void typingAgainClearsTheRefusalAndAGoodAddressIsHandedOn(FxRobot robot) {
        robot.clickOn("#connect-ok"); // nothing typed
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(problem(robot).getText()).isNotEmpty();

        robot.clickOn("#connect-url").write("https://contoso.crm.dynamics.com");
        assertThat(problem(robot).getText()).isEmpty();
        robot.clickOn("#connect-ok");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chosen).containsExactly(URI.create("https://contoso.crm.dynamics.com"));
        assertThat(robot.lookup("#connect-ok").tryQuery()).as("the dialog closed").isEmpty();
    }
}
