package dev.outpost.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.ProfileFolder;
import dev.outpost.ui.concurrent.SameThreadTasks;

/** The record form checks every field as the user types and never sends an invalid record to the store. */
class RecordFormViewModelTest {

    @TempDir
    Path profile;

    private OfflineStore store;
    private final List<String> errors = new ArrayList<>();
    private RecordFormViewModel form;

    @BeforeEach
    void openStore() {
        store = OfflineStore.open(new ProfileFolder(profile));
        form = new RecordFormViewModel(store.records(), new SameThreadTasks(), errors::add, new Validation(ZoneId.of("Europe/Berlin")));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aBadEmailIsReportedOnTheEmailFieldOnceTheUserLeavesIt() {
        form.startNew(RecordType.CONTACT);
        FieldViewModel email = form.field("email").orElseThrow();

        email.setText("ada-at-example");
        assertThat(email.getProblem()).as("not shown while still typing in a fresh field").isEmpty();
        email.touch();

        assertThat(email.getProblem()).contains("'ada-at-example' is not an e-mail address");
        assertThat(form.validProperty().get()).isFalse();
    }

    @Test
    void savingAnInvalidFormShowsEveryProblemAndStoresNothing() {
        form.startNew(RecordType.CONTACT);
        form.field("email").orElseThrow().setText("nope");

        boolean started = form.save();

        assertThat(started).isFalse();
        assertThat(form.field("lastName").orElseThrow().getProblem()).isEqualTo("Last name is required");
        assertThat(form.field("email").orElseThrow().getProblem()).contains("not an e-mail address");
        assertThat(form.firstProblem()).map(f -> f.field().name()).contains("lastName");
        assertThat(store.records().list(RecordType.CONTACT, "")).isEmpty();
    }

    @Test
    void fixingTheProblemClearsItsMessageAsTheUserTypes() {
        form.startNew(RecordType.CONTACT);
        FieldViewModel email = form.field("email").orElseThrow();
        email.setText("nope");
        email.touch();

        email.setText("ada@example.com");

        assertThat(email.getProblem()).isEmpty();
    }

    @Test
    void savingAValidNewRecordStoresItAndOpensItForEditing() {
        List<Record> saved = new ArrayList<>();
        form.setOnSaved(saved::add);
        form.startNew(RecordType.CONTACT);
        form.field("firstName").orElseThrow().setText("Ada");
        form.field("lastName").orElseThrow().setText("Lovelace");
        form.field("email").orElseThrow().setText(" ada@example.com ");

        assertThat(form.save()).isTrue();

        assertThat(store.records().list(RecordType.CONTACT, "")).singleElement()
                .satisfies(r -> assertThat(r.get("email")).isEqualTo("ada@example.com"));
        assertThat(saved).singleElement().extracting(Record::title).isEqualTo("Ada Lovelace");
        assertThat(form.editingProperty().get()).isEqualTo(saved.getFirst());
        assertThat(form.isDirty()).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void editingSendsOnlyChangedFieldsSoShownDateTimesKeepTheirSeconds() {
        Record meeting = store.records().create(RecordType.APPOINTMENT, Map.of("subject", "Review",
                "start", "2026-06-03T08:00:45Z", "end", "2026-06-03T09:00:45Z"));
        form.edit(meeting);
        assertThat(form.field("start").orElseThrow().getText()).isEqualTo("2026-06-03 10:00");

        form.field("subject").orElseThrow().setText("Quarterly review");
        form.save();

        Record stored = store.records().find(meeting.id()).orElseThrow();
        assertThat(stored.get("subject")).isEqualTo("Quarterly review");
        assertThat(stored.get("start")).isEqualTo("2026-06-03T08:00:45Z");
    }

    @Test
    void anEndBeforeTheStartIsShownOnTheEndField() {
        form.startNew(RecordType.APPOINTMENT);
        form.field("subject").orElseThrow().setText("Lunch");
        form.field("start").orElseThrow().setText("2026-06-03 12:00");
        form.field("end").orElseThrow().setText("2026-06-03 11:00");

        assertThat(form.save()).isFalse();

        assertThat(form.field("end").orElseThrow().getProblem()).contains("End is before Start");
        assertThat(form.field("start").orElseThrow().getProblem()).isEmpty();
    }

    @Test
    void aReferenceFieldOffersTheReferencedRecords() {
        Record contoso = store.records().create(RecordType.ACCOUNT, Map.of("name", "Contoso"));

        form.startNew(RecordType.CONTACT);

        assertThat(form.field("accountId").orElseThrow().options())
                .extracting(ReferenceOption::id).containsExactly("", contoso.id());
    }

    @Test
    void revertPutsBackTheStoredValues() {
        Record ada = store.records().create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        form.edit(ada);
        form.field("lastName").orElseThrow().setText("Byron");
        assertThat(form.isDirty()).isTrue();

        form.revert();

        assertThat(form.field("lastName").orElseThrow().getText()).isEqualTo("Lovelace");
        assertThat(form.isDirty()).isFalse();
    }
}
