package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

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
import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.settings.SettingsFile;
import dev.outpost.ui.settings.SyncSchedule;

/**
 * Leaving the demo for a real CRM through the reset warning: the new CRM is connected as the welcome connects one,
 * with what IT set for new connections, not with bare defaults.
 */
@ExtendWith(ApplicationExtension.class)
class LeaveDemoFromWindowTest {

    private static final String TOKEN = "leave-demo-test";

    @TempDir
    Path folder;

    private DemoServer joining;
    private OutpostApplication.Startup startup;
    private ProfileFolder profile;

    @Start
    void start(Stage stage) throws Exception {
        // IT suggests (does not lock) syncing all accounts on new connections.
        System.setProperty(AdminDefaults.FILE_PROPERTY, Files.writeString(folder.resolve(AdminDefaults.FILE_NAME),
                "{\"syncFilters\": {\"accounts\": \"all\"}}").toString());
        joining = DemoServer.start(0, DemoOptions.defaults().records(5).fixedToken(TOKEN));
        profile = new ProfileFolder(folder.resolve("profile"));
        Function<String, String> environment = name -> "OUTPOST_ACCESS_TOKEN".equals(name) ? TOKEN : null;
        OfflineStore store = OfflineStore.open(profile);
        SettingsFile settings = new SettingsFile(profile.settingsFile());
        settings.load();
        settings.update(s -> s.withSchedule(new SyncSchedule(0, false))); // no sync needed: a change waits
        startup = new OutpostApplication.Startup(new AtomicReference<>(new Session(store,
                DesktopApp.openConnection(profile, true, environment), new FxBackgroundTasks())), settings,
                new FxBackgroundTasks(), environment);
        OutpostApplication.show(stage, startup);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        startup.syncTasks().close();
        startup.settings().close();
        startup.session().get().close();
        joining.close();
        System.clearProperty(AdminDefaults.FILE_PROPERTY);
    }

    private OfflineStore store() {
        return startup.session().get().store();
    }

    @Test
    void removingTheDemoCopyConnectsTheNewCrmWithWhatItSetForNewConnections(FxRobot robot) throws Exception {
        assertThat(ConnectionSettings.read(profile).orElseThrow().demo()).isTrue();
        store().records().create(RecordType.ACCOUNT, Map.of("name", "Made in the demo"));
        OfflineStore before = store();
        URI to = joining.url();

        robot.clickOn("#account-menu");
        robot.clickOn("#account-connect-other");
        robot.clickOn("#connect-url").write(to.toString());
        robot.clickOn("#connect-ok");
        waitUntil(Duration.ofSeconds(10), () -> robot.lookup("#reset-loss-0").tryQuery().isPresent());
        robot.clickOn("#reset-remove");
        waitUntil(Duration.ofSeconds(30), () -> store() != before && robot.lookup("#reset-heading").tryQuery().isEmpty());

        ConnectionSettings now = ConnectionSettings.read(profile).orElseThrow();
        assertThat(now.demo()).isFalse();
        assertThat(now.crmUrl()).isEqualTo(ConnectionSettings.normalize(to));
        assertThat(now.syncedWhole()).as("IT's filters for new connections").containsExactly(RecordType.ACCOUNT);
        assertThat(startup.session().get().connection().settings()).as("the window syncs with it").contains(now);
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
