package dev.outpost.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outpost.model.Record;
import dev.outpost.model.RecordType;
import dev.outpost.store.Link;
import dev.outpost.sync.RunOptions;
import dev.outpost.sync.SyncReport;

/**
 * "Records I own, plus the records they refer to": the endpoint's scope stands for ownership here (an account
 * is mine when its city is "Mine"), and a record of mine that refers to one outside the scope keeps it here.
 */
class ReferencedRecordsTest extends EngineFixture {

    @BeforeEach
    void onlyMyAccountsAreInScope() {
        remote.scope(RecordType.ACCOUNT, v -> "Mine".equals(v.get("city")));
        remote.scope(RecordType.OPPORTUNITY, v -> !"Theirs".equals(v.get("stage")));
    }

    @Test
    void aContactOfMineAtAColleaguesAccountBringsTheAccountIn() {
        var theirs = remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Colleague Co", "city", "Elsewhere"));
        var nobodys = remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Unrelated Ltd", "city", "Elsewhere"));
        remote.createRemote(RecordType.ACCOUNT, Map.of("name", "My Co", "city", "Mine"));
        remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Berg", "accountId", theirs.remoteId()));

        SyncReport first = sync();

        Record account = local(RecordType.ACCOUNT, "Colleague Co");
        assertThat(local(RecordType.CONTACT, "Berg").get("accountId")).isEqualTo(account.id());
        assertThat(remoteIdOf(account)).isEqualTo(theirs.remoteId());
        assertThat(maybeLocal(RecordType.ACCOUNT, "My Co")).isPresent();
        assertThat(maybeLocal(RecordType.ACCOUNT, "Unrelated Ltd")).isEmpty();
        assertThat(first.pulled()).isEqualTo(3);
        assertThat(nobodys.remoteId()).isNotBlank();

        remote.resetCounters();
        SyncReport second = sync();
        assertThat(second.pulled() + second.pushed()).isZero();
        assertThat(remote.writeCount()).isZero();
    }

    @Test
    void aTaskAboutAColleaguesDealBringsTheDealAndItsAccount() {
        var account = remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Deal Co", "city", "Elsewhere"));
        var deal = remote.createRemote(RecordType.OPPORTUNITY, Map.of("name", "Big deal", "stage", "Theirs",
                "accountId", account.remoteId()));
        remote.createRemote(RecordType.TASK, Map.of("subject", "Call about the deal", "regardingId", deal.remoteId()));

        sync();

        Record localDeal = local(RecordType.OPPORTUNITY, "Big deal");
        Record localAccount = local(RecordType.ACCOUNT, "Deal Co");
        assertThat(localDeal.get("accountId")).isEqualTo(localAccount.id());
        assertThat(local(RecordType.TASK, "Call about the deal").get("regardingId")).isEqualTo(localDeal.id());
    }

    @Test
    void anAccountLeavingTheScopeStaysWhileAContactHereRefersToItAndKeepsSyncing() {
        var account = remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Moving Co", "city", "Mine"));
        remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Berg", "accountId", account.remoteId()));
        sync();

        remote.edit(RecordType.ACCOUNT, account.remoteId(), Map.of("city", "Elsewhere")); // a colleague owns it now
        sync();
        Record kept = local(RecordType.ACCOUNT, "Moving Co");
        assertThat(kept.get("city")).isEqualTo("Elsewhere");
        assertThat(store.sync().link("crm", kept.id())).get().extracting(Link::inScope).isEqualTo(true);

        remote.edit(RecordType.ACCOUNT, account.remoteId(), Map.of("phone", "+44 20 7946 0000"));
        sync();
        assertThat(local(RecordType.ACCOUNT, "Moving Co").get("phone")).isEqualTo("+44 20 7946 0000");

        records.update(kept.id(), Map.of("website", "https://moving.example"));
        sync();
        assertThat(remote.get(RecordType.ACCOUNT, account.remoteId()).orElseThrow().values())
                .containsEntry("website", "https://moving.example");
    }

    @Test
    void anAccountNobodyHereRefersToLeavesTheScopeUnlinkedButNotDeleted() {
        var account = remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Leaving Co", "city", "Mine"));
        sync();

        remote.edit(RecordType.ACCOUNT, account.remoteId(), Map.of("city", "Elsewhere"));
        sync();

        Record left = local(RecordType.ACCOUNT, "Leaving Co");
        assertThat(store.sync().link("crm", left.id())).get().extracting(Link::inScope).isEqualTo(false);
        assertThat(remote.get(RecordType.ACCOUNT, account.remoteId())).isPresent();
    }

    @Test
    void anAccountOutOfScopeComesBackWhenANewContactRefersToIt() {
        var account = remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Returning Co", "city", "Mine"));
        sync();
        remote.edit(RecordType.ACCOUNT, account.remoteId(), Map.of("city", "Elsewhere", "phone", "+1 555 0100"));
        sync();

        remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Lind", "accountId", account.remoteId()));
        sync();

        Record back = local(RecordType.ACCOUNT, "Returning Co");
        assertThat(back.get("phone")).isEqualTo("+1 555 0100");
        assertThat(store.sync().link("crm", back.id())).get().extracting(Link::inScope).isEqualTo(true);
        assertThat(local(RecordType.CONTACT, "Lind").get("accountId")).isEqualTo(back.id());
        assertThat(records.list(RecordType.ACCOUNT, "")).hasSize(1);
    }

    @Test
    void aReferenceToARecordThatDoesNotExistIsKeptAsItCame() {
        String missing = UUID.randomUUID().toString();
        remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Orphan", "accountId", missing));

        SyncReport report = sync();

        assertThat(report.pulled()).isEqualTo(1);
        assertThat(local(RecordType.CONTACT, "Orphan").get("accountId")).isEqualTo(missing);
        assertThat(records.list(RecordType.ACCOUNT, "")).isEmpty();
    }

    @Test
    void aDryRunBringsNothingIn() {
        var theirs = remote.createRemote(RecordType.ACCOUNT, Map.of("name", "Colleague Co", "city", "Elsewhere"));
        remote.createRemote(RecordType.CONTACT, Map.of("lastName", "Berg", "accountId", theirs.remoteId()));

        engine.run(pair(), RunOptions.preview());

        assertThat(records.list(RecordType.ACCOUNT, "")).isEmpty();
        assertThat(records.list(RecordType.CONTACT, "")).isEmpty();
    }
}
