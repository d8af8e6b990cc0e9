package dev.outpost.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.outpost.model.RecordType;
import dev.outpost.store.PushCandidate;

/**
 * A combined limit on the records a pair keeps on its endpoint, over several types: Outlook keeps at most
 * 5,000 contacts, tasks and appointments together (seed 000, Oracle Sales/Exchange sync: "the combination of
 * tasks, appointments, and contacts upper sync limit can only be a maximum of 5000 records"). Over the limit
 * the records nearest in time win, and the rest are listed as out of scope: never deleted, anywhere.
 *
 * <p>The ranking. Each type is first ranked on its own: records the user tracked explicitly
 * ({@link dev.outpost.store.SyncStore#track}) first, a choice beats a guess; then by distance in time from now,
 * nearer first, where the time is an appointment's {@code start}, a task's {@code due} date (midnight UTC), and
 * for a contact, a task without a due date or a value that cannot be read, the last local change; then by id,
 * so equal records rank the same on every run. The types then share the limit fairly: the first of every type,
 * then the second of every type, and so on (nearer first within one round). A type with fewer candidates than
 * its share leaves the rest to the others. A single scale across types would not do: every record pulled from
 * the CRM was written here at its sync, so "last changed" would put all contacts before every appointment.
 *
 * @param limit how many records of the types the endpoint keeps at most
 * @param types the types the limit counts together
 */
public record PushLimit(int limit, Set<RecordType> types) {

    /** Outlook's default (seed 000); configurable per pair. */
    public static final int OUTLOOK_DEFAULT = 5000;

    public PushLimit {
        if (limit < 0) {
            throw new IllegalArgumentException("A limit cannot be negative: " + limit);
        }
        types = Set.copyOf(types);
    }

    /** The candidates in the order the limit keeps them: the first {@link #limit()} are sent. */
    public List<PushCandidate> rank(List<PushCandidate> candidates, Instant now) {
        Objects.requireNonNull(now);
        Comparator<Ranked> withinType = Comparator.comparing((Ranked r) -> !r.candidate.chosen())
                .thenComparingLong(r -> r.distance).thenComparing(r -> r.candidate.local().record().id());
        Map<RecordType, List<Ranked>> byType = new EnumMap<>(RecordType.class);
        for (PushCandidate candidate : candidates) {
            byType.computeIfAbsent(candidate.local().record().type(), t -> new ArrayList<>())
                    .add(new Ranked(candidate, distance(candidate, now)));
        }
        List<Ranked> all = new ArrayList<>(candidates.size());
        for (List<Ranked> ofType : byType.values()) {
            ofType.sort(withinType);
            for (int i = 0; i < ofType.size(); i++) {
                ofType.get(i).round = i;
            }
            all.addAll(ofType);
        }
        all.sort(Comparator.comparing((Ranked r) -> !r.candidate.chosen()).thenComparingInt(r -> r.round)
                .thenComparing(withinType));
        return all.stream().map(r -> r.candidate).toList();
    }

    /** A candidate with its distance worked out once: parsing it at every comparison costs more than the sort. */
    private static final class Ranked {
        final PushCandidate candidate;
        final long distance;
        int round;

        Ranked(PushCandidate candidate, long distance) {
            this.candidate = candidate;
            this.distance = distance;
        }
    }

    private static long distance(PushCandidate candidate, Instant now) {
        Map<String, String> values = candidate.local().record().values();
        Instant when = switch (candidate.local().record().type()) {
            case APPOINTMENT -> instant(values.get("start"));
            case TASK -> date(values.get("due"));
            default -> null;
        };
        if (when == null) {
            when = candidate.local().modifiedAt();
        }
        return Duration.between(when, now).abs().getSeconds();
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
