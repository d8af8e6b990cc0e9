package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.outpost.model.FieldProblem;
import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** Creating and changing records: what is kept, and the rev every write takes. */
class RecordWritingTest extends OpenStoreTest {

    @Test
    void aCreatedRecordGetsAUuidAndKeepsTheCanonicalValues() {
        Record created = records.create(RecordType.OPPORTUNITY,
                Map.of("name", " 50 licences ", "estimatedValue", "12,500.5", "probability", "75%"));

        assertThat(UUID.fromString(created.id()).toString()).isEqualTo(created.id());
        assertThat(created.type()).isEqualTo(RecordType.OPPORTUNITY);
        assertThat(created.deleted()).isFalse();
        assertThat(created.values())
                .isEqualTo(Map.of("name", "50 licences", "estimatedValue", "12500.50", "probability", "75"));
        assertThat(records.find(created.id())).contains(created);
    }

    @Test
    void everyCreatedRecordGetsItsOwnId() {
        Record first = records.create(RecordType.TASK, Map.of("subject", "Call"));
        Record second = records.create(RecordType.TASK, Map.of("subject", "Call"));

        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void everyWriteTakesAHigherRevFromOneSequenceAcrossTypes() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        Record accountEdited = records.update(account.id(), Map.of("city", "Leeds"));
        records.delete(contact.id());
        long contactDeleted = records.find(contact.id()).orElseThrow().rev();
        Record contactRestored = records.restore(contact.id());
        List<String> tasks = records.createAll(RecordType.TASK,
                List.of(Map.of("subject", "One"), Map.of("subject", "Two")));
        List<Long> taskRevs = tasks.stream().map(id -> records.find(id).orElseThrow().rev()).toList();

        assertThat(List.of(account.rev(), contact.rev(), accountEdited.rev(), contactDeleted, contactRestored.rev(),
                taskRevs.get(0), taskRevs.get(1))).isSorted().doesNotHaveDuplicates();
        assertThat(account.rev()).isPositive();
    }

    @Test
    void anInvalidRecordIsRefusedNamingEveryBadFieldAndNothingIsWritten() {
        records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        StoreStatus before = records.status();

        assertThatThrownBy(() -> records.create(RecordType.CONTACT,
                Map.of("email", "ada@", "phone", "call me", "shoeSize", "42")))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field)
                            .containsExactlyInAnyOrder("shoeSize", "lastName", "email", "phone");
                    assertThat(e.getMessage()).startsWith("The contact was not saved: ")
                            .contains("Last name is required", "'ada@' is not an e-mail address",
                                    "'call me' is not a phone number", "no field 'shoeSize'");
                });
        assertThat(records.status()).isEqualTo(before);
        assertThat(records.list(RecordType.CONTACT, "")).hasSize(1);
    }

    @Test
    void createAllStoresEveryRecordWithItsOwnRev() {
        List<String> ids = records.createAll(RecordType.TASK,
                List.of(Map.of("subject", "One"), Map.of("subject", "Two", "priority", "HIGH")));

        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(records.find(ids.get(1)).orElseThrow().values())
                .isEqualTo(Map.of("subject", "Two", "priority", "high"));
        assertThat(ids.stream().map(id -> records.find(id).orElseThrow().rev())).doesNotHaveDuplicates();
    }

    @Test
    void createAllIsAllOrNothing() {
        List<Map<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(Map.of("subject", "Task " + i));
        }
        batch.add(Map.of("subject", "Bad one", "due", "someday"));

        assertThatThrownBy(() -> records.createAll(RecordType.TASK, batch))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("due"));
        assertThat(records.list(RecordType.TASK, "")).isEmpty();
        assertThat(records.status().totalPending()).isZero();
    }

    @Test
    void createAllOfNothingStoresNothing() {
        assertThat(records.createAll(RecordType.TASK, List.of())).isEmpty();
        assertThat(records.status().totalRecords()).isZero();
    }

    @Test
    void anUpdateChangesTheNamedFieldsAndKeepsTheOthers() {
        Record contact = records.create(RecordType.CONTACT,
                Map.of("firstName", "Ada", "lastName", "Byron", "email", "ada@example.com"));

        Record updated = records.update(contact.id(), Map.of("lastName", "Lovelace", "jobTitle", "Analyst"));

        assertThat(updated.values()).isEqualTo(Map.of("firstName", "Ada", "lastName", "Lovelace",
                "email", "ada@example.com", "jobTitle", "Analyst"));
        assertThat(updated.title()).isEqualTo("Ada Lovelace");
        assertThat(records.find(contact.id())).contains(updated);
    }

    @Test
    void anUpdateTakesANewRev() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Byron"));

        Record updated = records.update(contact.id(), Map.of("lastName", "Lovelace"));

        assertThat(updated.rev()).isGreaterThan(contact.rev());
    }

    @Test
    void anUpdateThatChangesNothingKeepsTheRev() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace", "email", "ada@example.com"));

        Record updated = records.update(contact.id(), Map.of("lastName", "Lovelace"));

        assertThat(updated).isEqualTo(contact);
        assertThat(records.find(contact.id()).orElseThrow().rev()).isEqualTo(contact.rev());
    }

    @Test
    void anUpdateThatRestatesValuesInAnotherFormKeepsTheRev() {
        Record task = records.create(RecordType.TASK, Map.of("subject", "Call", "priority", "high", "done", "no"));

        Record updated = records.update(task.id(), Map.of("priority", " HIGH ", "done", "false", "subject", "Call "));

        assertThat(updated.rev()).isEqualTo(task.rev());
    }

    @Test
    void aBlankValueClearsTheField() {
        Record contact = records.create(RecordType.CONTACT,
                Map.of("lastName", "Lovelace", "email", "ada@example.com", "mobile", "+44 1234"));

        Record updated = records.update(contact.id(), Map.of("email", "", "mobile", "   "));

        assertThat(updated.values()).isEqualTo(Map.of("lastName", "Lovelace"));
        assertThat(updated.rev()).isGreaterThan(contact.rev());
    }

    @Test
    void clearingARequiredFieldIsRefusedAndTheRecordIsUnchanged() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));

        assertThatThrownBy(() -> records.update(contact.id(), Map.of("lastName", "")))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("lastName", "Last name is required")));
        assertThat(records.find(contact.id())).contains(contact);
    }

    @Test
    void anInvalidUpdateNamesEveryBadFieldAndChangesNothing() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        Map<String, String> changes = new HashMap<>();
        changes.put("firstName", "Ada");
        changes.put("email", "not-an-address");
        changes.put("accountId", "Acme");

        assertThatThrownBy(() -> records.update(contact.id(), changes))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("email", "accountId"));
        assertThat(records.find(contact.id())).contains(contact);
    }

    @Test
    void updatingAnUnknownIdIsRefused() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> records.update(id, Map.of("lastName", "Lovelace")))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining(id);
    }

    @Test
    void updatingADeletedRecordIsRefused() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        records.delete(contact.id());

        assertThatThrownBy(() -> records.update(contact.id(), Map.of("lastName", "Byron")))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(records.find(contact.id()).orElseThrow().get("lastName")).isEqualTo("Lovelace");
    }

    @Test
    void aVeryLongTextIsKeptWhole() {
        String body = "Line of a long e-mail body.\n".repeat(30_000).strip();

        Record email = records.create(RecordType.EMAIL,
                Map.of("subject", "Minutes", "from", "ada@example.com", "body", body));

        assertThat(records.find(email.id()).orElseThrow().get("body")).isEqualTo(body);
    }

    @Test
    void textOutsideTheBasicPlaneIsKeptExactly() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Café 🚀 Zürich – “quoted” \\ 'x'"));

        assertThat(records.find(account.id()).orElseThrow().get("name")).isEqualTo("Café 🚀 Zürich – “quoted” \\ 'x'");
    }
}
