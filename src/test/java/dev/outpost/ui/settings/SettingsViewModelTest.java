package dev.outpost.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.RecordType;
import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.ui.concurrent.SameThreadTasks;

/** The settings dialog's logic on a real profile: what it saves, what it refuses, which anchors it clears. */
class SettingsViewModelTest {

    @TempDir
    Path folder;

    private ContosoProfile contoso;
    private final List<SyncSchedule> schedules = new ArrayList<>();
    private int saves;
    private SettingsViewModel model;

    @BeforeEach
    void open() {
        contoso = new ContosoProfile(folder);
        for (RecordType type : RecordType.values()) {
            contoso.store.sync().saveAnchor("crm", type, "crm-" + type.id());
            contoso.store.sync().saveAnchor("outlook", type, "outlook-" + type.id());
        }
        model = new SettingsViewModel(contoso.ui, new ProfileConnectionOptions(contoso.profile, contoso.store.sync(),
                () -> saves++, () -> AdminSettings.NONE), new SameThreadTasks(), new SimpleObjectProperty<>(Theme.LIGHT),
                schedules::add);
        model.load();
    }

    @AfterEach
    void close() {
        contoso.close();
    }

    private ConnectionSettings saved() {
        return contoso.saved();
    }

    @Test
    void itShowsWhatIsSaved() {
        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.mailboxEditableProperty().get()).isTrue();
        assertThat(model.minutesProperty().get()).isEqualTo("15");
        assertThat(model.onStartProperty().get()).isTrue();
        assertThat(model.categoryProperty().get()).isEqualTo("Shared with CRM");
        assertThat(model.limitProperty().get()).isEqualTo("5000");
        assertThat(model.wholeProperty(RecordType.ACCOUNT).get()).isFalse();
    }

    @Test
    void anIntervalIsSavedAndToldAndABadOneSaysWhyAndIsNotSaved() {
        model.minutesProperty().set("30");
        model.applySchedule();
        model.minutesProperty().set("half an hour");
        model.applySchedule();

        assertThat(schedules).containsExactly(new SyncSchedule(30, true));
        assertThat(contoso.ui.current().schedule().minutes()).isEqualTo(30);
        assertThat(model.scheduleProblemProperty().get()).contains("whole number of minutes").contains("half an hour");

        model.minutesProperty().set("0");
        model.onStartProperty().set(false);
        assertThat(contoso.ui.current().schedule()).isEqualTo(new SyncSchedule(0, false));
        assertThat(model.scheduleProblemProperty().get()).isEmpty();
        assertThat(model.messageProperty().get()).contains("only when you click Sync now");
    }

    @Test
    void syncingATypeWholeIsSavedAndListsOnlyThatTypeAgain() {
        model.wholeProperty(RecordType.ACCOUNT).set(true);

        assertThat(saved().syncedWhole()).containsExactly(RecordType.ACCOUNT);
        assertThat(contoso.store.sync().anchor("crm", RecordType.ACCOUNT)).isEmpty();
        assertThat(contoso.store.sync().anchor("crm", RecordType.CONTACT)).contains("crm-contact");
        assertThat(contoso.store.sync().anchor("outlook", RecordType.CONTACT)).as("Outlook untouched").contains("outlook-contact");
        assertThat(saves).isEqualTo(1);
    }

    @Test
    void anotherCalendarWindowListsOnlyTheCalendarAgain() {
        model.daysAheadProperty().set("90");
        model.applyMailbox();

        assertThat(saved().mailbox().orElseThrow().options().daysAhead()).isEqualTo(90);
        assertThat(contoso.store.sync().anchor("outlook", RecordType.APPOINTMENT)).isEmpty();
        assertThat(contoso.store.sync().anchor("outlook", RecordType.CONTACT)).contains("outlook-contact");
        assertThat(contoso.store.sync().anchor("crm", RecordType.APPOINTMENT)).contains("crm-appointment");
    }

    @Test
    void anOutOfRangeOrNonNumericOutlookValueSaysWhyAndSavesNothing() {
        model.limitProperty().set("0");
        model.applyMailbox();
        assertThat(model.mailboxProblemProperty().get()).contains("between 1 and 100000");

        model.limitProperty().set("lots");
        model.applyMailbox();
        assertThat(model.mailboxProblemProperty().get()).contains("whole number").contains("lots");

        model.categoryProperty().set("  ");
        model.limitProperty().set("200");
        model.applyMailbox();
        assertThat(model.mailboxProblemProperty().get()).contains("needs a name");
        assertThat(saved().mailbox().orElseThrow().options().limit()).isEqualTo(5000);
        assertThat(saves).isZero();
        assertThat(contoso.store.sync().anchor("outlook", RecordType.CONTACT)).contains("outlook-contact");
    }

    @Test
    void aNewCategoryListsEveryOutlookTypeAgain() {
        model.categoryProperty().set("CRM");
        model.applyMailbox();

        assertThat(saved().mailbox().orElseThrow().options().category()).isEqualTo("CRM");
        for (RecordType type : Set.of(RecordType.CONTACT, RecordType.TASK, RecordType.APPOINTMENT, RecordType.EMAIL)) {
            assertThat(contoso.store.sync().anchor("outlook", type)).as(type.id()).isEmpty();
        }
    }

    @Test
    void inDemoModeTheOutlookOptionsAreNotEditable() {
        ConnectionSettings.demoMode().write(contoso.profile);
        model.load();

        assertThat(model.mailboxEditableProperty().get()).isFalse();
        model.limitProperty().set("10");
        model.applyMailbox();
        assertThat(saved().mailbox().orElseThrow().options().limit()).isEqualTo(5000);
    }

    @Test
    void theScheduleSurvivesARestartAndAnOldFileReadsAsTheDefault() {
        model.minutesProperty().set("45");
        model.applySchedule();
        contoso.ui.close();

        SettingsFile again = new SettingsFile(contoso.profile.settingsFile());
        assertThat(again.load().schedule()).isEqualTo(new SyncSchedule(45, true));
        assertThat(new SettingsFile(folder.resolve("none.json")).load().schedule()).isEqualTo(SyncSchedule.DEFAULT);
    }

    @Test
    void aConflictPolicyPerPairIsSavedAndShownAgain() {
        assertThat(model.crmPolicyProperty().get()).isEqualTo(dev.outpost.sync.ConflictPolicy.ASK);
        assertThat(model.outlookPolicyProperty().get()).as("the CRM copy wins").isEqualTo(dev.outpost.sync.ConflictPolicy.LOCAL_WINS);

        model.crmPolicyProperty().set(dev.outpost.sync.ConflictPolicy.SERVER_WINS);
        model.outlookPolicyProperty().set(dev.outpost.sync.ConflictPolicy.ASK);

        assertThat(saved().policy("crm")).contains("server-wins");
        assertThat(saved().policy("outlook")).contains("ask");
        assertThat(model.messageProperty().get()).contains("Ask me");
        assertThat(contoso.store.sync().anchor("crm", RecordType.ACCOUNT)).as("a policy lists nothing again").contains("crm-account");
        model.load();
        assertThat(model.crmPolicyProperty().get()).isEqualTo(dev.outpost.sync.ConflictPolicy.SERVER_WINS);
    }
}
