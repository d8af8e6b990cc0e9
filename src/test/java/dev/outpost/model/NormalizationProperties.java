package dev.outpost.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Canonical values are what the store keeps and what a later edit validates again, so normalizing must be
 * idempotent: a canonical value normalizes to itself, for every field of every type, in every time zone.
 * The generators produce what people type (padding, mixed case, separators, local times), plus some noise.
 */
class NormalizationProperties {

    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York",
            "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns", "Asia/Tokyo");

    record FieldInput(RecordType type, Field field, String raw) {
        @Override
        public String toString() {
            return type.id() + "." + field.name() + " = \"" + raw + "\"";
        }
    }

    record RecordInput(RecordType type, Map<String, String> values) {
    }

    @Property(tries = 3000)
    void aCanonicalValueNormalizesToItself(@ForAll("fieldInputs") FieldInput input, @ForAll("zones") ZoneId zone) {
        FieldFormat format = new FieldFormat(zone);
        String canonical;
        try {
            canonical = format.normalize(input.field(), input.raw());
        } catch (InvalidValueException refused) {
            Statistics.label("accepted").collect(false);
            return; // a refused value has no canonical form to check
        }
        Statistics.label("accepted").collect(true);
        Statistics.label("kind").collect(input.field().kind());

        assertThat(normalizeOrMessage(format, input.field(), canonical)).isEqualTo(canonical);

        Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 70));
        Statistics.label("kind").coverage(c -> {
            for (FieldKind kind : FieldKind.values()) {
                c.check(kind).count(n -> n > 20);
            }
        });
    }

    @Property(tries = 1000)
    void checkingTheValuesOfARecordAgainKeepsThemAsTheyAre(@ForAll("recordInputs") RecordInput input,
                                                           @ForAll("zones") ZoneId zone) {
        Validation validation = new Validation(zone);
        Validation.ValidationResult first = validation.check(input.type(), input.values());
        Validation.ValidationResult second = validation.check(input.type(), first.values());
        Statistics.label("first check valid").collect(first.valid());

        assertThat(second.values()).isEqualTo(first.values());
        Set<String> firstProblems = first.problems().stream().map(FieldProblem::field).collect(Collectors.toSet());
        assertThat(second.problems()).extracting(FieldProblem::field).isSubsetOf(firstProblems);

        Statistics.label("first check valid").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    @Property(tries = 1000)
    void aLocalTimeIsShownBackAsTyped(@ForAll("localTimes") LocalDateTime local, @ForAll("zones") ZoneId zone)
            throws InvalidValueException {
        Assume.that(!zone.getRules().getValidOffsets(local).isEmpty()); // a time skipped by a clock change
        FieldFormat format = new FieldFormat(zone);
        Field start = RecordType.APPOINTMENT.field("start").orElseThrow();
        String typed = local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

        String canonical = format.normalize(start, typed);

        assertThat(canonical).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z");
        assertThat(format.display(start, canonical)).isEqualTo(typed);
    }

    private static String normalizeOrMessage(FieldFormat format, Field field, String value) {
        try {
            return format.normalize(field, value);
        } catch (InvalidValueException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalDateTime> localTimes() {
        return Arbitraries.longs().between(0, 150L * 365 * 24 * 60)
                .map(minutes -> LocalDateTime.of(1960, 1, 1, 0, 0).plusMinutes(minutes));
    }

    @Provide
    Arbitrary<FieldInput> fieldInputs() {
        List<FieldInput> fields = java.util.Arrays.stream(RecordType.values())
                .flatMap(type -> type.fields().stream().map(field -> new FieldInput(type, field, "")))
                .toList();
        return Arbitraries.of(fields).flatMap(f -> typed(f.field())
                .filter(raw -> !raw.isBlank())
                .map(raw -> new FieldInput(f.type(), f.field(), raw)));
    }

    @Provide
    Arbitrary<RecordInput> recordInputs() {
        return Arbitraries.of(RecordType.class).flatMap(type -> Combinators
                .combine(type.fields().stream().map(field -> typed(field).injectNull(0.2)).toList())
                .as(raws -> {
                    Map<String, String> values = new HashMap<>();
                    for (int i = 0; i < raws.size(); i++) {
                        if (raws.get(i) != null) {
                            values.put(type.fields().get(i).name(), raws.get(i));
                        }
                    }
                    return new RecordInput(type, values);
                }));
    }

    /** What a person might type into a field: mostly plausible entries of its kind, sometimes noise. */
    private static Arbitrary<String> typed(Field field) {
        Arbitrary<String> plausible = switch (field.kind()) {
            case TEXT -> padded(text(Math.min(field.maxLength(), 40)));
            case LONG_TEXT -> longText();
            case EMAIL -> padded(email());
            case EMAIL_LIST -> padded(email().list().ofMinSize(1).ofMaxSize(4)
                    .flatMap(list -> Arbitraries.of(",", ";", ", ", " ; ").map(sep -> String.join(sep, list))));
            case PHONE -> padded(phone());
            case URL -> padded(url());
            case DATE -> padded(Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(),
                    LocalDate.of(2100, 12, 31).toEpochDay()).map(day -> LocalDate.ofEpochDay(day).toString()));
            case DATE_TIME -> padded(dateTime());
            case MONEY -> padded(money());
            case PERCENT -> padded(percent());
            case YES_NO -> padded(Arbitraries.of("yes", "no", "y", "n", "true", "false", "1", "0").flatMap(
                    NormalizationProperties::anyCase));
            case CHOICE -> padded(Arbitraries.of(field.choices()).flatMap(NormalizationProperties::anyCase));
            case REFERENCE -> Arbitraries.create(UUID::randomUUID).map(UUID::toString)
                    .flatMap(NormalizationProperties::anyCase);
        };
        Arbitrary<String> noise = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30);
        return Arbitraries.frequencyOf(Tuple.of(9, plausible), Tuple.of(1, noise));
    }

    private static Arbitrary<String> padded(Arbitrary<String> value) {
        Arbitrary<String> padding = Arbitraries.of("", "", "", " ", "  ", "\t", " \t ");
        return Combinators.combine(padding, value, padding).as((before, v, after) -> before + v + after);
    }

    private static Arbitrary<String> anyCase(String text) {
        return Arbitraries.of(text, text.toUpperCase(Locale.ROOT), text.substring(0, 1).toUpperCase(Locale.ROOT)
                + text.substring(1));
    }

    private static Arbitrary<String> text(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("äöüßÉçñ€–“”\u00a0\t").ofMaxLength(maxLength);
    }

    private static Arbitrary<String> longText() {
        Arbitrary<String> line = Arbitraries.strings().withCharRange(' ', '~').withChars("äö€\t").ofMaxLength(60);
        return line.list().ofMinSize(1).ofMaxSize(6).map(lines -> String.join("\n", lines))
                .flatMap(t -> Arbitraries.of("", "\n", "  ", "\r\n").map(pad -> pad + t + pad));
    }

    private static Arbitrary<String> email() {
        Arbitrary<String> local = Arbitraries.strings().alpha().numeric().withChars(".+_-").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-')
                .ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> tld = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
        return Combinators.combine(local, label.list().ofMinSize(1).ofMaxSize(3), tld)
                .as((l, labels, t) -> l + "@" + String.join(".", labels) + "." + t)
                .flatMap(NormalizationProperties::anyCase);
    }

    private static Arbitrary<String> phone() {
        Arbitrary<String> group = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> separator = Arbitraries.of(" ", "-", "/", ".", " (0) ", "");
        Arbitrary<String> number = Combinators.combine(Arbitraries.of("", "+", "("), group.list().ofMinSize(1).ofMaxSize(4),
                separator).as((start, groups, sep) -> start + String.join(sep, groups));
        Arbitrary<String> extension = Arbitraries.of("", "", " ext. 12", " x3", "ext 7");
        return Combinators.combine(number, extension).as((n, x) -> n + x);
    }

    private static Arbitrary<String> url() {
        Arbitrary<String> scheme = Arbitraries.of("", "", "https://", "http://", "HTTPS://", "Http://");
        Arbitrary<String> label = Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> port = Arbitraries.of("", "", ":8080", ":443");
        Arbitrary<String> path = Arbitraries.of("", "/", "/about", "/a/b?c=d&e=f", "/index.html#top");
        return Combinators.combine(scheme, label.list().ofMinSize(2).ofMaxSize(4), port, path)
                .as((s, labels, p, rest) -> s + String.join(".", labels) + p + rest);
    }

    private static Arbitrary<String> dateTime() {
        Arbitrary<LocalDateTime> moment = Arbitraries.longs().between(0, 150L * 365 * 24 * 3600)
                .map(seconds -> LocalDateTime.of(1960, 1, 1, 0, 0).plusSeconds(seconds));
        Arbitrary<String> pattern = Arbitraries.of("yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
                "yyyy-MM-dd HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "yyyy-MM-dd'T'HH:mm:ss'z'",
                "yyyy-MM-dd'T'HH:mmxxx", "yyyy-MM-dd'T'HH:mm:ssxxx");
        Arbitrary<ZoneOffset> offset = Arbitraries.integers().between(-12 * 4, 14 * 4)
                .map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 15 * 60));
        Arbitrary<String> typed = Combinators.combine(moment, pattern, offset)
                .as((m, p, o) -> m.atOffset(o).format(DateTimeFormatter.ofPattern(p)));
        Arbitrary<String> canonical = moment.map(m -> Instant.from(m.atOffset(ZoneOffset.UTC)).toString());
        return Arbitraries.oneOf(typed, canonical);
    }

    private static Arbitrary<String> money() {
        Arbitrary<BigDecimal> amount = Combinators.combine(Arbitraries.longs().between(-1000, 10_000_000_000L),
                Arbitraries.integers().between(0, 3)).as(BigDecimal::valueOf);
        return Combinators.combine(amount, Arbitraries.of(true, false))
                .as((a, grouped) -> grouped ? group(a.toPlainString()) : a.toPlainString());
    }

    private static String group(String plain) {
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder grouped = new StringBuilder(whole);
        for (int i = whole.length() - 3; i > 0; i -= 3) {
            grouped.insert(i, ',');
        }
        return (negative ? "-" : "") + grouped + (dot < 0 ? "" : digits.substring(dot));
    }

    private static Arbitrary<String> percent() {
        return Combinators.combine(Arbitraries.integers().between(-5, 105), Arbitraries.of("", "%", " %"))
                .as((n, suffix) -> n + suffix);
    }
}
