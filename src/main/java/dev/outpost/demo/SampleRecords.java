package dev.outpost.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import dev.outpost.model.RecordType;

/**
 * Generates believable CRM records — companies, the people who work there, deals, tasks, meetings and
 * e-mails — the same ones for the same seed. The demo server and the benchmarks use it.
 */
public final class SampleRecords {

    private static final List<String> FIRST = List.of("Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace",
            "Hugo", "Ines", "Jonas", "Kiri", "Liam", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tara",
            "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe", "Amir", "Beatriz", "Chen", "Dora");
    private static final List<String> LAST = List.of("Adams", "Berg", "Costa", "Dubois", "Eriksen", "Fischer",
            "Garcia", "Hansen", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Olsen", "Petrov",
            "Quintero", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann",
            "Novak", "Silva", "Okafor", "Lindqvist");
    private static final List<String> COMPANY_A = List.of("Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware",
            "Adatum", "Proseware", "Woodgrove", "Lucerne", "Alpine", "Coho", "Wingtip", "Fourth Coffee", "Blue Yonder",
            "Humongous", "Margie's", "Trey", "Wide World", "Graphic Design", "Relecloud");
    private static final List<String> COMPANY_B = List.of("Traders", "Industries", "Logistics", "Foods", "Systems",
            "Partners", "Energy", "Health", "Outfitters", "Labs", "Media", "Bank", "Airlines", "Toys", "Winery");
    private static final List<String> CITIES = List.of("Seattle", "Lisbon", "Berlin", "Oslo", "Lyon", "Osaka",
            "Toronto", "Madrid", "Utrecht", "Krakow", "Austin", "Melbourne", "Dublin", "Zurich", "Porto");
    private static final List<String> TITLES = List.of("Purchasing Manager", "CFO", "Head of IT", "Sales Director",
            "Operations Lead", "CEO", "Procurement Officer", "Office Manager", "Project Manager", "CTO");
    private static final List<String> PRODUCTS = List.of("fleet renewal", "annual licences", "support contract",
            "pilot project", "coffee machines", "warehouse scanners", "training days", "cloud migration",
            "spare parts", "display screens");
    private static final List<String> STAGES = List.of("Qualify", "Develop", "Propose", "Close");
    private static final List<String> TASKS = List.of("Call back", "Send quote to", "Prepare demo for",
            "Follow up with", "Check contract of", "Book visit at");
    private static final List<String> MEETINGS = List.of("Quarterly review", "Product demo", "Kick-off",
            "Lunch", "Negotiation", "Site visit");
    private static final List<String> PLACES = List.of("Their office", "Teams call", "Our office", "Café Central",
            "Airport lounge");

    // The texts come from the small lists above: remembering their slugs saves a regex per record (100k+ in benches).
    private static final Map<String, String> SLUGS = new ConcurrentHashMap<>();
    private static final Map<String, String> LETTERS = new ConcurrentHashMap<>();

    private final SplittableRandom random;
    private final Instant now;

    /**
     * @param seed the same seed gives the same records
     * @param now  the moment dates are spread around
     */
    public SampleRecords(long seed, Instant now) {
        this.random = new SplittableRandom(seed);
        this.now = now.truncatedTo(ChronoUnit.HOURS);
    }

    /** How many records of each type a sample of {@code total} records holds, in creation order. */
    public static Map<RecordType, Integer> split(int total) {
        // Roughly what a rep's mailbox holds: many contacts and activities, fewer companies and deals.
        int accounts = Math.max(total / 10, total > 0 ? 1 : 0);
        int contacts = total * 3 / 10;
        int opportunities = total / 10;
        int tasks = total * 15 / 100;
        int appointments = total * 15 / 100;
        int emails = total - accounts - contacts - opportunities - tasks - appointments;
        Map<RecordType, Integer> split = new java.util.EnumMap<>(RecordType.class);
        split.put(RecordType.ACCOUNT, accounts);
        split.put(RecordType.CONTACT, contacts);
        split.put(RecordType.OPPORTUNITY, opportunities);
        split.put(RecordType.TASK, tasks);
        split.put(RecordType.APPOINTMENT, appointments);
        split.put(RecordType.EMAIL, Math.max(emails, 0));
        return split;
    }

    /**
     * The field values of one new record.
     *
     * @param accountIds ids of accounts already made, to refer to (may be empty)
     */
    public Map<String, String> next(RecordType type, List<String> accountIds) {
        Map<String, String> v = new HashMap<>();
        String account = accountIds.isEmpty() ? null : pick(accountIds);
        switch (type) {
            case ACCOUNT -> {
                String name = pick(COMPANY_A) + " " + pick(COMPANY_B);
                v.put("name", name + (random.nextInt(4) == 0 ? " " + pick(CITIES) : ""));
                v.put("phone", phone());
                v.put("website", "https://www." + slug(name) + ".example");
                v.put("city", pick(CITIES));
            }
            case CONTACT -> {
                String first = pick(FIRST);
                String last = pick(LAST);
                v.put("firstName", first);
                v.put("lastName", last);
                v.put("email", slug(first) + "." + slug(last) + random.nextInt(1000) + "@" + letters(pick(COMPANY_A))
                        + ".example");
                v.put("phone", phone());
                if (random.nextBoolean()) {
                    v.put("mobile", phone());
                }
                v.put("jobTitle", pick(TITLES));
                v.put("accountId", account);
                v.put("private", Boolean.toString(random.nextInt(10) == 0));
            }
            case OPPORTUNITY -> {
                v.put("name", capitalize(pick(PRODUCTS)) + " " + (2026 + random.nextInt(2)));
                v.put("accountId", account);
                v.put("estimatedValue", (1000 + random.nextInt(250) * 1000) + ".00");
                v.put("closeDate", LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(random.nextInt(180)).toString());
                v.put("probability", Integer.toString(random.nextInt(11) * 10));
                v.put("stage", pick(STAGES));
            }
            case TASK -> {
                v.put("subject", pick(TASKS) + " " + pick(FIRST) + " " + pick(LAST));
                v.put("notes", "Discuss the " + pick(PRODUCTS) + " and the next steps.");
                v.put("due", LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(random.nextInt(60) - 10).toString());
                v.put("priority", pick(List.of("low", "normal", "normal", "high")));
                v.put("done", Boolean.toString(random.nextInt(4) == 0));
                v.put("regardingId", account);
            }
            case APPOINTMENT -> {
                Instant start = now.plus(Duration.ofHours(random.nextInt(24 * 200) - 24 * 30));
                v.put("subject", pick(MEETINGS) + " – " + pick(COMPANY_A));
                v.put("start", start.toString());
                v.put("end", start.plus(Duration.ofMinutes(30L * (1 + random.nextInt(4)))).toString());
                v.put("location", pick(PLACES));
                v.put("regardingId", account);
            }
            case EMAIL -> {
                String first = pick(FIRST);
                String last = pick(LAST);
                v.put("subject", "Re: " + pick(PRODUCTS));
                v.put("from", slug(first) + "." + slug(last) + "@" + slug(pick(COMPANY_A)) + ".example");
                v.put("to", "me@outpost.example");
                v.put("sent", now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 90))).toString());
                v.put("body", "Hello,\n\nthanks for your offer on the " + pick(PRODUCTS) + ". Could we talk this week?\n\n"
                        + first + " " + last);
                v.put("regardingId", account);
            }
        }
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String phone() {
        return "+1 555 " + (100 + random.nextInt(900)) + " " + (1000 + random.nextInt(9000));
    }

    private static String letters(String text) {
        return LETTERS.computeIfAbsent(text, t -> t.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
    }

    private static String slug(String text) {
        return SLUGS.computeIfAbsent(text, t -> t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ""));
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
