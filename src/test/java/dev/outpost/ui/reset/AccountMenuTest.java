package dev.outpost.ui.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.scene.control.TextField;
import javafx.stage.Stage;

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
import dev.outpost.ui.concurrent.BackgroundTasks;

/** The header's Account menu while the sync's worker is busy. */
@ExtendWith(ApplicationExtension.class)
class AccountMenuTest {

    @TempDir
    Path folder;

    private final List<String> shown = new CopyOnWriteArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 700, 400));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(robot.listTargetWindows()).forEach(javafx.stage.Window::hide));
    }

    /** The sync's worker while a long sync runs: work handed to it waits (here: for ever). */
    private static final class SyncRunning implements BackgroundTasks {
        final List<Callable<?>> waiting = new CopyOnWriteArrayList<>();

        @Override
        public <T> void run(Callable<? extends T> work, Consumer<? super T> onSuccess,
                Consumer<? super Exception> onFailure) {
            waiting.add(work);
        }

        @Override
        public Scheduled schedule(Duration delay, Runnable action) {
            return () -> { };
        }
    }

    /** On Fabrikam, where IT's admin file (as the connection last read it) says {@code admin}. */
    private static ProfileSwitching onFabrikam(AdminSettings admin) {
        return new ProfileSwitching() {
            @Override
            public String current() {
                return "https://fabrikam.crm.dynamics.com";
            }

            @Override
            public AdminSettings admin() {
                return admin;
            }

            @Override
            public boolean isCurrent(URI crmUrl) {
                return false;
            }

            @Override
            public boolean needsReset(URI crmUrl) {
                throw new AssertionError("not asked here");
            }

            @Override
            public void connect(URI crmUrl) {
                throw new AssertionError("not asked here");
            }

            @Override
            public OfflineCopy offlineCopy(URI crmUrl) {
                throw new AssertionError("not asked here");
            }
        };
    }

    @Test
    void connectToAnotherCrmOpensItsDialogAtOnceWhileASyncHoldsTheSyncsWorker(FxRobot robot) throws Exception {
        SyncRunning sync = new SyncRunning();
        robot.interact(() -> new AccountMenu(onFabrikam(AdminSettings.NONE), sync, shown::add, () -> stage).connectOther());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#connect-url").tryQuery().isPresent();
        });
        assertThat(sync.waiting).as("nothing waits behind the sync").isEmpty();
        assertThat(shown).isEmpty();
    }

    @Test
    void connectToAnotherCrmOffersTheCrmItLockedAsTheConnectionHoldsIt(FxRobot robot) throws Exception {
        AdminSettings locked = AdminDefaults.read(Files.writeString(folder.resolve(AdminDefaults.FILE_NAME),
                "{\"crmUrl\": \"https://contoso.crm.dynamics.com\", \"locked\": [\"crmUrl\"]}")).connection();
        robot.interact(() -> new AccountMenu(onFabrikam(locked), new SyncRunning(), shown::add, () -> stage).connectOther());
        WaitForAsyncUtils.waitForFxEvents();

        TextField url = robot.lookup("#connect-url").queryAs(TextField.class);
        assertThat(url.getText()).isEqualTo("https://contoso.crm.dynamics.com");
        assertThat(url.isEditable()).isFalse();
        assertThat(robot.lookup("#connect-set-by-it").query().isVisible()).isTrue();
    }
}
