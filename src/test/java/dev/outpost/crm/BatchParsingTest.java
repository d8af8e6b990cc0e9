package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteWrite;
import dev.outpost.sync.WriteOutcome;

/** A {@code $batch} response shaped like Dataverse's, read into one outcome per write, in order. */
class BatchParsingTest {

    private static final String CONTENT_TYPE =
            "multipart/mixed; boundary=batchresponse_c1bd45c1-dd81-470d-ad7c-38c9a4c2ed5f";
    private static final String API = "https://contoso.crm.dynamics.com/api/data/v9.2/";

    private final ConditionalWrite conditional = new ConditionalWrite(EntityMapping.of(RecordType.CONTACT),
            new RowWriter(EntityMapping.of(RecordType.CONTACT), id -> java.util.Optional.empty()), API);

    private final List<RemoteWrite> writes = List.of(
            new RemoteWrite.Create("77777777-2222-4333-8444-555555555555", Map.of("lastName", "New")),
            new RemoteWrite.Update("88888888-2222-4333-8444-555555555555", "5", Map.of("lastName", "Stale")),
            new RemoteWrite.Update("99999999-2222-4333-8444-555555555555", "6", Map.of("lastName", "Gone")),
            new RemoteWrite.Delete("88888888-2222-4333-8444-555555555555", "7"),
            new RemoteWrite.Update("88888888-2222-4333-8444-555555555555", "8", Map.of("lastName", "Bad")),
            new RemoteWrite.Update("88888888-2222-4333-8444-555555555555", "9", Map.of("lastName", "Later")));

    private List<WriteOutcome> outcomes(String body) {
        List<CrmResponse> responses = BatchResponse.parse(CONTENT_TYPE, body);
        assertThat(responses).hasSize(writes.size());
        return java.util.stream.IntStream.range(0, writes.size())
                .mapToObj(i -> conditional.outcome(conditional.plan(writes.get(i)), responses.get(i))).toList();
    }

    @Test
    void everyPartMapsToItsOutcomeInOrder() {
        List<WriteOutcome> outcomes = outcomes(Fixtures.read("batch-response.txt"));

        assertThat(outcomes.get(0)).isEqualTo(new WriteOutcome.Written("77777777-2222-4333-8444-555555555555", "2001"));
        assertThat(outcomes.get(1)).isEqualTo(new WriteOutcome.RemoteChanged());
        assertThat(outcomes.get(2)).isEqualTo(new WriteOutcome.RemoteGone());
        assertThat(outcomes.get(3)).isEqualTo(new WriteOutcome.Deleted());
        assertThat(outcomes.get(4)).isInstanceOfSatisfying(WriteOutcome.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("Cannot convert the literal '…' to the expected type of property "
                    + "'closeprobability'");
        });
        assertThat(outcomes.get(5)).isInstanceOfSatisfying(WriteOutcome.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void bareLineFeedsReadTheSame() {
        assertThat(outcomes(Fixtures.read("batch-response.txt").replace("\r\n", "\n")))
                .isEqualTo(outcomes(Fixtures.read("batch-response.txt")));
    }

    @Test
    void aNotFoundNamingAnotherRowIsABrokenReferenceNotAGoneRecord() {
        CrmResponse response = new CrmResponse(404, Map.of(), "{\"error\":{\"code\":\"0x80040217\",\"message\":"
                + "\"account With Id = 12345678-2222-4333-8444-555555555555 Does Not Exist\"}}");

        assertThat(conditional.outcome(conditional.plan(writes.get(2)), response))
                .isInstanceOfSatisfying(WriteOutcome.Failed.class, failed -> {
                    assertThat(failed.retryable()).isFalse();
                    assertThat(failed.reason()).contains("refers to a record that no longer exists");
                });
    }

    @Test
    void thePreconditionFailedBodyCarriesDataversesMessage() {
        CrmResponse response = new CrmResponse(412, Map.of(), Fixtures.read("error-412.json"));

        assertThat(response.errorCode()).hasValue("0x80060882");
        assertThat(response.errorMessage()).startsWith("The version of the existing record doesn't match");
    }

    @Test
    void aBatchRequestHasOneChangeSetPerWrite() {
        BatchRequest batch = new BatchRequest();
        writes.subList(0, 3).forEach(w -> batch.add(conditional.plan(w).part()));
        String body = batch.body();

        assertThat(body.split("Content-Type: multipart/mixed; boundary=changeset_", -1)).hasSize(4);
        assertThat(body).contains("PATCH " + API + "contacts(77777777-2222-4333-8444-555555555555)")
                .contains("If-None-Match: *").contains("If-Match: W/\"5\"").contains("Content-ID: 3");
    }
}
