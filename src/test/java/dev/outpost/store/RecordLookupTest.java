package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;

/** Finding a record by the id, or the start of the id, that a person types. */
class RecordLookupTest extends OpenStoreTest {

    @Test
    void findReturnsNothingForAnUnknownId() {
        assertThat(records.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void findLiveFindsARecordByItsFullId() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));

        assertThat(records.findLive(RecordType.CONTACT, contact.id())).isEqualTo(contact);
    }

    @Test
    void findLiveFindsARecordByTheFirstEightCharactersOfItsId() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        records.create(RecordType.CONTACT, Map.of("lastName", "Babbage"));

        assertThat(records.findLive(RecordType.CONTACT, contact.id().substring(0, 8))).isEqualTo(contact);
    }

    @Test
    void findLiveIgnoresCaseAndSurroundingSpaces() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));

        assertThat(records.findLive(RecordType.CONTACT, " " + contact.id().toUpperCase(Locale.ROOT) + " "))
                .isEqualTo(contact);
    }

    @Test
    void aPrefixShorterThanEightCharactersIsRefused() {
        Record contact = records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));
        String prefix = contact.id().substring(0, 7);

        assertThatThrownBy(() -> records.findLive(RecordType.CONTACT, prefix))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("'" + prefix + "' is too short")
                .hasMessageContaining("at least its first 8 characters");
    }

    @Test
    void aTooShortPrefixIsToldWhatToGiveInstead() {
        assertThatThrownBy(() -> records.findLive(RecordType.ACCOUNT, "abcdef0"))
                .hasMessage("'abcdef0' is too short: give the id of the account, or at least its first 8 characters.");
    }

    @Test
    void aPrefixSharedByTwoRecordsIsRefusedAsAmbiguous() {
        Record first = records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));
        Record second = records.create(RecordType.ACCOUNT, Map.of("name", "Bolt"));
        whileClosed(p -> {
            // Random ids share no 8-character start in practice; give two the same one.
            StoreSql.run(p, "UPDATE record SET id = ? WHERE id = ?", "abcdef01" + first.id().substring(8), first.id());
            StoreSql.run(p, "UPDATE record SET id = ? WHERE id = ?", "abcdef01" + second.id().substring(8), second.id());
        });

        assertThatThrownBy(() -> records.findLive(RecordType.ACCOUNT, "abcdef01"))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("More than one account has an id starting with abcdef01; give more of the id.");
        assertThat(records.findLive(RecordType.ACCOUNT, "abcdef01" + first.id().substring(8)).title())
                .isEqualTo("Acme");
    }

    @Test
    void findLiveOnlyFindsRecordsOfTheTypeAsked() {
        Record account = records.create(RecordType.ACCOUNT, Map.of("name", "Acme"));

        assertThatThrownBy(() -> records.findLive(RecordType.CONTACT, account.id()))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("There is no contact with id " + account.id() + ". List them with: outpost list contacts");
    }

    @Test
    void wildcardsInAPrefixAreTakenLiterally() {
        records.create(RecordType.CONTACT, Map.of("lastName", "Lovelace"));

        assertThatThrownBy(() -> records.findLive(RecordType.CONTACT, "________"))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> records.findLive(RecordType.CONTACT, "%%%%%%%%"))
                .isInstanceOf(RecordNotFoundException.class);
    }
}
