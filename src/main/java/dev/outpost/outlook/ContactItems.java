package dev.outpost.outlook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder;
import com.microsoft.graph.users.item.contactfolders.item.contacts.delta.DeltaGetResponse;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.ParsableFactory;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.UserKey;

/**
 * Contacts of one contact folder ({@code /me/contactFolders/{id}/contacts}): givenName, surname, the first e-mail
 * address, the first business phone, mobilePhone, jobTitle. companyName is not mapped: Outpost's contact has an
 * account reference there, not a text.
 */
final class ContactItems extends OutlookItems<Contact> {

    ContactItems(GraphConnection connection) {
        super(connection, false);
    }

    @Override
    RecordType type() {
        return RecordType.CONTACT;
    }

    private ContactsRequestBuilder folder() {
        return client.me().contactFolders().byContactFolderId(settings.contactFolderId()).contacts();
    }

    @Override
    DeltaPage<Contact> firstPage() {
        return page(folder().delta().get(rc -> prefer.applyTo(rc.headers)));
    }

    @Override
    DeltaPage<Contact> page(String link) {
        return page(folder().delta().withUrl(link).get(rc -> prefer.applyTo(rc.headers)));
    }

    private static DeltaPage<Contact> page(DeltaGetResponse response) {
        return new DeltaPage<>(response.getValue() == null ? List.of() : response.getValue(),
                response.getOdataNextLink(), response.getOdataDeltaLink());
    }

    @Override
    RequestInformation getRequest(String id) {
        return client.me().contacts().byContactId(id).toGetRequestInformation(rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation createRequest(Contact item) {
        return folder().toPostRequestInformation(item, rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation updateRequest(String id, Contact item) {
        return client.me().contacts().byContactId(id).toPatchRequestInformation(item, rc -> prefer.applyTo(rc.headers));
    }

    @Override
    RequestInformation deleteRequest(String id) {
        return client.me().contacts().byContactId(id).toDeleteRequestInformation(rc -> prefer.applyTo(rc.headers));
    }

    @Override
    ParsableFactory<Contact> factory() {
        return Contact::createFromDiscriminatorValue;
    }

    @Override
    String version(Contact item) {
        return item.getChangeKey();
    }

    @Override
    Contact residue(Contact item) {
        Contact kept = new Contact();
        kept.setChangeKey(item.getChangeKey());
        kept.setEmailAddresses(item.getEmailAddresses());
        kept.setBusinessPhones(item.getBusinessPhones());
        return kept;
    }

    @Override
    List<String> categories(Contact item) {
        return item.getCategories();
    }

    @Override
    Contact categoriesPatch(List<String> categories) {
        Contact patch = new Contact();
        patch.setCategories(categories);
        return patch;
    }

    @Override
    ItemRead read(Contact item) {
        String id = item.getId();
        Optional<ItemRead> unidentified = unidentified(id, item.getChangeKey(), "changeKey");
        if (unidentified.isPresent()) {
            return unidentified.get();
        }
        try {
            ItemRead.Values values = new ItemRead.Values(type())
                    .put("firstName", item.getGivenName())
                    .put("lastName", item.getSurname())
                    .put("email", first(item.getEmailAddresses()))
                    .put("phone", item.getBusinessPhones() == null || item.getBusinessPhones().isEmpty() ? null
                            : item.getBusinessPhones().getFirst())
                    .put("mobile", item.getMobilePhone())
                    .put("jobTitle", item.getJobTitle());
            return new ItemRead.Readable(new RemoteRecord(id, item.getChangeKey(), values.map(),
                    modified(item.getLastModifiedDateTime())), shared(item.getCategories()));
        } catch (ItemRead.BadValue e) {
            return new ItemRead.Unreadable(id, e.field(), e.getMessage());
        }
    }

    private static String first(List<EmailAddress> addresses) {
        return addresses == null || addresses.isEmpty() || addresses.getFirst() == null ? null
                : addresses.getFirst().getAddress();
    }

    @Override
    Contact body(Map<String, String> values, Contact current) {
        Contact contact = new Contact();
        boolean update = current != null;
        text(contact, "givenName", values.get("firstName"), update, contact::setGivenName);
        text(contact, "surname", values.get("lastName"), update, contact::setSurname);
        text(contact, "mobilePhone", values.get("mobile"), update, contact::setMobilePhone);
        text(contact, "jobTitle", values.get("jobTitle"), update, contact::setJobTitle);
        // Outpost owns the first address and phone only; the rest stay as the user keeps them.
        List<EmailAddress> addresses = new ArrayList<>();
        if (values.get("email") != null) {
            EmailAddress address = new EmailAddress();
            address.setAddress(values.get("email"));
            addresses.add(address);
        }
        if (update && current.getEmailAddresses() != null && current.getEmailAddresses().size() > 1) {
            addresses.addAll(current.getEmailAddresses().subList(1, current.getEmailAddresses().size()));
        }
        if (update || !addresses.isEmpty()) {
            contact.setEmailAddresses(addresses);
        }
        List<String> phones = new ArrayList<>();
        if (values.get("phone") != null) {
            phones.add(values.get("phone"));
        }
        if (update && current.getBusinessPhones() != null && current.getBusinessPhones().size() > 1) {
            phones.addAll(current.getBusinessPhones().subList(1, current.getBusinessPhones().size()));
        }
        if (update || !phones.isEmpty()) {
            contact.setBusinessPhones(phones);
        }
        return contact;
    }

    static void text(com.microsoft.graph.models.Entity item, String property, String value, boolean clearWhenAbsent,
            java.util.function.Consumer<String> setter) {
        if (value != null && !value.isEmpty()) {
            setter.accept(value);
        } else if (clearWhenAbsent) {
            clear(item, property);
        }
    }

    @Override
    void mark(Contact item, String clientId) {
        item.setSingleValueExtendedProperties(List.of(marker(clientId)));
        item.setCategories(List.of(settings.shareCategory()));
    }

    static SingleValueLegacyExtendedProperty marker(String clientId) {
        SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
        property.setId(MARKER_ID);
        property.setValue(clientId);
        return property;
    }

    /** The documented filter on a single-value extended property (doc lists contacts under numeric values; *unconfirmed* for strings). */
    static String markerFilter(String clientId) {
        return "singleValueExtendedProperties/Any(ep: ep/id eq " + literal(MARKER_ID) + " and ep/value eq "
                + literal(clientId) + ")";
    }

    @Override
    List<Contact> findCreated(String clientId) {
        var page = folder().get(rc -> {
            prefer.applyTo(rc.headers);
            rc.queryParameters.filter = markerFilter(clientId);
        });
        return page == null || page.getValue() == null ? List.of() : page.getValue();
    }

    @Override
    RequestInformation findCreatedRequest(String clientId) {
        return folder().toGetRequestInformation(rc -> {
            prefer.applyTo(rc.headers);
            rc.queryParameters.filter = markerFilter(clientId);
        });
    }

    @Override
    List<Contact> found(GraphBatch.Answer answer, String clientId) {
        var page = answer.as(com.microsoft.graph.models.ContactCollectionResponse::createFromDiscriminatorValue);
        return page.getValue() == null ? List.of() : page.getValue();
    }

    /**
     * By e-mail: the documented {@code emailAddresses/any(a:a/address eq '…')} filter (user-list-contacts). A name key
     * has no server filter, and a server that refuses the filter (400) is answered by a scan of the folder; either way
     * the caller compares the keys.
     */
    @Override
    List<Contact> candidates(UserKey key) {
        String value = key.value();
        if (!value.startsWith("email:")) {
            return list(null);
        }
        return filteredOrScanned(
                () -> list("emailAddresses/any(a:a/address eq " + literal(value.substring("email:".length())) + ")"),
                () -> list(null));
    }

    /** Every contact of the folder the filter selects, page by page. */
    private List<Contact> list(String filter) {
        ContactsRequestBuilder folder = folder();
        return all(folder.get(rc -> {
            prefer.applyTo(rc.headers);
            rc.queryParameters.filter = filter;
        }), link -> folder.withUrl(link).get(rc -> prefer.applyTo(rc.headers)), p -> p.getValue(),
                p -> p.getOdataNextLink());
    }
}
