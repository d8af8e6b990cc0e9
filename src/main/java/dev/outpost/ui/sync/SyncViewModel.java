package dev.outpost.ui.sync;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.ConflictRow;
import dev.outpost.store.LimitMark;
import dev.outpost.store.LocalRecord;
import dev.outpost.store.SyncIssue;
import dev.outpost.store.SyncRun;
import dev.outpost.store.SyncStore;
import dev.outpost.outlook.OutlookPair;
import dev.outpost.outlook.SyncRound;
import dev.outpost.ui.conflicts.ConflictPrompt;
import dev.outpost.ui.conflicts.Conflicts;
import dev.outpost.sync.ConflictResolver;
import dev.outpost.sync.PushLimit;
import dev.outpost.ui.ErrorReporter;
import dev.outpost.ui.UiText;
import dev.outpost.ui.concurrent.BackgroundTasks;
import dev.outpost.ui.issues.IssueItem;
import dev.outpost.ui.issues.IssueItems;

/**
 * Sync from the window: runs the CRM pair on a background thread (never the FX thread), shows its
 * progress per type, the last result, online/offline, and the conflicts and issues waiting; repeats
 * every {@link #EVERY} while connected. Also the welcome's choices: demo data, a CRM's address.
 */
public final class SyncViewModel {

    /** How often the window syncs on its own while connected (a setting later). */
    public static final Duration EVERY = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(SyncViewModel.class);

    /** The first retry after a sync that could not reach the CRM; each further one waits twice as long. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    /** Whether the window can reach its CRM, as far as the last sync knows. */
    public enum Connectivity { NOT_CONNECTED, ONLINE, OFFLINE }

    private final SyncConnection connection;
    private final SyncStore store;
    private final BackgroundTasks tasks;
    private final ErrorReporter errors;
    private final Validation validation;
    private final ZoneId zone;
    private final SyncProgress progress = new SyncProgress();
    private final WindowSyncRound round;
    private final AtomicBoolean progressShowing = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyBooleanWrapper mailbox = new ReadOnlyBooleanWrapper(this, "mailbox");
    private final ReadOnlyStringWrapper overLimitText = new ReadOnlyStringWrapper(this, "overLimitText", "");
    private final ReadOnlyStringWrapper overLimitHelp = new ReadOnlyStringWrapper(this, "overLimitHelp", "");
    private final List<OutlookTrackingViewModel> trackings = new ArrayList<>();
    private final List<HeldRecordViewModel> heldRecords = new ArrayList<>();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper outlookStatusText = new ReadOnlyStringWrapper(this, "outlookStatusText", "");
    private final ReadOnlyObjectWrapper<Connectivity> connectivity =
            new ReadOnlyObjectWrapper<>(this, "connectivity", Connectivity.NOT_CONNECTED);
    private final ReadOnlyStringWrapper connectivityText = new ReadOnlyStringWrapper(this, "connectivityText", "");
    private final ReadOnlyIntegerWrapper conflictCount = new ReadOnlyIntegerWrapper(this, "conflictCount");
    private final ReadOnlyIntegerWrapper issueCount = new ReadOnlyIntegerWrapper(this, "issueCount");
    private final ObservableList<ConflictItem> conflicts = FXCollections.observableArrayList();
    private final ObservableList<SyncIssue> issues = FXCollections.observableArrayList();
    private final SyncIssueActions issueActions;
    private final SignInPrompt signInPrompt = new SignInPrompt();
    private Runnable onSynced = () -> { };
    private final AutoSync schedule;
    private boolean again;
    // Everyday sync: the progress bar, cancelling, retries while offline, and telling the user of new conflicts.
    private final ReadOnlyDoubleWrapper progressFraction = new ReadOnlyDoubleWrapper(this, "progressFraction", -1);
    private final ReadOnlyStringWrapper progressDetail = new ReadOnlyStringWrapper(this, "progressDetail", "");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable");
    private final ReadOnlyObjectWrapper<SyncAttention> attention = new ReadOnlyObjectWrapper<>(this, "attention");
    private final AttentionWatch told = new AttentionWatch();

    /**
     * @param tasks runs the sync: a worker of its own, so a long sync does not hold up the table's queries
     * @param every how often to sync on its own while connected; empty for never (tests)
     */
    public SyncViewModel(SyncConnection connection, SyncStore store, BackgroundTasks tasks, ErrorReporter errors,
                         Validation validation, ZoneId zone, Optional<Duration> every) {
        this.connection = connection;
        this.store = store;
        this.tasks = tasks;
        this.errors = errors;
        this.validation = validation;
        this.zone = zone;
        this.round = new WindowSyncRound(connection, store, validation, progress, this::progressed);
        this.schedule = new AutoSync(tasks, connection::isConfigured, this::syncNow, every);
        connectivity.addListener((obs, old, now) -> updateConnectivityText());
        updateConnectivityText();
        connected.set(connection.isConfigured());
        mailbox.set(hasMailbox());
        statusText.set(UiText.get(connection.isConfigured() ? "sync.never" : "sync.notConnected"));
        // The system browser's word (no browser: the address to open) comes on the worker that signs in.
        connection.onSignInNotice(message -> tasks.schedule(Duration.ZERO, () -> signInPrompt.notice(message)));
        issueActions = new SyncIssueActions(store, tasks, errors, notify -> refresh(notify), this::syncNow);
    }

    /** Runs after each sync (and each resolution) on the FX thread: the window reloads its records. */
    public void setOnSynced(Runnable onSynced) {
        this.onSynced = onSynced;
    }

    /** Shows what the history holds, then syncs when connected; call once the window is up. */
    public void start() {
        refresh(false);
        if (connection.isConfigured()) {
            if (schedule.onStart()) {
                syncNow();
            } else {
                schedule.scheduleNext();
            }
        }
    }

    /**
     * Follows the user's schedule (the settings dialog): how often to sync on its own (empty: only when asked)
     * and whether to sync as soon as the window opens. A new interval moves the next automatic sync at once.
     */
    public void schedule(Optional<Duration> interval, boolean onStart) {
        schedule.follow(interval, onStart, running.get());
    }

    /**
     * How soon to try again after a sync that could not reach the CRM (default {@link #FIRST_RETRY}); each further try
     * waits twice as long, up to the sync interval. Without an interval nothing is retried: the user syncs by hand.
     */
    public void retryWhenOffline(Duration first) {
        schedule.retryFirstAfter(first);
    }

    /**
     * Asks the running sync to stop at its next safe point (between pages and batches): what it has done stays
     * done, the rest waits for the next sync, which goes on from there. The history records the run as stopped.
     */
    public void cancel() {
        if (cancellable.get()) {
            again = false;
            cancelling.set(true);
            cancelled.set(true);
            progressText.set(UiText.get("everyday.cancelling"));
        }
    }

    /** The notification about new conflicts or issues was closed or timed out. */
    public void dismissAttention() {
        attention.set(null);
    }

    /** Whether the profile has yet to choose between the demo, a CRM and working offline. */
    public boolean needsWelcome() {
        return !connection.isConfigured();
    }

    /** What IT set for this installation's connections: the welcome offers IT's CRM. */
    public dev.outpost.store.AdminSettings admin() {
        return connection.admin();
    }

    /** Syncs now, on the background thread; when a sync is already running, once more after it. */
    public void syncNow() {
        if (schedule.stopped()) {
            return;
        }
        if (running.get()) {
            again = true;
            return;
        }
        if (!connection.isConfigured()) {
            statusText.set(UiText.get("sync.notConnected"));
            connectivity.set(Connectivity.NOT_CONNECTED);
            return;
        }
        schedule.syncStarting();
        running.set(true);
        progress.reset();
        progressText.set(UiText.get("sync.starting"));
        progressFraction.set(-1);
        progressDetail.set("");
        cancelled.set(false);
        cancelling.set(false);
        cancellable.set(true);
        tasks.run(this::runOnce, report -> {
            signInPrompt.hide();
            finished(Optional.empty(), true);
        }, this::failed);
    }

    /**
     * The banner's <em>Sign in</em>: signs in in the browser on the sync's worker (never the FX thread), then syncs at
     * once. When someone else signs in than the user whose data the profile holds, nothing syncs and nothing is
     * removed: the banner says so and {@link #otherUserSignedInProperty()} turns true.
     */
    public void signIn() {
        if (schedule.stopped() || running.get() || !connection.signsIn()) {
            return;
        }
        schedule.cancelNext();
        running.set(true);
        signInPrompt.signingIn.set(true);
        progressText.set(UiText.get("signin.waiting"));
        tasks.run(() -> WindowSignIn.signIn(connection, store), result -> {
            signedInOrNot();
            switch (result) {
                case WindowSignIn.SignedIn signedIn -> {
                    signInPrompt.hide();
                    syncNow();
                }
                case WindowSignIn.OtherUser other -> {
                    signInPrompt.show(other.copy());
                    statusText.set(UiText.get("signin.status"));
                    schedule.scheduleNext();
                }
            }
        }, failure -> {
            signedInOrNot();
            LOG.info("The sign-in from the window did not complete: {}", failure.getClass().getSimpleName());
            signInPrompt.failed(reason(failure)); // the banner stays: one can try again
            schedule.scheduleNext();
        });
    }

    private void signedInOrNot() {
        running.set(false);
        signInPrompt.signingIn.set(false);
        progressText.set("");
        again = false; // a sync asked for meanwhile: a successful sign-in syncs anyway, another user's must not
    }

    /** The welcome's *Explore with demo data*: demo mode, the demo server started, then the first sync. */
    public void exploreDemo() {
        running.set(true);
        progressText.set(UiText.get("sync.startingDemo"));
        tasks.run(() -> {
            connection.switchToDemo();
            return Boolean.TRUE;
        }, ok -> {
            running.set(false);
            connected.set(true);
            mailbox.set(hasMailbox());
            syncNow();
        }, failure -> {
            running.set(false);
            progressText.set("");
            LOG.warn("The demo server did not start", failure);
            statusText.set(UiText.get("sync.demoFailed", reason(failure)));
        });
    }

    /** The welcome's *Connect to Dynamics 365*: saves the address; the sync starts right after. */
    public void connectTo(URI crmUrl) {
        tasks.run(() -> {
            connection.connectTo(crmUrl);
            return Boolean.TRUE;
        }, ok -> {
            connected.set(true);
            syncNow();
        }, errors::report);
    }

    /**
     * The editor's Outlook line for this profile's mailbox: reads through {@code reads} (the window's worker),
     * writes on the sync's worker, and reads again after every sync.
     */
    public OutlookTrackingViewModel outlookTracking(BackgroundTasks reads) {
        OutlookTrackingViewModel tracking = new OutlookTrackingViewModel(store, reads, tasks, errors,
                mailbox.getReadOnlyProperty(), running.getReadOnlyProperty());
        trackings.add(tracking);
        return tracking;
    }

    /** The editor's "waits for a conflict decision" line; it looks again after every sync. */
    public HeldRecordViewModel heldRecord(BackgroundTasks reads) {
        HeldRecordViewModel held = new HeldRecordViewModel(store, reads);
        heldRecords.add(held);
        return held;
    }

    /**
     * The conflict dialog for one conflict, reading and writing through the sync's store and worker; a decision
     * there reads the conflicts again and syncs at once, so it reaches the other side now when online.
     */
    public ConflictPrompt conflictPrompt() {
        return new ConflictPrompt(new Conflicts(store, validation), tasks, zone);
    }

    /** A conflict was settled in its dialog. */
    public void conflictSettled() {
        refresh(true);
        syncNow();
    }

    /** Shows a failure of the conflict dialog. */
    public void report(Exception failure) {
        errors.report(failure);
    }

    /** Keeps this computer's version of a conflicted record; the next sync sends it. */
    public void keepMine(ConflictItem conflict) {
        resolve(conflict, true);
    }

    /** Takes the server's version of a conflicted record. */
    public void keepServer(ConflictItem conflict) {
        resolve(conflict, false);
    }

    /**
     * Syncs on the calling thread, which must be the sync's worker (the one given as {@code tasks}), so it never
     * runs beside another sync: the reset warning's <em>Sync first</em>. The status line is brought up to date after.
     *
     * @throws Exception what stopped the run before it began (no sign-in, not connected)
     */
    public void syncOnThisThread() throws Exception {
        SyncRound.Reports reports;
        try {
            reports = runOnce();
        } finally {
            tasks.schedule(Duration.ZERO, () -> refresh(true));
        }
        Optional<String> failed = reports.all().stream().flatMap(report -> report.types().stream())
                .filter(type -> type.outcome() == dev.outpost.sync.TypeOutcome.FAILED).map(dev.outpost.sync.TypeReport::message)
                .findFirst();
        if (failed.isPresent()) {
            throw new IllegalStateException(failed.get()); // the engine's message, written for the user
        }
    }

    /** Stops repeating and asks a running sync to stop at the next safe point; for closing the window. */
    public void stop() {
        schedule.stop();
        cancelled.set(true);
    }

    private void resolve(ConflictItem conflict, boolean mine) {
        long id = conflict.row().id();
        conflicts.remove(conflict); // at once, so a second click cannot resolve it twice
        tasks.run(() -> {
            ConflictResolver resolver = new ConflictResolver(store, validation);
            if (mine) {
                resolver.keepMine(id);
            } else {
                resolver.keepServer(id);
            }
            return Boolean.TRUE;
        }, ok -> {
            refresh(true);
            syncNow();
        }, failure -> {
            refresh(false);
            errors.report(failure);
        });
    }

    /** Runs on the sync thread. */
    private SyncRound.Reports runOnce() throws Exception {
        // What IT locked is what this run syncs with; a category it renamed needs the user in Outlook: told once.
        return round.run(note -> tasks.schedule(Duration.ZERO, () -> errors.show(note)), cancelled::get);
    }

    /** Called on the sync thread; shows the progress on the FX thread, at most one update in flight. */
    private void progressed() {
        if (progressShowing.compareAndSet(false, true)) {
            tasks.schedule(Duration.ZERO, () -> {
                progressShowing.set(false);
                if (running.get() && !cancelling.get()) {
                    progressText.set(progress.current()
                            .map(type -> UiText.get("sync.progress", type.pluralLabel(), progress.movedSoFar(type)))
                            .orElse(UiText.get("sync.starting")));
                }
                if (running.get()) {
                    progressFraction.set(progress.fraction());
                    progressDetail.set(progress.perType().entrySet().stream()
                            .map(e -> UiText.get("everyday.progress.type", e.getKey().pluralLabel(),
                                    e.getValue().received(), e.getValue().sent()))
                            .collect(Collectors.joining("; ")));
                }
            });
        }
    }

    private void failed(Exception failure) {
        if (failure instanceof SignInNeededException signIn) {
            signInPrompt.show(signIn);
            finished(Optional.of(signIn.canSignIn() ? UiText.get("signin.status") : signIn.getMessage()), false);
        } else if (failure instanceof NotConnectedException) {
            signInPrompt.hide();
            finished(Optional.of(UiText.get("sync.notConnected")), false);
        } else {
            signInPrompt.hide();
            // Not the engine's report (it keeps endpoint failures in the history): the store or the demo server.
            LOG.warn("The sync could not run", failure);
            connectivity.set(Connectivity.OFFLINE);
            finished(Optional.of(UiText.get("sync.last", java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(java.time.ZonedDateTime.now(zone)), UiText.get("sync.result.failed", reason(failure)))), true);
        }
    }

    /** @param mayRetry whether a sync that ends offline is tried again soon (not when the user must act first) */
    private void finished(Optional<String> problem, boolean mayRetry) {
        // The round's end (each pair's run is logged by the engine); for support and the installer's smoke test.
        LOG.info("The window's sync round ended ({})", problem.isEmpty() ? "done" : "with a problem shown to the user");
        running.set(false);
        cancelling.set(false);
        cancellable.set(false);
        progressText.set("");
        progressFraction.set(-1);
        progressDetail.set("");
        refresh(true, problem, Optional.of(mayRetry));
        if (problem.isEmpty()) {
            trackings.forEach(OutlookTrackingViewModel::synced); // the run has ended: its over-limit marks are final
        }
        if (again) {
            again = false;
            syncNow();
        }
    }

    /** After a sync, once its outcome is read: the next one at the interval, or sooner while offline. */
    private void scheduleAfterSync(boolean mayRetry) {
        if (running.get() || schedule.stopped()) {
            return; // a sync asked for meanwhile runs now and schedules after itself
        }
        schedule.afterSync(mayRetry && connectivity.get() == Connectivity.OFFLINE);
    }

    private void refresh(boolean notify) {
        refresh(notify, Optional.empty());
    }

    /** Reads the last run, the conflicts and the issues from the store, and shows them. */
    private void refresh(boolean notify, Optional<String> problem) {
        refresh(notify, problem, Optional.empty());
    }

    /** @param afterSync present after a sync: whether it may be retried soon when it ended offline */
    private void refresh(boolean notify, Optional<String> problem, Optional<Boolean> afterSync) {
        tasks.run(this::readState, state -> {
            conflicts.setAll(state.conflicts());
            issues.setAll(state.issues());
            issueActions.showAll(state.issueItems());
            List<ConflictRow> open = state.conflicts().stream().map(ConflictItem::row).toList();
            heldRecords.forEach(held -> held.check(open)); // a sync or a decision may have held or freed it
            conflictCount.set(state.conflicts().size());
            issueCount.set(state.issues().size());
            connected.set(connection.isConfigured());
            if (problem.isPresent()) {
                statusText.set(problem.get());
            } else {
                statusText.set(connection.isConfigured() || state.lastRun().isPresent()
                        ? SyncStatusText.lastSync(state.lastRun(), state.conflicts().size(), zone)
                        : UiText.get("sync.notConnected"));
            }
            mailbox.set(hasMailbox());
            outlookStatusText.set(mailbox.get() ? SyncStatusText.outlook(state.lastOutlookRun(), zone) : "");
            overLimitText.set(mailbox.get() ? SyncStatusText.overLimit(state.overLimit()) : "");
            overLimitHelp.set(mailbox.get() ? SyncStatusText.overLimitHelp(state.overLimit(), state.limit()) : "");
            if (!connection.isConfigured()) {
                connectivity.set(Connectivity.NOT_CONNECTED);
            } else if (problem.isEmpty() || connectivity.get() == Connectivity.NOT_CONNECTED) {
                connectivity.set(SyncStatusText.reachedServer(state.lastRun()) ? Connectivity.ONLINE : Connectivity.OFFLINE);
            }
            noticeNew(state, afterSync.isPresent());
            afterSync.ifPresent(this::scheduleAfterSync);
            if (notify) {
                onSynced.run();
            }
        }, failure -> {
            errors.report(failure);
            afterSync.ifPresent(this::scheduleAfterSync);
        });
    }

    /**
     * Tells the user of conflicts and issues a sync recorded that were not there before; those the window found at
     * its first read, and those already told, are not told again.
     */
    private void noticeNew(State state, boolean afterSync) {
        if (afterSync || !told.started()) {
            told.look(state.conflicts().stream().map(c -> c.row().id()).toList(),
                    state.issues().stream().map(SyncIssue::id).toList()).ifPresent(attention::set);
        }
    }

    private record State(Optional<SyncRun> lastRun, Optional<SyncRun> lastOutlookRun, List<ConflictItem> conflicts,
                         List<IssueItem> issueItems, Map<RecordType, Integer> overLimit, int limit) {

        List<SyncIssue> issues() {
            return issueItems.stream().map(IssueItem::issue).toList();
        }
    }

    private State readState() {
        List<SyncRun> runs = store.latestRuns(10);
        Optional<SyncRun> last = SyncStatusText.crmOfLastRound(runs.stream().filter(run -> !run.dryRun()).toList());
        Optional<SyncRun> outlook = runs.stream()
                .filter(run -> run.pair().equals(OutlookPair.NAME) && !run.dryRun()).findFirst();
        List<ConflictItem> items = new ArrayList<>();
        for (ConflictRow row : store.openConflicts(Optional.empty())) {
            items.add(ConflictItem.of(row, store.record(row.recordId()).map(LocalRecord::record)));
        }
        // The issues with their records, worded for the issues tab: one read serves the count, the notice and the tab.
        return new State(last, outlook, items, new IssueItems(store, zone).read(), store.overLimitCounts(OutlookPair.NAME),
                store.limitMark(OutlookPair.NAME).map(LimitMark::limit).orElse(PushLimit.OUTLOOK_DEFAULT));
    }

    private void updateConnectivityText() {
        connectivityText.set(switch (connectivity.get()) {
            case NOT_CONNECTED -> UiText.get("sync.connectivity.notConnected");
            case ONLINE -> UiText.get("sync.connectivity.online");
            case OFFLINE -> UiText.get("sync.connectivity.offline");
        });
    }

    private boolean hasMailbox() {
        return connection.isConfigured() && connection.hasMailbox();
    }

    private static String reason(Exception failure) {
        return failure.getMessage() == null || failure.getMessage().isBlank()
                ? UiText.get("sync.result.unknownFailure") : failure.getMessage();
    }

    /** Whether the window needs the user to sign in before it can sync: the banner with <em>Sign in</em>. */
    public ReadOnlyBooleanProperty signInNeededProperty() {
        return signInPrompt.needed.getReadOnlyProperty();
    }

    /** Why a sign-in is needed, or why the last one did not complete; empty when none is needed. */
    public ReadOnlyStringProperty signInTextProperty() {
        return signInPrompt.text.getReadOnlyProperty();
    }

    /**
     * Whether someone else is signed in than the user whose offline copy the profile holds: the sync waits until the
     * owner signs in again, or the profile is switched to the new user (the reset).
     */
    public ReadOnlyBooleanProperty otherUserSignedInProperty() {
        return signInPrompt.otherUser.getReadOnlyProperty();
    }

    /** Who owns the offline copy and who signed in, while {@link #otherUserSignedInProperty()} is true. */
    public Optional<dev.outpost.auth.AnotherUsersCopy> anotherUsersCopy() {
        return signInPrompt.anotherUsersCopy();
    }

    /** Whether a sign-in in the browser is under way. */
    public ReadOnlyBooleanProperty signingInProperty() {
        return signInPrompt.signingIn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the profile has a CRM or the demo to sync with. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** "Syncing contacts… 120 records"; empty when no sync runs. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The share of the running sync done, 0 to 1, or -1 when it cannot be told (the bar then just moves). */
    public ReadOnlyDoubleProperty progressFractionProperty() {
        return progressFraction.getReadOnlyProperty();
    }

    /** Per type, what the running sync has moved: "Contacts: 120 received, 3 sent; …"; empty when none runs. */
    public ReadOnlyStringProperty progressDetailProperty() {
        return progressDetail.getReadOnlyProperty();
    }

    /** Whether a sync runs that {@link #cancel()} can stop (not the demo's start, not a sign-in). */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    /** Whether the user asked the running sync to stop and it has not reached its next safe point yet. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** New conflicts or issues the last sync recorded, until the user closes the notice; else null. */
    public ReadOnlyObjectProperty<SyncAttention> attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    /** While offline, how long until the next try; empty otherwise. */
    public ReadOnlyObjectProperty<Optional<Duration>> retryInProperty() {
        return schedule.retryIn.getReadOnlyProperty();
    }

    /** "Last sync: 10:42 — done", "Sign-in needed: set OUTPOST_ACCESS_TOKEN", … */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** "Outlook: 10:42", "Outlook: not synced yet", …; empty when no mailbox is connected. */
    public ReadOnlyStringProperty outlookStatusTextProperty() {
        return outlookStatusText.getReadOnlyProperty();
    }

    /** Whether the profile syncs an Outlook mailbox too (always in demo mode). */
    public ReadOnlyBooleanProperty mailboxProperty() {
        return mailbox.getReadOnlyProperty();
    }

    /** "Outlook: 12 over the limit" when the limit left records out at the last Outlook run; else empty. */
    public ReadOnlyStringProperty overLimitTextProperty() {
        return overLimitText.getReadOnlyProperty();
    }

    /** What the over-limit count means and what to do about it: for its tooltip. */
    public ReadOnlyStringProperty overLimitHelpProperty() {
        return overLimitHelp.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Connectivity> connectivityProperty() {
        return connectivity.getReadOnlyProperty();
    }

    /** "Online", "Offline", "Not connected". */
    public ReadOnlyStringProperty connectivityTextProperty() {
        return connectivityText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty conflictCountProperty() {
        return conflictCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty issueCountProperty() {
        return issueCount.getReadOnlyProperty();
    }

    /** The conflicts waiting, oldest first. */
    public ObservableList<ConflictItem> conflicts() {
        return FXCollections.unmodifiableObservableList(conflicts);
    }

    public ObservableList<SyncIssue> issues() {
        return FXCollections.unmodifiableObservableList(issues);
    }

    /** The sync issues tab: each issue with its record, and Retry / Skip / Show record. */
    public SyncIssueActions issueActions() {
        return issueActions;
    }
}
