package dev.outpost.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.RecordType;

/** The value conversions of docs/crm-mapping.md, both ways. */
class RowMappingTest {

    private static final String ID = "aaaaaaaa-2222-4333-8444-555555555555";

    private static RowReader.Result read(RecordType type, String json) throws Exception {
        return new RowReader(EntityMapping.of(type), new ReferenceTargets()).read(Json.MAPPER.readTree(json));
    }

    private static Map<String, String> values(RecordType type, String columns) throws Exception {
        String key = EntityMapping.of(type).key();
        RowReader.Result result = read(type, "{\"@odata.etag\":\"W/\\\"9\\\"\",\"" + key + "\":\"" + ID + "\","
                + "\"modifiedon\":\"2026-01-02T03:04:05Z\"," + columns + "}");
        assertThat(result).isInstanceOf(RowReader.Readable.class);
        return ((RowReader.Readable) result).record().values();
    }

    @Test
    void opportunityMoneyDateAndPercentReadInCanonicalForm() throws Exception {
        assertThat(values(RecordType.OPPORTUNITY, "\"name\":\"Deal\",\"estimatedvalue\":125000.0,"
                + "\"estimatedclosedate\":\"2026-06-30\",\"closeprobability\":40"))
                .containsEntry("estimatedValue", "125000.00").containsEntry("closeDate", "2026-06-30")
                .containsEntry("probability", "40");
    }

    @Test
    void taskDueIsTheUtcDatePriorityAndDoneAreWords() throws Exception {
        assertThat(values(RecordType.TASK, "\"subject\":\"Call\",\"scheduledend\":\"2026-05-01T23:30:00-02:00\","
                + "\"prioritycode\":2,\"statecode\":1"))
                .containsEntry("due", "2026-05-02").containsEntry("priority", "high").containsEntry("done", "true");
        assertThat(values(RecordType.TASK, "\"subject\":\"Call\",\"prioritycode\":0,\"statecode\":2"))
                .containsEntry("priority", "low").containsEntry("done", "false");
    }

    @Test
    void dateTimesReadAsUtcInstants() throws Exception {
        assertThat(values(RecordType.APPOINTMENT, "\"subject\":\"Meet\",\"scheduledstart\":\"2026-05-01T10:00:00+02:00\","
                + "\"scheduledend\":\"2026-05-01T09:00:00Z\""))
                .containsEntry("start", "2026-05-01T08:00:00Z").containsEntry("end", "2026-05-01T09:00:00Z");
    }

    @Test
    void aValueOfTheWrongTypeMakesTheRowUnreadableNamingTheField() throws Exception {
        assertThat(read(RecordType.OPPORTUNITY, "{\"@odata.etag\":\"W/\\\"9\\\"\",\"opportunityid\":\"" + ID
                + "\",\"closeprobability\":\"high\"}"))
                .isEqualTo(new RowReader.Unreadable(ID, "probability", "not a whole number"));
    }

    @Test
    void aRowWithoutAVersionIsUnreadable() throws Exception {
        assertThat(read(RecordType.ACCOUNT, "{\"accountid\":\"" + ID + "\",\"name\":\"A\"}"))
                .isInstanceOf(RowReader.Unreadable.class);
    }

    @Test
    void anUpdateSendsExplicitNullsAndBindsReferences() {
        ObjectNode body = new RowWriter(EntityMapping.of(RecordType.CONTACT), id -> Optional.empty())
                .body(Map.of("lastName", "Lovelace", "accountId", ID, "private", "true"), true);

        assertThat(body.get("lastname").asText()).isEqualTo("Lovelace");
        assertThat(body.get("parentcustomerid_account@odata.bind").asText()).isEqualTo("/accounts(" + ID + ")");
        assertThat(body.get("outpost_private").asBoolean()).isTrue();
        assertThat(body.get("firstname").isNull()).isTrue();
        assertThat(body.has("_parentcustomerid_value")).isFalse();
    }

    @Test
    void aCreateLeavesEmptyFieldsOut() {
        ObjectNode body = new RowWriter(EntityMapping.of(RecordType.CONTACT), id -> Optional.empty())
                .body(Map.of("lastName", "Lovelace"), false);

        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("lastname");
    }

    @Test
    void taskValuesAreWrittenInDataverseForm() {
        JsonNode body = new RowWriter(EntityMapping.of(RecordType.TASK), id -> Optional.of("contact")).body(Map.of(
                "subject", "Call", "due", "2026-05-02", "priority", "normal", "done", "true", "regardingId", ID), false);

        assertThat(body.get("scheduledend").asText()).isEqualTo("2026-05-02T00:00:00Z");
        assertThat(body.get("prioritycode").asInt()).isEqualTo(1);
        assertThat(body.get("statecode").asInt()).isEqualTo(1);
        assertThat(body.get("regardingobjectid_contact_task@odata.bind").asText()).isEqualTo("/contacts(" + ID + ")");
    }

    @Test
    void aValueTheCrmCannotTakeNamesItsFieldOnly() {
        RowWriter writer = new RowWriter(EntityMapping.of(RecordType.OPPORTUNITY), id -> Optional.empty());

        assertThatThrownBy(() -> writer.body(Map.of("name", "Deal", "probability", "secret-ish"), false))
                .isInstanceOf(RowWriter.InvalidValue.class).hasMessageContaining("probability")
                .hasMessageNotContaining("secret-ish");
    }
}
