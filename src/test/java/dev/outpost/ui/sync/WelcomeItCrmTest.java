package dev.outpost.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.outpost.auth.AdminDefaults;
import dev.outpost.store.AdminSettings;
import dev.outpost.ui.reset.ConnectDialog;

/** The first-run Connect and Connect to another CRM, where IT set the CRM: filled in; locked, not changeable. */
@ExtendWith(ApplicationExtension.class)
class WelcomeItCrmTest {

    private static final String CONTOSO = "https://contoso.crm.dynamics.com";

    @TempDir
    Path folder;

    private Stage stage;
    private final List<Object> chosen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
    }

    private AdminSettings admin(String json) throws Exception {
        return AdminDefaults.read(Files.writeString(folder.resolve(AdminDefaults.FILE_NAME), json)).connection();
    }

    private void welcome(FxRobot robot, AdminSettings admin) {
        robot.interact(() -> WelcomeDialog.open(stage, admin, chosen::add));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFirstRunConnectIsFilledInWithTheCrmItSet(FxRobot robot) throws Exception {
        welcome(robot, admin("{\"crmUrl\": \"" + CONTOSO + "\"}"));

        TextField url = robot.lookup("#welcome-url").queryAs(TextField.class);
        assertThat(url.getText()).isEqualTo(CONTOSO);
        assertThat(url.isEditable()).isTrue();
        assertThat(robot.lookup("#welcome-url-set-by-it").queryAs(Label.class).isVisible()).isFalse();

        robot.clickOn("#welcome-connect");
        assertThat(chosen).containsExactly(new WelcomeChoice.Connect(URI.create(CONTOSO)));
    }

    @Test
    void aLockedCrmCannotBeChangedAndALineSaysItSetIt(FxRobot robot) throws Exception {
        welcome(robot, admin("{\"crmUrl\": \"" + CONTOSO + "\", \"locked\": [\"crmUrl\"]}"));

        assertThat(robot.lookup("#welcome-url").queryAs(TextField.class).isEditable()).isFalse();
        Label line = robot.lookup("#welcome-url-set-by-it").queryAs(Label.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).contains("IT has set the CRM").contains(folder.resolve(AdminDefaults.FILE_NAME).toString());
    }

    @Test
    void withoutAnAdminFileTheAddressIsEmptyAsBefore(FxRobot robot) {
        welcome(robot, AdminSettings.NONE);

        assertThat(robot.lookup("#welcome-url").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#welcome-url").queryAs(TextField.class).isEditable()).isTrue();
    }

    @Test
    void connectToAnotherCrmOffersOnlyTheLockedOne(FxRobot robot) throws Exception {
        AdminSettings admin = admin("{\"crmUrl\": \"" + CONTOSO + "\", \"allowUserOverride\": false}");
        robot.interact(() -> ConnectDialog.open(stage, "https://fabrikam.crm.dynamics.com", admin, chosen::add));
        WaitForAsyncUtils.waitForFxEvents();

        TextField url = robot.lookup("#connect-url").queryAs(TextField.class);
        assertThat(url.getText()).isEqualTo(CONTOSO);
        assertThat(url.isEditable()).isFalse();
        assertThat(robot.lookup("#connect-set-by-it").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#connect-ok");
        assertThat(chosen).containsExactly(URI.create(CONTOSO));
    }
}
