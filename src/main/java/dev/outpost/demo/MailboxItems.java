package dev.outpost.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the demo mailbox stores for each kind of item and how it shows it: creating from a request body, patching,
 * and rendering for a response (etag, change key, times in the requested zone, expansions). Property names follow
 * the Graph resources: https://learn.microsoft.com/graph/api/resources/contact, …/event, …/todotask, …/message,
 * …/outlookcategory, …/linkedresource, …/singlevaluelegacyextendedproperty.
 *
 * <p>Events keep their start and end as instants ({@code _start}, {@code _end}); properties starting with
 * {@code _} never leave the server.
 */
final class MailboxItems {

    static final String EXTENDED = "singleValueExtendedProperties";
    static final String LINKED = "linkedResources";

    private static final Set<String> READ_ONLY = Set.of("id", "@odata.etag", "@odata.type", "@odata.context", "changeKey",
            "createdDateTime", "lastModifiedDateTime", "parentFolderId");
    private static final Set<String> CONTACT = Set.of("givenName", "surname", "displayName", "emailAddresses",
            "businessPhones", "mobilePhone", "jobTitle", "companyName", "categories", "personalNotes", "middleName",
            "nickName", "title", "department", "officeLocation", "homePhones", "birthday", "fileAs", "initials",
            "generation", "profession", "manager", "assistantName", "spouseName", "children", "imAddresses",
            "homeAddress", "businessAddress", "otherAddress", "businessHomePage", EXTENDED);
    private static final Set<String> EVENT = Set.of("subject", "body", "start", "end", "location", "categories",
            "transactionId", "isAllDay", "showAs", "importance", "sensitivity", "isReminderOn",
            "reminderMinutesBeforeStart", "attendees", "organizer", "responseRequested", "allowNewTimeProposals",
            "hideAttendees", "isOnlineMeeting", "onlineMeetingProvider", EXTENDED);
    private static final Set<String> TASK = Set.of("title", "body", "dueDateTime", "importance", "status", "categories",
            "isReminderOn", "reminderDateTime", "completedDateTime", "startDateTime", LINKED);
    /** A sent or received message only takes these changes (the rest is fixed once it is sent). */
    private static final Set<String> MESSAGE = Set.of("categories", "isRead", "importance", "flag",
            "inferenceClassification", EXTENDED);
    private static final Set<String> IMPORTANCE = Set.of("low", "normal", "high");
    private static final Set<String> TASK_STATUS = Set.of("notStarted", "inProgress", "completed", "waitingOnOthers",
            "deferred");

    private MailboxItems() {
    }

    /** How a response shows items. */
    record View(ZoneId zone, String zoneName, boolean expandExtended, String extendedIdFilter, boolean expandLinked) {
        static final View PLAIN = new View(ZoneOffset.UTC, "UTC", false, null, false);
    }

    /** A new item's stored JSON from a create body, with its timestamps set. */
    static ObjectNode create(MailboxKind kind, ObjectNode body, Instant now) {
        ObjectNode data = RowJson.JSON.createObjectNode();
        data.put("createdDateTime", timestamp(now));
        data.put("lastModifiedDateTime", timestamp(now));
        switch (kind) {
            case CONTACT -> {
                data.putArray("categories");
                merge(kind, data, body);
                if (!data.hasNonNull("displayName")) {
                    String name = (data.path("givenName").asText("") + " " + data.path("surname").asText("")).trim();
                    data.put("displayName", name);
                }
                defaults(data, "emailAddresses", "businessPhones");
            }
            case EVENT -> {
                data.putArray("categories");
                data.put("isAllDay", false);
                data.put("showAs", "busy");
                data.put("importance", "normal");
                data.put("iCalUId", "040000008200E00074C5B7101A82E008" + UUID.randomUUID().toString().replace("-", ""));
                if (!body.has("start") || !body.has("end")) {
                    throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, "An event needs a start and an end.");
                }
                merge(kind, data, body);
                if (!data.has("body")) {
                    textBody(data, "html", "");
                }
            }
            case TASK -> {
                data.putArray("categories");
                data.put("importance", "normal");
                data.put("status", "notStarted");
                data.put("isReminderOn", false);
                textBody(data, "text", "");
                if (body.path(LINKED).size() > 1) {
                    // To Do allows one linked resource per task on create (microsoft-graph-docs-contrib issue #654).
                    throw GraphErrors.refuse(400, "invalidRequest", "Only one item in linkedResources is allowed.");
                }
                merge(kind, data, body);
            }
            case MESSAGE, CATEGORY -> throw new IllegalStateException("The demo creates no " + kind + " this way");
        }
        return data;
    }

    /** Applies a PATCH body to an item's stored JSON. */
    static ObjectNode update(MailboxKind kind, ObjectNode data, ObjectNode body, Instant now) {
        ObjectNode updated = data.deepCopy();
        if (kind == MailboxKind.EVENT && body.has("transactionId")
                && !body.get("transactionId").asText().equals(data.path("transactionId").asText())) {
            throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, "The transactionId of an event cannot change.");
        }
        merge(kind, updated, body);
        if (kind == MailboxKind.TASK && body.has("status") && !updated.hasNonNull("completedDateTime")
                && updated.path("status").asText().equals("completed")) {
            ObjectNode completed = updated.putObject("completedDateTime");
            completed.put("dateTime", GraphTimeZones.local(now, ZoneOffset.UTC));
            completed.put("timeZone", "UTC");
        } else if (kind == MailboxKind.TASK && body.has("status") && !updated.path("status").asText().equals("completed")) {
            updated.remove("completedDateTime");
        }
        updated.put("lastModifiedDateTime", timestamp(now));
        return updated;
    }

    /** The item as a response shows it. */
    static ObjectNode render(MailboxKind kind, MailboxStore.Entry entry, View view) {
        ObjectNode out = RowJson.JSON.createObjectNode();
        out.put("@odata.type", kind.odataType());
        out.put("@odata.etag", GraphJson.etag(entry.version()));
        out.put("id", entry.id());
        if (kind.hasChangeKey()) {
            out.put("changeKey", GraphJson.changeKey(entry.version()));
        }
        ObjectNode data = entry.data();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.startsWith("_") || name.equals(EXTENDED) || name.equals(LINKED)) {
                continue;
            }
            out.set(name, field.getValue());
        }
        if (kind == MailboxKind.EVENT) {
            out.set("start", dateTimeTimeZone(Instant.parse(data.get("_start").asText()), view));
            out.set("end", dateTimeTimeZone(Instant.parse(data.get("_end").asText()), view));
        }
        if (kind == MailboxKind.TASK && data.has("_due")) {
            out.set("dueDateTime", dateTimeTimeZone(Instant.parse(data.get("_due").asText()), View.PLAIN));
        }
        if (view.expandExtended() && kind.hasChangeKey()) {
            ArrayNode props = out.putArray(EXTENDED);
            for (JsonNode p : data.path(EXTENDED)) {
                if (view.extendedIdFilter() == null || sameProperty(p.path("id").asText(), view.extendedIdFilter())) {
                    props.add(p);
                }
            }
            if (props.isEmpty()) {
                out.remove(EXTENDED); // Graph leaves the collection out when nothing matched
            }
        }
        if (view.expandLinked() && kind == MailboxKind.TASK) {
            out.set(LINKED, data.has(LINKED) ? data.get(LINKED) : RowJson.JSON.createArrayNode());
        }
        return out;
    }

    /** The {@code linkedResource} stored from a POST body, with a server id. */
    static ObjectNode linkedResource(ObjectNode body) {
        ObjectNode resource = RowJson.JSON.createObjectNode();
        resource.put("id", UUID.randomUUID().toString());
        for (String name : new String[] {"webUrl", "applicationName", "displayName", "externalId"}) {
            if (body.hasNonNull(name)) {
                resource.put(name, body.get(name).asText());
            }
        }
        if (!resource.has("applicationName") || !resource.has("displayName")) {
            // Both are required on create: https://learn.microsoft.com/graph/api/todotask-post-linkedresources
            throw GraphErrors.refuse(400, "invalidRequest", "A linkedResource needs applicationName and displayName.");
        }
        return resource;
    }

    /**
     * Whether two extended property ids name the same property: the type and GUID compare case-insensitively, the
     * string name case-sensitively (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get).
     */
    static boolean sameProperty(String a, String b) {
        int na = a.indexOf(" Name ");
        int nb = b.indexOf(" Name ");
        if (na < 0 || nb < 0) {
            return a.equalsIgnoreCase(b);
        }
        return a.substring(0, na).equalsIgnoreCase(b.substring(0, nb)) && a.substring(na).equals(b.substring(nb));
    }

    /** Whether an event overlaps a calendar view window {@code [start, end)}. */
    static boolean overlaps(ObjectNode event, Instant start, Instant end) {
        Instant s = Instant.parse(event.get("_start").asText());
        Instant e = Instant.parse(event.get("_end").asText());
        return s.isBefore(end) && (e.isAfter(start) || (e.equals(s) && !s.isBefore(start)));
    }

    static String timestamp(Instant instant) {
        return instant.toString();
    }

    private static void merge(MailboxKind kind, ObjectNode data, ObjectNode body) {
        Set<String> allowed = switch (kind) {
            case CONTACT -> CONTACT;
            case EVENT -> EVENT;
            case TASK -> TASK;
            case MESSAGE -> MESSAGE;
            case CATEGORY -> Set.of("color");
        };
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (READ_ONLY.contains(name) || name.startsWith("@")) {
                continue;
            }
            if (!allowed.contains(name)) {
                throw GraphErrors.refuse(400, kind == MailboxKind.MESSAGE ? "ErrorInvalidPropertyUpdateSentMessage"
                        : GraphErrors.INVALID_REQUEST, "The demo mailbox does not take '" + name + "' on a " + kind.type()
                        + (kind == MailboxKind.MESSAGE ? " that is not a draft." : "."));
            }
            switch (name) {
                case "categories" -> data.set(name, strings(name, value));
                case "importance" -> data.put(name, oneOf(name, value, IMPORTANCE));
                case "status" -> data.put(name, oneOf(name, value, TASK_STATUS));
                case "start", "end" -> data.put("_" + name, instant(name, value).toString());
                case "dueDateTime" -> {
                    if (value.isNull()) {
                        data.remove("_due");
                    } else {
                        data.put("_due", instant(name, value).toString());
                    }
                }
                case EXTENDED -> data.set(name, extended(data.path(EXTENDED), value));
                case LINKED -> {
                    ArrayNode links = data.putArray(LINKED);
                    for (JsonNode link : value) {
                        if (!(link instanceof ObjectNode object)) {
                            throw GraphErrors.refuse(400, "invalidRequest", LINKED + " must be an array of objects.");
                        }
                        links.add(linkedResource(object));
                    }
                }
                case "location" -> {
                    ObjectNode location = RowJson.JSON.createObjectNode();
                    location.put("displayName", value.path("displayName").asText(""));
                    data.set(name, location);
                }
                default -> data.set(name, value);
            }
            if (name.equals("start") || name.equals("end")) {
                data.put(name.equals("start") ? "originalStartTimeZone" : "originalEndTimeZone",
                        value.path("timeZone").asText("UTC"));
            }
        }
        if (data.has("_start") && data.has("_end")
                && Instant.parse(data.get("_end").asText()).isBefore(Instant.parse(data.get("_start").asText()))) {
            throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, "The event's end is before its start.");
        }
    }

    private static ArrayNode extended(JsonNode current, JsonNode changes) {
        if (!changes.isArray()) {
            throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, EXTENDED + " must be an array.");
        }
        ArrayNode merged = RowJson.JSON.createArrayNode();
        current.forEach(p -> merged.add(p.deepCopy()));
        for (JsonNode change : changes) {
            String id = change.path("id").asText("");
            if (id.isEmpty() || !change.has("value")) {
                throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, "An extended property needs an id and a "
                        + "value.");
            }
            boolean replaced = false;
            for (JsonNode p : merged) {
                if (sameProperty(p.path("id").asText(), id)) {
                    ((ObjectNode) p).put("value", change.get("value").asText());
                    replaced = true;
                }
            }
            if (!replaced) {
                ObjectNode p = merged.addObject();
                p.put("id", id);
                p.put("value", change.get("value").asText());
            }
        }
        return merged;
    }

    private static Instant instant(String name, JsonNode value) {
        String zoneName = value.path("timeZone").asText("UTC");
        ZoneId zone = GraphTimeZones.zone(zoneName).orElseThrow(() -> GraphErrors.refuse(400,
                "TimeZoneNotSupportedException",
                "A valid TimeZone value must be specified. The following TimeZone value is not supported: '"
                        + zoneName + "'."));
        try {
            return GraphTimeZones.instant(value.path("dateTime").asText(), zone);
        } catch (DateTimeParseException e) {
            throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, "Cannot read " + name + ".dateTime '"
                    + value.path("dateTime").asText() + "'.");
        }
    }

    private static ObjectNode dateTimeTimeZone(Instant instant, View view) {
        ObjectNode out = RowJson.JSON.createObjectNode();
        out.put("dateTime", GraphTimeZones.local(instant, view.zone()));
        out.put("timeZone", view.zoneName());
        return out;
    }

    private static ArrayNode strings(String name, JsonNode value) {
        if (!value.isArray()) {
            throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, name + " must be an array of strings.");
        }
        ArrayNode out = RowJson.JSON.createArrayNode();
        for (JsonNode v : value) {
            if (!v.isTextual()) {
                throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, name + " must be an array of strings.");
            }
            out.add(v.asText());
        }
        return out;
    }

    private static String oneOf(String name, JsonNode value, Set<String> allowed) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.asText())) {
                return a;
            }
        }
        throw GraphErrors.refuse(400, GraphErrors.INVALID_REQUEST, "'" + value.asText() + "' is not a valid " + name
                + " (" + String.join(", ", new java.util.TreeSet<>(allowed)) + ").");
    }

    private static void defaults(ObjectNode data, String... arrays) {
        for (String a : arrays) {
            if (!data.has(a)) {
                data.putArray(a);
            }
        }
    }

    private static void textBody(ObjectNode data, String contentType, String content) {
        ObjectNode body = data.putObject("body");
        body.put("contentType", contentType);
        body.put("content", content);
    }
}
