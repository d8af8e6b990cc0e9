package dev.outpost.ui.settings;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.outpost.model.RecordType;
import dev.outpost.store.AdminSettings;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.ConnectionSettings.MailboxOptions;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;

/**
 * The settings dialog's state: when to sync, what to sync (per type: all records, or mine and what they refer to),
 * the Outlook options, the theme. Every change is checked and saved at once; a value that does not pass says why
 * next to its field and is not saved. Writes run on the background worker.
 */
public final class SettingsViewModel {

    /** The policies a user may pick per pair, in the order shown; the first is the pair's built-in one. */
    public static final List<ConflictPolicy> CRM_POLICIES = List.of(ConflictPolicy.ASK, ConflictPolicy.LOCAL_WINS,
            ConflictPolicy.SERVER_WINS, ConflictPolicy.NEWEST_WINS);
    public static final List<ConflictPolicy> OUTLOOK_POLICIES = List.of(ConflictPolicy.LOCAL_WINS,
            ConflictPolicy.SERVER_WINS, ConflictPolicy.NEWEST_WINS, ConflictPolicy.ASK);
    /** The Outlook pair's built-in policy (OutlookPair.DEFAULT_POLICY): the CRM copy wins. */
    static final ConflictPolicy OUTLOOK_DEFAULT = ConflictPolicy.LOCAL_WINS;

    private final SettingsFile ui;
    private final ConnectionOptions connection;
    private final BackgroundTasks tasks;
    private final Consumer<SyncSchedule> onSchedule;
    private final StringProperty minutes = new SimpleStringProperty();
    private final BooleanProperty onStart = new SimpleBooleanProperty();
    private final StringProperty scheduleProblem = new SimpleStringProperty("");
    private final ObjectProperty<Theme> theme;
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty connected = new SimpleBooleanProperty(false);
    private final BooleanProperty mailboxEditable = new SimpleBooleanProperty(false);
    private final Map<RecordType, BooleanProperty> whole = new EnumMap<>(RecordType.class);
    private final StringProperty category = new SimpleStringProperty("");
    private final StringProperty daysBack = new SimpleStringProperty("");
    private final StringProperty daysAhead = new SimpleStringProperty("");
    private final StringProperty limit = new SimpleStringProperty("");
    private final BooleanProperty autocapture = new SimpleBooleanProperty();
    private final BooleanProperty shareReplies = new SimpleBooleanProperty();
    private final StringProperty mailboxProblem = new SimpleStringProperty("");
    private final ObjectProperty<ConflictPolicy> crmPolicy = new SimpleObjectProperty<>(ConflictPolicy.ASK);
    private final ObjectProperty<ConflictPolicy> outlookPolicy = new SimpleObjectProperty<>(OUTLOOK_DEFAULT);
    private final BooleanProperty hasMailbox = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty filtersLocked = new SimpleBooleanProperty(false);
    private final BooleanProperty categoryLocked = new SimpleBooleanProperty(false);
    private final BooleanProperty limitLocked = new SimpleBooleanProperty(false);
    private final StringProperty setByIt = new SimpleStringProperty("");
    private Optional<ConnectionSettings> current = Optional.empty();
    private boolean filling;

    /**
     * @param theme      the window's theme, changed here directly
     * @param onSchedule told on the FX thread when the sync schedule changed, so the next automatic sync moves
     */
    public SettingsViewModel(SettingsFile ui, ConnectionOptions connection, BackgroundTasks tasks,
                             ObjectProperty<Theme> theme, Consumer<SyncSchedule> onSchedule) {
        this.ui = ui;
        this.connection = connection;
        this.tasks = tasks;
        this.theme = theme;
        this.onSchedule = onSchedule;
        SyncSchedule schedule = ui.current().schedule();
        minutes.set(Integer.toString(schedule.minutes()));
        onStart.set(schedule.onStart());
        for (RecordType type : RecordType.values()) {
            BooleanProperty all = new SimpleBooleanProperty(false);
            all.addListener((obs, was, now) -> {
                if (!filling) {
                    saveConnection(settings -> settings.syncingWhole(wholeTypes()),
                            UiText.get(now ? "settings.savedWhole" : "settings.savedMine", type.pluralLabel()));
                }
            });
            whole.put(type, all);
        }
        onStart.addListener((obs, was, now) -> applySchedule());
        crmPolicy.addListener((obs, was, now) -> savePolicy("crm", now));
        outlookPolicy.addListener((obs, was, now) -> savePolicy("outlook", now));
        autocapture.addListener((obs, was, now) -> applyMailbox());
        shareReplies.addListener((obs, was, now) -> applyMailbox());
    }

    /** Reads the connection settings and IT's admin file in the background and fills the fields. */
    public void load() {
        tasks.run(() -> new Loaded(connection.read(), connection.admin()), read -> {
            fill(read.settings(), read.admin());
            loaded.set(true);
        }, failure -> message.set(UiText.get("settings.loadFailed", failure.getMessage())));
    }

    private record Loaded(Optional<ConnectionSettings> settings, AdminSettings admin) {
    }

    /**
     * Shows the settings with what IT locked in them (the next sync saves it into the profile, and so does the next
     * change made here): a locked control shows IT's value and cannot be changed.
     */
    private void fill(Optional<ConnectionSettings> saved, AdminSettings admin) {
        Optional<ConnectionSettings> read = saved.map(admin::enforce);
        boolean real = read.filter(s -> !s.demo()).isPresent(); // demo mode syncs with this computer only: no locks
        filtersLocked.set(real && admin.binds(AdminSettings.Setting.SYNC_FILTERS));
        categoryLocked.set(real && admin.binds(AdminSettings.Setting.CATEGORY));
        limitLocked.set(real && admin.binds(AdminSettings.Setting.OUTLOOK_LIMIT));
        setByIt.set(UiText.get("settings.setByItTip", admin.file()));
        current = read;
        filling = true;
        try {
            connected.set(read.isPresent());
            read.ifPresent(settings -> whole.forEach((type, all) -> all.set(settings.syncedWhole().contains(type))));
            crmPolicy.set(ConflictPolicy.forPair(read.flatMap(s -> s.policy("crm")), ConflictPolicy.ASK));
            outlookPolicy.set(ConflictPolicy.forPair(read.flatMap(s -> s.policy("outlook")), OUTLOOK_DEFAULT));
            hasMailbox.set(read.flatMap(ConnectionSettings::mailbox).isPresent());
            // Demo mode syncs the demo mailbox with the defaults it was made for: shown, not editable.
            mailboxEditable.set(read.filter(s -> !s.demo()).flatMap(ConnectionSettings::mailbox).isPresent());
            MailboxOptions options = read.flatMap(ConnectionSettings::mailbox).map(ConnectionSettings.Mailbox::options)
                    .orElse(MailboxOptions.DEFAULTS);
            category.set(options.category());
            daysBack.set(Integer.toString(options.daysBack()));
            daysAhead.set(Integer.toString(options.daysAhead()));
            limit.set(Integer.toString(options.limit()));
            autocapture.set(options.autocapture());
            shareReplies.set(options.shareReplies());
        } finally {
            filling = false;
        }
    }

    /** Checks and saves the sync interval and "sync on start". */
    public void applySchedule() {
        if (filling) {
            return;
        }
        SyncSchedule schedule;
        try {
            schedule = SyncSchedule.parse(minutes.get(), onStart.get());
        } catch (IllegalArgumentException e) {
            scheduleProblem.set(e.getMessage());
            return;
        }
        scheduleProblem.set("");
        if (!schedule.equals(ui.current().schedule())) {
            ui.update(s -> s.withSchedule(schedule));
            onSchedule.accept(schedule);
            message.set(schedule.minutes() == 0 ? UiText.get("settings.savedManual")
                    : UiText.get("settings.savedEvery", schedule.minutes()));
        }
    }

    /** Checks and saves the Outlook options; a value out of range says why and nothing is saved. */
    public void applyMailbox() {
        if (filling || !mailboxEditable.get()) {
            return;
        }
        MailboxOptions options;
        try {
            options = new MailboxOptions(category.get() == null ? "" : category.get().strip(), number(daysBack, "daysBack"),
                    number(daysAhead, "daysAhead"), number(limit, "limit"), autocapture.get(), shareReplies.get());
        } catch (IllegalArgumentException e) {
            mailboxProblem.set(e.getMessage());
            return;
        }
        mailboxProblem.set("");
        MailboxOptions before = current.flatMap(ConnectionSettings::mailbox).map(ConnectionSettings.Mailbox::options)
                .orElse(MailboxOptions.DEFAULTS);
        if (!options.equals(before)) {
            saveConnection(settings -> settings.withMailbox(settings.mailbox().map(box -> box.with(options))),
                    UiText.get("settings.savedOutlook"));
        }
    }

    private void savePolicy(String pair, ConflictPolicy policy) {
        if (!filling && policy != null) {
            saveConnection(settings -> settings.withPolicy(pair, policy.id()),
                    UiText.get("settings.savedPolicy", policyLabel(pair, policy)));
        }
    }

    /** How a policy reads in the user's words, for one pair. */
    public static String policyLabel(String pair, ConflictPolicy policy) {
        return UiText.get("settings.policy." + pair + "." + policy.id());
    }

    private static int number(StringProperty text, String field) {
        String value = text.get() == null ? "" : text.get().strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(UiText.get("settings.notANumber", UiText.get("settings." + field), value));
        }
    }

    private void saveConnection(UnaryOperator<ConnectionSettings> change, String done) {
        if (current.isEmpty()) {
            return;
        }
        ConnectionSettings after = change.apply(current.get());
        current = Optional.of(after);
        tasks.run(() -> {
            connection.save(after);
            return Boolean.TRUE;
        }, ok -> message.set(done), failure -> {
            message.set(UiText.get("settings.saveFailed", failure.getMessage()));
            load(); // show what is really saved
        });
    }

    private Set<RecordType> wholeTypes() {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        whole.forEach((type, all) -> {
            if (all.get()) {
                types.add(type);
            }
        });
        return types;
    }

    public StringProperty minutesProperty() {
        return minutes;
    }

    public BooleanProperty onStartProperty() {
        return onStart;
    }

    public ReadOnlyStringProperty scheduleProblemProperty() {
        return scheduleProblem;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    public ReadOnlyBooleanProperty mailboxEditableProperty() {
        return mailboxEditable;
    }

    /** Per type: true = all records, false = mine and the records they refer to. */
    public BooleanProperty wholeProperty(RecordType type) {
        return whole.get(type);
    }

    /** How a field changed here and in the CRM to different values is settled. */
    public ObjectProperty<ConflictPolicy> crmPolicyProperty() {
        return crmPolicy;
    }

    /** How a field changed in the CRM copy and in Outlook to different values is settled. */
    public ObjectProperty<ConflictPolicy> outlookPolicyProperty() {
        return outlookPolicy;
    }

    public ReadOnlyBooleanProperty hasMailboxProperty() {
        return hasMailbox;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public StringProperty daysBackProperty() {
        return daysBack;
    }

    public StringProperty daysAheadProperty() {
        return daysAhead;
    }

    public StringProperty limitProperty() {
        return limit;
    }

    public BooleanProperty autocaptureProperty() {
        return autocapture;
    }

    public BooleanProperty shareRepliesProperty() {
        return shareReplies;
    }

    public ReadOnlyStringProperty mailboxProblemProperty() {
        return mailboxProblem;
    }

    /** Whether IT locked which types sync whole: the per-type choices cannot be changed. */
    public ReadOnlyBooleanProperty filtersLockedProperty() {
        return filtersLocked;
    }

    /** Whether IT locked the sharing category. */
    public ReadOnlyBooleanProperty categoryLockedProperty() {
        return categoryLocked;
    }

    /** Whether IT locked the Outlook limit. */
    public ReadOnlyBooleanProperty limitLockedProperty() {
        return limitLocked;
    }

    /** Where IT set the locked values, for the "Set by IT" lines' tooltip. */
    public ReadOnlyStringProperty setByItProperty() {
        return setByIt;
    }

    /** What the last change did, or why it could not be saved. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
