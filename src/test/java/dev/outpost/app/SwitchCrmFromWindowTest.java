package dev.outpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

import javafx.scene.control.Label;
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

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.model.RecordType;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.store.ProfileIdentity;
import dev.outpost.store.SecretVault;
import dev.outpost.ui.concurrent.FxBackgroundTasks;
import dev.outpost.ui.settings.SettingsFile;

/**
 * Switching the window to another CRM through the Account menu, against two demo CRMs over loopback: the reset
 * warning counts the unsynced change, Cancel keeps everything, Remove and continue leaves no byte of the old copy
 * and the window goes on with the new CRM's records.
 */
@ExtendWith(ApplicationExtension.class)
class SwitchCrmFromWindowTest {

    private static final String TOKEN = "switch-test";
    private static final String MARKER = "Unsynced Marker Zq7";

    @TempDir
    Path folder;

    private DemoServer leaving;
    private DemoServer joining;
    private OutpostApplication.Startup startup;
    private Stage stage;
    private ProfileFolder profile;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        leaving = DemoServer.start(0, DemoOptions.defaults().records(12).fixedToken(TOKEN));
        joining = DemoServer.start(0, DemoOptions.defaults().records(7).seed(99).fixedToken(TOKEN));
        profile = new ProfileFolder(folder.resolve("profile"));
        new ConnectionSettings(leaving.url(), "OUTPOST_ACCESS_TOKEN").write(profile);
        Function<String, String> environment = name -> "OUTPOST_ACCESS_TOKEN".equals(name) ? TOKEN : null;
        OfflineStore store = OfflineStore.open(profile);
        SettingsFile settings = new SettingsFile(profile.settingsFile());
        settings.load();
        startup = new OutpostApplication.Startup(new AtomicReference<>(new Session(store,
                DesktopApp.openConnection(profile, false, environment), new FxBackgroundTasks())), settings,
                new FxBackgroundTasks(), environment);
        OutpostApplication.show(stage, startup);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        startup.syncTasks().close();
        startup.settings().close();
        startup.session().get().close();
        leaving.close();
        joining.close();
    }

    private OfflineStore store() {
        return startup.session().get().store();
    }

    /** The first sync brought the leaving CRM's records, then one change is made here and not sent. */
    private void syncedWithOneChangeWaiting() throws Exception {
        waitUntil(Duration.ofSeconds(30), () -> store().sync().linkCount("crm") > 0 && !store().sync().latestRuns(1).isEmpty());
        store().records().create(RecordType.ACCOUNT, Map.of("name", MARKER));
        assertThat(store().unsyncedWork().localChanges()).isEqualTo(1);
    }

    private void askToSwitch(FxRobot robot, URI to) throws Exception {
        robot.clickOn("#account-menu");
        robot.clickOn("#account-connect-other");
        robot.clickOn("#connect-url").write(to.toString());
        robot.clickOn("#connect-ok");
        waitUntil(Duration.ofSeconds(10), () -> robot.lookup("#reset-loss-0").tryQuery().isPresent());
    }

    @Test
    void cancelKeepsTheCopyTheConnectionAndTheChange(FxRobot robot) throws Exception {
        syncedWithOneChangeWaiting();
        askToSwitch(robot, joining.url());

        assertThat(robot.lookup("#reset-loss-0").queryAs(Label.class).getText()).contains("1 change not yet sent");
        robot.clickOn("#reset-cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#reset-heading").tryQuery()).isEmpty();
        assertThat(ConnectionSettings.read(profile).orElseThrow().crmUrl()).isEqualTo(ConnectionSettings.normalize(leaving.url()));
        assertThat(store().records().search(java.util.Optional.of(RecordType.ACCOUNT), MARKER, 5)).hasSize(1);
        assertThat(store().unsyncedWork().localChanges()).isEqualTo(1);
    }

    @Test
    void removeAndContinueLeavesNoByteOfTheOldCopyAndSyncsTheNewCrm(FxRobot robot) throws Exception {
        syncedWithOneChangeWaiting();
        byte[] oldKey = SecretVault.forProfile(profile).read(SecretVault.STORE_KEY).orElseThrow();
        OfflineStore before = store();
        askToSwitch(robot, joining.url());

        robot.clickOn("#reset-remove");
        waitUntil(Duration.ofSeconds(30), () -> store() != before && store().sync().linkCount("crm") > 0);

        assertThat(ConnectionSettings.read(profile).orElseThrow().crmUrl()).isEqualTo(ConnectionSettings.normalize(joining.url()));
        assertThat(ProfileIdentity.read(profile).orElseThrow().crmUrl()).isEqualTo(ProfileIdentity.normalize(joining.url()));
        assertThat(store().records().search(java.util.Optional.of(RecordType.ACCOUNT), MARKER, 5)).isEmpty();
        assertThat(robot.lookup("#reset-heading").tryQuery()).as("the warning closed").isEmpty();
        // The new store has a new key; neither the old key nor the marker is anywhere in the profile folder.
        byte[] newKey = SecretVault.forProfile(profile).read(SecretVault.STORE_KEY).orElseThrow();
        assertThat(newKey).isNotEqualTo(oldKey);
        List<String> found = scan(profile.path(), Map.of(
                "the old key", HexFormat.of().formatHex(oldKey).getBytes(StandardCharsets.US_ASCII),
                "the old key's bytes", oldKey,
                "the marker", MARKER.getBytes(StandardCharsets.UTF_8),
                "the marker in UTF-16", MARKER.getBytes(StandardCharsets.UTF_16LE)));
        assertThat(found).isEmpty();
    }

    private static List<String> scan(Path root, Map<String, byte[]> patterns) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                patterns.forEach((name, pattern) -> {
                    if (pattern.length > 0 && indexOf(content, pattern) >= 0) {
                        found.add(root.relativize(file) + ": " + name);
                    }
                });
            }
        }
        return found;
    }

    private static int indexOf(byte[] content, byte[] pattern) {
        outer:
        for (int i = 0; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
