package dev.outpost.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.outpost.model.RecordType;

/** The sharing category is put into the mailbox's master categories once per endpoint, before its first sync. */
class OutlookMasterCategoryTest extends OutlookTestSupport {

    private static final String CONTACTS_DELTA_FIRST = "/v1.0/me/contactFolders/contacts/contacts/delta()";

    @Test
    void aMissingCategoryIsAddedWithAPresetColourBeforeTheFirstSyncAndLookedForOnlyOnce() {
        graph.on("GET", MASTER_CATEGORIES, 200, "master-categories.json")
                .on("POST", MASTER_CATEGORIES, 201, "master-category-created.json")
                .on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page2.json")
                .on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page2.json");

        endpoint.changes(RecordType.CONTACT, Optional.empty());
        endpoint.changes(RecordType.CONTACT, Optional.empty());

        assertThat(graph.seen("GET", MASTER_CATEGORIES)).hasSize(1);
        assertThat(graph.seen("POST", MASTER_CATEGORIES)).singleElement().satisfies(post -> {
            assertThat(post.json().path("displayName").asText()).isEqualTo("Shared with CRM");
            assertThat(post.json().path("color").asText()).isEqualTo("preset7");
        });
        assertThat(graph.seen().getFirst().path()).as("before the sync").isEqualTo(MASTER_CATEGORIES);
    }

    @Test
    void aCategoryPresentIsNotPosted() {
        graph.on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page2.json");

        endpoint.changes(RecordType.CONTACT, Optional.empty());

        assertThat(graph.seen("POST", MASTER_CATEGORIES)).isEmpty();
    }

    @Test
    void aCategoryMadeMeanwhileConflictIsAsGoodAsMade() {
        graph.on("GET", MASTER_CATEGORIES, 200, "master-categories.json")
                .on("POST", MASTER_CATEGORIES, req -> GraphStub.Reply.json(409,
                        "{\"error\":{\"code\":\"ErrorDuplicateCategory\",\"message\":\"exists\"}}"))
                .on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page2.json")
                .on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page2.json");

        assertThat(endpoint.changes(RecordType.CONTACT, Optional.empty()).anchor()).isPresent();
        endpoint.changes(RecordType.CONTACT, Optional.empty());

        assertThat(graph.seen("GET", MASTER_CATEGORIES)).as("not asked again").hasSize(1);
    }

    @Test
    void aServerFaultDoesNotStopTheSyncAndTheCategoryIsLookedForAgainNextTime() {
        graph.on("GET", MASTER_CATEGORIES, req -> GraphStub.Reply.json(500,
                        "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"down\"}}"))
                .on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page2.json")
                .on("GET", CONTACTS_DELTA_FIRST, 200, "contacts-delta-page2.json");

        assertThat(endpoint.changes(RecordType.CONTACT, Optional.empty()).anchor()).isPresent();
        endpoint.changes(RecordType.CONTACT, Optional.empty());

        assertThat(graph.seen("GET", MASTER_CATEGORIES)).hasSize(2);
        assertThat(graph.seen("POST", MASTER_CATEGORIES)).as("found the second time").isEmpty();
    }
}
