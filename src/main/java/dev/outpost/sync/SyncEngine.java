package dev.outpost.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.SyncRun;
import dev.outpost.store.SyncStore;

/**
 * Runs a sync pair: first settles what an interrupted run left in the journal, then per type pulls the
 * endpoint's changes and pushes the local ones, and keeps the run in the history. A failing type does not
 * stop the others; nothing is lost either way, the next run resumes.
 */
public final class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncStore store;
    private final Clock clock;
    private final RemoteValues checker;

    public SyncEngine(SyncStore store, Clock clock, Validation validation) {
        this.store = store;
        this.clock = clock;
        this.checker = new RemoteValues(validation);
    }

    public SyncEngine(SyncStore store) {
        this(store, Clock.systemUTC(), Validation.inSystemZone());
    }

    /** Runs the pair once. A dry run reads the endpoint but writes nothing anywhere, and returns the plan. */
    public SyncReport run(SyncPair given, RunOptions options) {
        Instant started = clock.instant();
        given.endpoint().previewing(options.dryRun());
        // Reference fields travel as the endpoint's ids and are kept here as local ids.
        ReferenceMapping mapping = new ReferenceMapping(given.endpoint(), store, given.name());
        SyncPair pair = given.withEndpoint(mapping);
        List<TypeReport> reports = new ArrayList<>();
        List<PlannedAction> plan = new ArrayList<>();
        String failure = "";
        try {
            if (!options.dryRun()) {
                if (new JournalRecovery(store).recover(pair) > 0) {
                    options.observer().reached(SyncStep.JOURNAL_SETTLED);
                }
            }
            Map<RecordType, Integer> overLimit = new PushLimitRun(store, pair, clock.instant(), options.dryRun()).run();
            RunState state = new RunState(store, pair.name());
            Map<RecordType, TypeRun> runs = new EnumMap<>(RecordType.class);
            for (var type : pair.types()) {
                TypeRun run = new TypeRun(store, pair, type, options, checker, plan, state);
                run.tally.overLimit = overLimit.getOrDefault(type, 0);
                runs.put(type, run);
            }
            mapping.bringTargetsWith(new ReferencedRecords(mapping, runs));
            List<TypeRun> begun = new ArrayList<>();
            for (var type : pair.types()) {
                TypeRun run = runs.get(type);
                begun.add(run);
                try {
                    if (new PullPhase(run).run() && run.tally.outcome == TypeOutcome.DONE) {
                        if (run.pullOnly) {
                            new PullOnlyCatchUp(run).run();
                        } else {
                            new PushPhase(run).run();
                            if (run.tally.outcome == TypeOutcome.DONE) {
                                new SharingPhase(run).run(); // untracked: released there; tracked again: claimed
                            }
                        }
                    }
                } catch (EndpointException e) {
                    LOG.warn("Sync of {} with {} failed: {}", type.plural(), pair.name(), e.getMessage());
                    run.tally.outcome = TypeOutcome.FAILED;
                    run.tally.message = e.getMessage();
                }
                if (run.tally.outcome == TypeOutcome.CANCELLED) {
                    break;
                }
            }
            // Reported at the end: a later type may bring in records an earlier one refers to (ReferencedRecords).
            begun.forEach(run -> reports.add(run.tally.report()));
        } catch (EndpointException e) {
            failure = e.getMessage(); // the journal could not be settled: run nothing, lose nothing
            LOG.warn("Sync with {} could not start: {}", pair.name(), failure);
            for (var type : pair.types()) {
                Tally tally = new Tally(type);
                tally.outcome = TypeOutcome.FAILED;
                tally.message = failure;
                reports.add(tally.report());
            }
        }
        SyncReport report = new SyncReport(pair.name(), reports, plan, started, Duration.between(started, clock.instant()));
        if (!options.dryRun()) {
            store.addRun(new SyncRun(0, pair.name(), started, report.duration().toMillis(), report.outcome(),
                    counts(report), failure.isEmpty() ? firstMessage(report) : failure, false));
            // One line per run for IT and support (and the installer's smoke test): counts only, never a value.
            LOG.info("Sync with {} {} in {} ms: {} received, {} sent, {} conflicts", pair.name(), report.outcome(),
                    report.duration().toMillis(), report.pulled(), report.pushed(), report.conflicts());
        }
        return report;
    }

    private static String firstMessage(SyncReport report) {
        return report.types().stream().map(TypeReport::message).filter(m -> !m.isEmpty()).findFirst().orElse("");
    }

    private static String counts(SyncReport report) {
        try {
            return JSON.writeValueAsString(report.types());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Reports are plain records", e);
        }
    }
}
