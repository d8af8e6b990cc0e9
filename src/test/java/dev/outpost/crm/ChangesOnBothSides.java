package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.assertj.core.api.SoftAssertions;

import dev.outpost.model.Field;
import dev.outpost.model.FieldKind;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/**
 * Work for a sync in both directions, made on a profile that has synced once: records created, edited and
 * deleted here; contacts created, edited and deleted there by another user over the Web API, an account and a
 * deal edited there; and one contact edited on both sides in different fields, which must merge. Then checks
 * that every one of those changes is on both sides, once.
 */
final class ChangesOnBothSides {

    private final DemoCrmProfile crm;
    private final Map<RecordType, Integer> before;

    // made here
    final Record fjord;
    final Record grove;
    final Record iris;
    final Record callIris;
    final Record accountEditedHere;
    final Record contactDeletedHere;
    final String contactDeletedHereRemoteId;
    final Record taskDeletedHere;
    final String taskDeletedHereRemoteId;
    // made there
    final String nash = "Nora Nash";
    final String ortiz = "Ortiz";
    final String contactEditedThere;
    final String contactDeletedThere;
    final String accountEditedThere;
    final String dealEditedThere;
    // made on both sides, in different fields
    final String contactMerged;

    private ChangesOnBothSides(DemoCrmProfile crm, DemoServerActor otherUser) {
        this.crm = crm;
        this.before = crm.localCounts();
        List<Record> contacts = contactsNothingRefersTo();
        assertThat(contacts).as("sample contacts no record refers to").hasSizeGreaterThanOrEqualTo(4);
        var records = crm.store.records();
        Record account0 = crm.nth(RecordType.ACCOUNT, 0);
        Record account1 = crm.nth(RecordType.ACCOUNT, 1);
        Record deal0 = crm.nth(RecordType.OPPORTUNITY, 0);
        taskDeletedHere = crm.nth(RecordType.TASK, 0);

        fjord = records.create(RecordType.ACCOUNT, Map.of("name", "Fjord Traders", "city", "Bergen"));
        grove = records.create(RecordType.ACCOUNT, Map.of("name", "Grove Supplies"));
        iris = records.create(RecordType.CONTACT, Map.of("firstName", "Iris", "lastName", "Hale",
                "email", "iris.hale@example.com", "accountId", fjord.id()));
        callIris = records.create(RecordType.TASK, Map.of("subject", "Call Iris Hale", "due", "2026-06-01",
                "regardingId", fjord.id()));
        accountEditedHere = records.update(account0.id(), Map.of("city", "Oslo"));
        contactDeletedHere = contacts.get(1);
        contactDeletedHereRemoteId = crm.remoteIdOf(contactDeletedHere);
        records.delete(contactDeletedHere.id());
        taskDeletedHereRemoteId = crm.remoteIdOf(taskDeletedHere);
        records.delete(taskDeletedHere.id());

        otherUser.create(RecordType.CONTACT, Map.of("firstName", "Nora", "lastName", "Nash",
                "email", "nora.nash@example.com"));
        otherUser.create(RecordType.CONTACT, Map.of("lastName", "Ortiz", "email", "ortiz@example.com"));
        contactEditedThere = contacts.get(2).id();
        otherUser.edit(RecordType.CONTACT, crm.remoteIdOf(contacts.get(2)), Map.of("jobTitle", "Head of Sales"));
        contactDeletedThere = contacts.get(3).id();
        otherUser.remove(RecordType.CONTACT, crm.remoteIdOf(contacts.get(3)));
        accountEditedThere = account1.id();
        crm.editOnServer(RecordType.ACCOUNT, crm.remoteIdOf(account1), Map.of("website", "https://edited-there.example"));
        dealEditedThere = deal0.id();
        crm.editOnServer(RecordType.OPPORTUNITY, crm.remoteIdOf(deal0), Map.of("stage", "Negotiate"));

        contactMerged = contacts.get(0).id();
        records.update(contactMerged, Map.of("jobTitle", "CFO"));
        otherUser.edit(RecordType.CONTACT, crm.remoteIdOf(contacts.get(0)), Map.of("phone", "+47 555 0101"));
    }

    /** Makes the changes on both sides of a profile that has synced. */
    static ChangesOnBothSides make(DemoCrmProfile crm, DemoServerActor otherUser) {
        return new ChangesOnBothSides(crm, otherUser);
    }

    /** Contacts deleted or edited here must not be the target of another record's reference. */
    private List<Record> contactsNothingRefersTo() {
        Set<String> referred = new HashSet<>();
        for (RecordType type : RecordType.values()) {
            for (Record record : crm.store.records().list(type, "")) {
                record.values().forEach((name, value) -> {
                    if (type.field(name).map(Field::kind).orElse(FieldKind.TEXT) == FieldKind.REFERENCE) {
                        referred.add(value);
                    }
                });
            }
        }
        return crm.store.records().list(RecordType.CONTACT, "").stream().filter(c -> !referred.contains(c.id())).toList();
    }

    /** The changes made here are still here, none lost, whatever happened to the run. */
    void assertStillHere() {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(crm.locals(RecordType.ACCOUNT, "Fjord Traders")).as("Fjord here").hasSize(1);
        soft.assertThat(crm.locals(RecordType.CONTACT, "Iris Hale")).as("Iris here").hasSize(1);
        soft.assertThat(crm.locals(RecordType.TASK, "Call Iris Hale")).as("the task here").hasSize(1);
        soft.assertThat(value(accountEditedHere.id(), "city")).as("the account's city here").hasValue("Oslo");
        soft.assertThat(value(contactMerged, "jobTitle")).as("the merged contact's job title here").hasValue("CFO");
        soft.assertThat(live(contactDeletedHere.id())).as("the contact deleted here is still deleted").isFalse();
        soft.assertThat(live(taskDeletedHere.id())).as("the task deleted here is still deleted").isFalse();
        soft.assertAll();
    }

    /** Every change is on both sides, once; the two sides agree on every record of every type. */
    void assertLandedOnBothSidesOnce() {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(crm.differences()).as("how the store and the CRM differ").isEmpty();
        Map<RecordType, Integer> expected = new TreeMap<>(before);
        expected.merge(RecordType.ACCOUNT, 2, Integer::sum);          // Fjord, Grove
        expected.merge(RecordType.CONTACT, 3 - 2, Integer::sum);      // Iris, Nash, Ortiz; one deleted on each side
        expected.merge(RecordType.TASK, 1 - 1, Integer::sum);         // the call; one deleted here
        soft.assertThat(crm.serverCounts()).as("rows per entity set in the CRM").isEqualTo(expected);
        soft.assertThat(crm.localCounts()).as("records per type here").isEqualTo(expected);

        for (Record created : List.of(fjord, grove, iris, callIris)) {
            soft.assertThat(crm.serverRowsTitled(created.type(), created.title()))
                    .as("%s '%s' in the CRM", created.type().id(), created.title()).hasSize(1);
        }
        soft.assertThat(crm.serverRowsTitled(RecordType.ACCOUNT, "Fjord Traders"))
                .singleElement().satisfies(row -> assertThat(row.values()).containsEntry("city", "Bergen"));
        soft.assertThat(crm.locals(RecordType.CONTACT, nash)).as("Nash here").hasSize(1);
        soft.assertThat(crm.locals(RecordType.CONTACT, ortiz)).as("Ortiz here").hasSize(1);

        soft.assertThat(serverValue(accountEditedHere.id(), "city")).as("the account edited here, there")
                .hasValue("Oslo");
        soft.assertThat(value(contactEditedThere, "jobTitle")).as("the contact edited there, here")
                .hasValue("Head of Sales");
        soft.assertThat(value(accountEditedThere, "website")).as("the account edited there, here")
                .hasValue("https://edited-there.example");
        soft.assertThat(value(dealEditedThere, "stage")).as("the deal edited there, here").hasValue("Negotiate");
        for (String field : List.of("jobTitle", "phone")) {
            soft.assertThat(value(contactMerged, field)).as("the merged contact's %s here", field)
                    .hasValue(field.equals("phone") ? "+47 555 0101" : "CFO");
            soft.assertThat(serverValue(contactMerged, field)).as("the merged contact's %s there", field)
                    .hasValue(field.equals("phone") ? "+47 555 0101" : "CFO");
        }

        soft.assertThat(crm.serverRows(RecordType.CONTACT)).as("contacts there")
                .doesNotContainKey(contactDeletedHereRemoteId);
        soft.assertThat(crm.serverRows(RecordType.TASK)).as("tasks there").doesNotContainKey(taskDeletedHereRemoteId);
        soft.assertThat(live(contactDeletedThere)).as("the contact deleted there is gone here").isFalse();

        soft.assertThat(crm.store.sync().openConflicts(Optional.of(DemoCrmProfile.PAIR))).as("open conflicts").isEmpty();
        soft.assertThat(crm.store.sync().openIssues(Optional.of(DemoCrmProfile.PAIR))).as("open sync issues").isEmpty();
        soft.assertThat(crm.store.sync().openJournal(DemoCrmProfile.PAIR)).as("writes left in the journal").isEmpty();
        soft.assertAll();
    }

    private Optional<String> value(String recordId, String field) {
        return crm.store.records().find(recordId).filter(r -> !r.deleted()).map(r -> r.values().get(field));
    }

    private Optional<String> serverValue(String recordId, String field) {
        String remoteId = crm.remoteIdOf(crm.store.records().find(recordId).orElseThrow());
        return Optional.ofNullable(crm.serverRows(crm.store.records().find(recordId).orElseThrow().type()).get(remoteId))
                .map(row -> row.values().get(field));
    }

    private boolean live(String recordId) {
        return crm.store.records().find(recordId).filter(r -> !r.deleted()).isPresent();
    }
}
