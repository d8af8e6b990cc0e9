package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** Listing the live records of a type, narrowed by the words a person types. */
class RecordSearchTest extends OpenStoreTest {

    private void account(String name, String city) {
        records.create(RecordType.ACCOUNT, Map.of("name", name, "city", city));
    }

    private java.util.List<String> titles(String search) {
        return records.list(RecordType.ACCOUNT, search).stream().map(Record::title).toList();
    }

    @Test
    void aBlankSearchListsEveryRecordOfTheType() {
        account("Acme", "Leeds");
        account("Bolt", "York");
        records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));

        assertThat(titles("")).containsExactly("Acme", "Bolt");
        assertThat(titles("   ")).containsExactly("Acme", "Bolt");
        assertThat(records.list(RecordType.ACCOUNT, null)).hasSize(2);
    }

    @Test
    void recordsAreListedInTitleOrderIgnoringCase() {
        account("charlie Ltd", "Leeds");
        account("Bravo Ltd", "Leeds");
        account("alpha Ltd", "Leeds");
        account("Delta Ltd", "Leeds");

        assertThat(titles("")).containsExactly("alpha Ltd", "Bravo Ltd", "charlie Ltd", "Delta Ltd");
    }

    @Test
    void aSearchIgnoresCase() {
        account("Müller GmbH", "Köln");
        account("Acme", "Leeds");

        assertThat(titles("MÜLLER")).containsExactly("Müller GmbH");
        assertThat(titles("köln")).containsExactly("Müller GmbH");
    }

    @Test
    void aSearchFindsPartsOfWords() {
        account("Acme Industries", "Leeds");

        assertThat(titles("dustr")).containsExactly("Acme Industries");
    }

    @Test
    void everyWordMustOccurButMayMatchAnyField() {
        account("Acme", "Leeds");
        account("Acme", "York");
        account("Bolt", "Leeds");

        assertThat(records.list(RecordType.ACCOUNT, "acme  leeds"))
                .singleElement().satisfies(r -> assertThat(r.values()).containsEntry("city", "Leeds"));
        assertThat(titles("leeds")).containsExactly("Acme", "Bolt");
    }

    @Test
    void aPercentSignIsSearchedLiterally() {
        account("50% Discount Store", "Leeds");
        account("50 Discount Store", "Leeds");
        account("500 Discounts", "Leeds");

        assertThat(titles("50%")).containsExactly("50% Discount Store");
        assertThat(titles("%")).containsExactly("50% Discount Store");
    }

    @Test
    void anUnderscoreIsSearchedLiterally() {
        account("snake_case Ltd", "Leeds");
        account("snakeXcase Ltd", "Leeds");

        assertThat(titles("e_c")).containsExactly("snake_case Ltd");
    }

    @Test
    void aBackslashIsSearchedLiterally() {
        account("Back\\slash Ltd", "Leeds");
        account("Backslash Ltd", "Leeds");

        assertThat(titles("k\\s")).containsExactly("Back\\slash Ltd");
    }

    @Test
    void aSearchLooksInTheOtherShortFieldsToo() {
        records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace", "email", "ada@analytical.example"));

        assertThat(records.list(RecordType.CONTACT, "analytical")).hasSize(1);
    }

    @Test
    void aSearchOfEveryTypeIsLimitedToTheNumberAsked() {
        account("Acme", "Leeds");
        records.create(RecordType.CONTACT, Map.of("lastName", "Acme-Smith"));
        records.create(RecordType.TASK, Map.of("subject", "Call Acme"));
        records.create(RecordType.TASK, Map.of("subject", "Call Bolt"));

        assertThat(records.search(Optional.empty(), "acme", 10)).extracting(Record::type)
                .containsExactlyInAnyOrder(RecordType.ACCOUNT, RecordType.CONTACT, RecordType.TASK);
        assertThat(records.search(Optional.empty(), "acme", 2)).hasSize(2);
        assertThat(records.search(Optional.of(RecordType.TASK), "call", 10)).hasSize(2);
    }

    @Test
    void aSearchWithNoMatchFindsNothing() {
        account("Acme", "Leeds");

        assertThat(titles("zebra")).isEmpty();
    }

    @Test
    void findGivesTheFirstHitsInTitleOrderAcrossTypesAndTheTotal() {
        for (String name : new String[] {"Echo Leeds", "Alpha Leeds", "Delta Leeds", "Bravo Leeds"}) {
            account(name, "Leeds");
        }
        records.create(RecordType.CONTACT, Map.of("lastName", "Charlie", "jobTitle", "Leeds office"));
        account("Zulu", "York");

        SearchResult result = records.find(Optional.empty(), "leeds", 3);

        assertThat(result.total()).isEqualTo(5);
        assertThat(result.firstRecords()).extracting(Record::title).containsExactly("Alpha Leeds", "Bravo Leeds", "Charlie");
        assertThat(records.count(Optional.of(RecordType.ACCOUNT), "leeds")).isEqualTo(4);
    }

    @Test
    void theSearchSeesWritesMadeAfterItWasFirstUsed() {
        account("Acme", "Leeds");
        assertThat(records.count(Optional.empty(), "leeds")).isEqualTo(1);

        Record bolt = records.create(RecordType.ACCOUNT, Map.of("name", "Bolt", "city", "Leeds"));
        records.update(titlesId("Acme"), Map.of("city", "York"));
        assertThat(titles("leeds")).containsExactly("Bolt");

        records.delete(bolt.id());
        assertThat(records.count(Optional.empty(), "leeds")).isZero();
        records.restore(bolt.id());
        assertThat(titles("leeds")).containsExactly("Bolt");
    }

    @Test
    void aRefusedWriteLeavesTheSearchAsItWas() {
        account("Acme", "Leeds");
        assertThat(records.count(Optional.empty(), "")).isEqualTo(1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> records.createAll(RecordType.ACCOUNT,
                java.util.List.of(Map.of("name", "Good", "city", "Leeds"), Map.of("city", "Leeds"))))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(titles("leeds")).containsExactly("Acme");
    }

    private String titlesId(String title) {
        return records.list(RecordType.ACCOUNT, title).getFirst().id();
    }
}
