package dev.outpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RecordCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path profile;

    private String create(String... args) {
        CliRun run = CliRun.run(profile, args);
        assertThat(run.exitCode).as(run.err).isZero();
        return run.out.trim();
    }

    @Test
    void createPrintsTheNewIdAndShowReturnsTheFieldsAsTypedJson() throws Exception {
        String id = create("create", "contact", "firstName=Anna", "lastName=Berg", "email=anna@berg.example", "private=yes");

        assertThat(id).matches("[0-9a-f-]{36}");
        CliRun show = CliRun.run(profile, "show", "contact", id, "--json");
        JsonNode node = JSON.readTree(show.out);
        assertThat(show.exitCode).isZero();
        assertThat(node.get("id").asText()).isEqualTo(id);
        assertThat(node.get("lastName").asText()).isEqualTo("Berg");
        assertThat(node.get("private").isBoolean()).isTrue();
        assertThat(node.get("private").asBoolean()).isTrue();
        assertThat(node.get("jobTitle").isNull()).isTrue();
    }

    @Test
    void typesAreAcceptedSingularOrPluralInAnyCase() {
        create("create", "Opportunities", "name=Fleet renewal", "estimatedValue=12500.5", "probability=40");

        CliRun list = CliRun.run(profile, "list", "opportunity", "--json");
        assertThat(list.exitCode).isZero();
        assertThat(list.out).contains("\"estimatedValue\" : 12500.50").contains("\"probability\" : 40");
    }

    @Test
    void listSearchFindsOnlyMatchingRecords() throws Exception {
        create("create", "contacts", "firstName=Anna", "lastName=Berg");
        create("create", "contacts", "firstName=Ben", "lastName=Costa", "jobTitle=CFO");

        CliRun list = CliRun.run(profile, "list", "contacts", "--search", "cfo", "--json");
        JsonNode array = JSON.readTree(list.out);
        assertThat(array).hasSize(1);
        assertThat(array.get(0).get("lastName").asText()).isEqualTo("Costa");
        assertThat(CliRun.run(profile, "list", "contacts").out).contains("Anna Berg").contains("Ben Costa").contains("2 contacts");
    }

    @Test
    void updateByShortIdChangesOnlyTheNamedFieldsAndEmptyClears() throws Exception {
        String id = create("create", "account", "name=Northwind", "city=Oslo", "phone=+47 22 00 00 00");

        CliRun update = CliRun.run(profile, "update", "account", id.substring(0, 8), "city=Lisbon", "phone=");
        JsonNode node = JSON.readTree(CliRun.run(profile, "show", "account", id, "--json").out);
        assertThat(update.exitCode).as(update.err).isZero();
        assertThat(node.get("city").asText()).isEqualTo("Lisbon");
        assertThat(node.get("phone").isNull()).isTrue();
        assertThat(node.get("name").asText()).isEqualTo("Northwind");
    }

    @Test
    void deleteHidesTheRecordAndRestoreBringsItBack() {
        String id = create("create", "task", "subject=Call back Anna");

        CliRun delete = CliRun.run(profile, "delete", "task", id);
        assertThat(delete.exitCode).isZero();
        assertThat(delete.out).contains("outpost restore task " + id);
        assertThat(CliRun.run(profile, "list", "tasks").out).contains("No tasks found");

        assertThat(CliRun.run(profile, "restore", "task", id).exitCode).isZero();
        assertThat(CliRun.run(profile, "list", "tasks").out).contains("Call back Anna");
    }

    @Test
    void invalidValuesFailNamingEveryFieldAndRuleAndWriteNothing() throws Exception {
        CliRun run = CliRun.run(profile, "create", "contact", "lastName=Berg", "email=not-an-address", "phone=call me");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("email: 'not-an-address' is not an e-mail address; expected something like name@example.com")
                .contains("phone: 'call me' is not a phone number");
        assertThat(run.out).isEmpty();
        assertThat(JSON.readTree(CliRun.run(profile, "status", "--json").out).get("totalRecords").asInt()).isZero();
    }

    @Test
    void aMissingRequiredFieldFails() {
        CliRun run = CliRun.run(profile, "create", "appointment", "subject=Demo", "start=2026-11-21 10:00");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("end: End is required");
    }

    @Test
    void anUpdateThatBreaksARuleLeavesTheRecordAsItWas() throws Exception {
        String id = create("create", "appointment", "subject=Demo", "start=2026-11-21T10:00:00Z", "end=2026-11-21T11:00:00Z");

        CliRun run = CliRun.run(profile, "update", "appointment", id, "end=2026-11-21T09:00:00Z");
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("End is before Start");
        assertThat(JSON.readTree(CliRun.run(profile, "show", "appointment", id, "--json").out).get("end").asText())
                .isEqualTo("2026-11-21T11:00:00Z");
    }

    @Test
    void unknownFieldsMalformedAssignmentsAndUnknownTypesAreUsageErrors() {
        CliRun unknownField = CliRun.run(profile, "create", "account", "name=X", "colour=red");
        CliRun malformed = CliRun.run(profile, "create", "account", "name");
        CliRun unknownType = CliRun.run(profile, "list", "widgets");
        CliRun noType = CliRun.run(profile, "list");

        assertThat(unknownField.exitCode).isEqualTo(2);
        assertThat(unknownField.err).contains("There is no field 'colour' on an account").contains("name, phone, website, city");
        assertThat(malformed.exitCode).isEqualTo(2);
        assertThat(malformed.err).contains("'name' is not of the form field=value");
        assertThat(unknownType.exitCode).isEqualTo(2);
        assertThat(unknownType.err).contains("Unknown record type 'widgets'. Use one of: account, contact");
        assertThat(noType.exitCode).isEqualTo(2);
    }

    @Test
    void showOfAnUnknownIdFailsAndSaysHowToFindIt() {
        CliRun run = CliRun.run(profile, "show", "contact", "01234567-89ab-cdef-0123-456789abcdef");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("There is no contact with id").contains("outpost list contacts");
    }

    @Test
    void restoreRefusesARecordOfAnotherType() {
        String id = create("create", "task", "subject=Call back");
        CliRun.run(profile, "delete", "task", id);

        CliRun run = CliRun.run(profile, "restore", "contact", id);
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("is a task, not a contact");
        assertThat(CliRun.run(profile, "list", "tasks").out).contains("No tasks found");
    }

    @Test
    void statusCountsRecordsAndPendingChanges() throws Exception {
        create("create", "account", "name=Northwind");
        String gone = create("create", "account", "name=Contoso");
        create("create", "contact", "lastName=Berg");
        CliRun.run(profile, "delete", "account", gone);

        JsonNode status = JSON.readTree(CliRun.run(profile, "status", "--json").out);
        assertThat(status.get("records").get("account").asInt()).isEqualTo(1);
        assertThat(status.get("records").get("contact").asInt()).isEqualTo(1);
        // Contoso was never synced: deleting it leaves nothing to send.
        assertThat(status.get("totalPending").asInt()).isEqualTo(2);
        assertThat(CliRun.run(profile, "status").out).contains("2 local changes not yet synced");
    }

    @Test
    void noCommandOpensTheWindowOnTheChosenProfile() {
        java.util.List<java.util.Optional<Path>> opened = new java.util.ArrayList<>();

        CliRun run = CliRun.runWith(opened::add, profile);
        assertThat(run.exitCode).isZero();
        assertThat(opened).containsExactly(java.util.Optional.of(profile));
    }
}
