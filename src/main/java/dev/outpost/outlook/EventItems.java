package dev.outpost.outlook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Location;
import com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.ParsableFactory;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.UserKey;

/**
 * Events of the primary calendar inside the {@link CalendarWindow}, tracked by {@code /me/calendarView/delta}
 * (start and end only on the first request; the window then lives in the links). Times are asked for in UTC.
 */
final class EventItems extends OutlookItems<Event> {

    EventItems(GraphConnection connection) {
        super(connection, true);
    }

    @Override
    RecordType type() {
        return RecordType.APPOINTMENT;
    }

    CalendarWindow window() {
        return CalendarWindow.of(settings);
    }

    @Override
    DeltaPage<Event> firstPage() {
        CalendarWindow window = window();
        return page(client.me().calendarView().delta().get(rc -> {
            prefer.applyTo(rc.headers);
            rc.queryParameters.startDateTime = window.start().toString();
            rc.queryParameters.endDateTime = window.end().toString();
        }));
    }

    @Override
    DeltaPage<Event> page(String link) {
        return page(client.me().calendarView().delta().withUrl(link).get(rc -> prefer.applyTo(rc.headers)));
    }

    private static DeltaPage<Event> page(DeltaGetResponse response) {
        return new DeltaPage<>(response.getValue() == null ? List.of() : response.getValue(),
                response.getOdataNextLink(), response.getOdataDeltaLink());
    }

    @Override
    RequestInformation getRequest(String id) {
        return client.me().events().byEventId(id).toGetRequestInformation(rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation createRequest(Event item) {
        return client.me().events().toPostRequestInformation(item, rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation updateRequest(String id, Event item) {
        return client.me().events().byEventId(id).toPatchRequestInformation(item, rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation deleteRequest(String id) {
        return client.me().events().byEventId(id).toDeleteRequestInformation(rc -> prefer.applyTo(rc.headers));
    }

    @Override
    ParsableFactory<Event> factory() {
        return Event::createFromDiscriminatorValue;
    }

    @Override
    String version(Event item) {
        return item.getChangeKey();
    }

    /**
     * With autocapture on, every event is shared (the window still bounds the scope). Writes leave the categories as
     * the user has them, as for any item: an autocaptured event does not get the category from an update, so turning
     * autocapture off again leaves exactly the events the user shared (creates from the CRM carry it, as always).
     */
    @Override
    boolean shared(List<String> categories) {
        return settings.autocapture() || super.shared(categories);
    }

    @Override
    Event residue(Event item) {
        Event kept = new Event();
        kept.setChangeKey(item.getChangeKey());
        return kept;
    }

    /** Whether a readable event lies in the window (by its canonical start and end). */
    boolean inWindow(RemoteRecord record) {
        String start = record.values().get("start");
        String end = record.values().getOrDefault("end", start);
        return start != null && window().overlaps(Instant.parse(start), Instant.parse(end));
    }

    @Override
    List<String> categories(Event item) {
        return item.getCategories();
    }

    @Override
    Event categoriesPatch(List<String> categories) {
        Event patch = new Event();
        patch.setCategories(categories);
        return patch;
    }

    @Override
    ItemRead read(Event item) {
        String id = item.getId();
        Optional<ItemRead> unidentified = unidentified(id, item.getChangeKey(), "changeKey");
        if (unidentified.isPresent()) {
            return unidentified.get();
        }
        try {
            if (item.getStart() == null) {
                throw new ItemRead.BadValue("start", "missing");
            }
            if (item.getEnd() == null) {
                throw new ItemRead.BadValue("end", "missing");
            }
            ItemRead.Values values = new ItemRead.Values(type())
                    .put("subject", item.getSubject())
                    .put("start", GraphTimes.instant(item.getStart(), "start").toString())
                    .put("end", GraphTimes.instant(item.getEnd(), "end").toString())
                    .put("location", item.getLocation() == null ? null : item.getLocation().getDisplayName())
                    .put("notes", item.getBody() == null ? null : item.getBody().getContent());
            return new ItemRead.Readable(new RemoteRecord(id, item.getChangeKey(), values.map(),
                    modified(item.getLastModifiedDateTime())), shared(item.getCategories()));
        } catch (ItemRead.BadValue e) {
            return new ItemRead.Unreadable(id, e.field(), e.getMessage());
        }
    }

    @Override
    Event body(Map<String, String> values, Event current) throws InvalidWrite {
        Event event = new Event();
        boolean update = current != null;
        ContactItems.text(event, "subject", values.get("subject"), update, event::setSubject);
        event.setStart(GraphTimes.utc(instant(values, "start")));
        event.setEnd(GraphTimes.utc(instant(values, "end")));
        Location location = new Location();
        location.setDisplayName(values.getOrDefault("location", ""));
        if (update || values.get("location") != null) {
            event.setLocation(location);
        }
        if (update || values.get("notes") != null) {
            ItemBody body = new ItemBody();
            body.setContentType(BodyType.Text);
            body.setContent(values.getOrDefault("notes", ""));
            event.setBody(body);
        }
        return event;
    }

    private static Instant instant(Map<String, String> values, String field) throws InvalidWrite {
        String value = values.get(field);
        if (value == null) {
            throw new InvalidWrite(field, "is missing; an Outlook event needs a start and an end");
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidWrite(field, "is not a date and time");
        }
    }

    @Override
    void mark(Event item, String clientId) {
        item.setSingleValueExtendedProperties(List.of(ContactItems.marker(clientId)));
        item.setTransactionId(clientId);
        item.setCategories(List.of(settings.shareCategory()));
    }

    @Override
    List<Event> findCreated(String clientId) {
        var page = client.me().events().get(rc -> {
            prefer.applyTo(rc.headers);
            rc.queryParameters.filter = ContactItems.markerFilter(clientId);
        });
        return page == null || page.getValue() == null ? List.of() : page.getValue();
    }

    @Override
    RequestInformation findCreatedRequest(String clientId) {
        return client.me().events().toGetRequestInformation(rc -> {
            prefer.applyTo(rc.headers);
            rc.queryParameters.filter = ContactItems.markerFilter(clientId);
        });
    }

    @Override
    List<Event> found(GraphBatch.Answer answer, String clientId) {
        var page = answer.as(com.microsoft.graph.models.EventCollectionResponse::createFromDiscriminatorValue);
        return page.getValue() == null ? List.of() : page.getValue();
    }

    @Override
    /** By subject ({@code subject eq}); a server refusing the filter gets a scan of the calendar view of the window. */
    List<Event> candidates(UserKey key) {
        String subject = keyParts(key, 2).getFirst();
        var events = client.me().events();
        var view = client.me().calendarView();
        CalendarWindow window = window();
        return filteredOrScanned(() -> all(events.get(rc -> {
                    prefer.applyTo(rc.headers);
                    rc.queryParameters.filter = "subject eq " + literal(subject);
                }), link -> events.withUrl(link).get(rc -> prefer.applyTo(rc.headers)),
                        p -> p.getValue(), p -> p.getOdataNextLink()),
                () -> all(view.get(rc -> {
                    prefer.applyTo(rc.headers);
                    rc.queryParameters.startDateTime = window.start().toString();
                    rc.queryParameters.endDateTime = window.end().toString();
                }), link -> view.withUrl(link).get(rc -> prefer.applyTo(rc.headers)),
                        p -> p.getValue(), p -> p.getOdataNextLink()));
    }
}
