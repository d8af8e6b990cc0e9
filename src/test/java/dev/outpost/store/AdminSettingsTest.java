package dev.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.model.RecordType;
import dev.outpost.store.AdminSettings.Setting;
import dev.outpost.store.ConnectionSettings.Mailbox;
import dev.outpost.store.ConnectionSettings.MailboxOptions;

/** Precedence: the user's choice over IT's default, and IT's value over the user's where it binds. */
class AdminSettingsTest {

    private static final Path FILE = Path.of("/opt/outpost/outpost-admin.json");
    private static final URI CONTOSO = URI.create("https://contoso.crm.dynamics.com");
    private static final ConnectionSettings USERS = new ConnectionSettings(CONTOSO, "OUTPOST_ACCESS_TOKEN")
            .syncingWhole(Set.of(RecordType.TASK))
            .withMailbox(Optional.of(new Mailbox(URI.create("https://graph.microsoft.com/v1.0"), "OUTPOST_GRAPH_TOKEN",
                    MailboxOptions.DEFAULTS.category("Mine").limit(42))));

    private static AdminSettings parse(String json) throws Exception {
        List<String> problems = new ArrayList<>();
        AdminSettings it = AdminSettings.parse((ObjectNode) new ObjectMapper().readTree(json), FILE, problems);
        assertThat(problems).isEmpty();
        return it;
    }

    private static final String EVERYTHING = "\"crmUrl\": \"https://contoso.crm.dynamics.com\", \"category\": \"CRM\", "
            + "\"outlookLimit\": 800, \"syncFilters\": {\"accounts\": \"all\"}";

    @Test
    void valuesThatDoNotBindAreDefaultsForNewConnectionsOnly() throws Exception {
        AdminSettings it = parse("{" + EVERYTHING + "}");

        assertThat(it.enforce(USERS)).isEqualTo(USERS);
        assertThat(it.newAllRecords()).containsExactly(RecordType.ACCOUNT);
        assertThat(it.newMailboxOptions()).isEqualTo(MailboxOptions.DEFAULTS.category("CRM").limit(800));
        assertThat(it.crmRefusal(URI.create("https://fabrikam.crm.dynamics.com"))).isEmpty();
        assertThat(it.boundCrmUrl()).isEmpty();
    }

    @Test
    void withoutAnAdminFileTheDefaultsAreOutpostsOwn() {
        assertThat(AdminSettings.NONE.newAllRecords()).isEmpty();
        assertThat(AdminSettings.NONE.newMailboxOptions()).isEqualTo(MailboxOptions.DEFAULTS);
        assertThat(AdminSettings.NONE.enforce(USERS)).isEqualTo(USERS);
        assertThat(AdminSettings.NONE.file()).isEqualTo("outpost-admin.json");
    }

    @Test
    void allowUserOverrideFalseBindsEveryValueGivenAndOnlyThose() throws Exception {
        AdminSettings it = parse("{\"category\": \"CRM\", \"allowUserOverride\": false}");

        assertThat(it.binds(Setting.CATEGORY)).isTrue();
        assertThat(it.binds(Setting.OUTLOOK_LIMIT)).isFalse();
        assertThat(it.binds(Setting.SYNC_FILTERS)).isFalse();
        MailboxOptions enforced = it.enforce(USERS).mailbox().orElseThrow().options();
        assertThat(enforced.category()).isEqualTo("CRM");
        assertThat(enforced.limit()).isEqualTo(42);
        assertThat(it.enforce(USERS).syncedWhole()).containsExactly(RecordType.TASK);
    }

    @Test
    void aLockedValueBindsWhileTheOthersStayDefaults() throws Exception {
        AdminSettings it = parse("{" + EVERYTHING + ", \"locked\": [\"syncFilters\", \"outlookLimit\"]}");

        ConnectionSettings enforced = it.enforce(USERS);

        assertThat(enforced.syncedWhole()).containsExactly(RecordType.ACCOUNT);
        assertThat(enforced.mailbox().orElseThrow().options().limit()).isEqualTo(800);
        assertThat(enforced.mailbox().orElseThrow().options().category()).isEqualTo("Mine");
        assertThat(it.binds(Setting.CRM_URL)).isFalse();
    }

    @Test
    void lockedSyncFiltersWithNoTypeMakeEveryTypeTheUsersOwn() throws Exception {
        AdminSettings it = parse("{\"syncFilters\": {\"tasks\": \"mine\"}, \"locked\": [\"syncFilters\"]}");

        assertThat(it.enforce(USERS).syncedWhole()).isEmpty();
    }

    @Test
    void aLockedCrmRefusesAnotherNamingTheFile() throws Exception {
        AdminSettings it = parse("{" + EVERYTHING + ", \"locked\": [\"crmUrl\"]}");

        assertThat(it.crmRefusal(URI.create("https://CONTOSO.crm.dynamics.com/"))).isEmpty();
        assertThat(it.crmRefusal(URI.create("https://fabrikam.crm.dynamics.com"))).hasValueSatisfying(why -> assertThat(why)
                .contains("https://contoso.crm.dynamics.com").contains(FILE.toString())
                .contains("https://fabrikam.crm.dynamics.com").contains("not allowed"));
    }

    @Test
    void aLockedCrmWrittenWithItsDefaultPortIsTheSameCrm() throws Exception {
        AdminSettings it = parse("{" + EVERYTHING + ", \"locked\": [\"crmUrl\"]}");

        assertThat(it.crmRefusal(URI.create("https://contoso.crm.dynamics.com:443/"))).isEmpty();
    }

    @Test
    void demoModeIsLeftAsItIs() throws Exception {
        AdminSettings it = parse("{" + EVERYTHING + ", \"allowUserOverride\": false}");

        assertThat(it.enforce(ConnectionSettings.demoMode())).isEqualTo(ConnectionSettings.demoMode());
    }

    @Test
    void aConnectionWithoutAMailboxGetsNone() throws Exception {
        AdminSettings it = parse("{" + EVERYTHING + ", \"allowUserOverride\": false}");

        assertThat(it.enforce(USERS.withMailbox(Optional.empty())).mailbox()).isEmpty();
    }
}
