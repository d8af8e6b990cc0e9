package dev.outpost.ui.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.outpost.ui.concurrent.BackgroundTasks;

/** The header's Account menu while the sync's worker is busy. */
@ExtendWith(ApplicationExtension.class)
class AccountMenuTest {

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

    private static final ProfileSwitching ON_FABRIKAM = new ProfileSwitching() {
        @Override
        public String current() {
            return "https://fabrikam.crm.dynamics.com";
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

        @Override
        public void continueWith(URI crmUrl) {
            throw new AssertionError("not asked here");
        }
    };

    @Test
    void connectToAnotherCrmOpensItsDialogAtOnceWhileASyncHoldsTheSyncsWorker(FxRobot robot) throws Exception {
        SyncRunning sync = new SyncRunning();
        robot.interact(() -> new AccountMenu(ON_FABRIKAM, sync, shown::add, () -> stage).connectOther());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#connect-url").tryQuery().isPresent();
        });
        assertThat(sync.waiting).as("nothing waits behind the sync").isEmpty();
        assertThat(shown).isEmpty();
    }
}
