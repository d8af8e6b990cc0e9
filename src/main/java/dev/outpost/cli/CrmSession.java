package dev.outpost.cli;

import java.time.Duration;

import dev.outpost.crm.CrmConnection;
import dev.outpost.crm.DataverseEndpoint;
import dev.outpost.crm.TokenSource;
import dev.outpost.store.ConnectionSettings;
import dev.outpost.store.OfflineStore;
import dev.outpost.store.StoreException;
import dev.outpost.sync.ConflictPolicy;
import dev.outpost.sync.SyncPair;

/** The CRM pair of a connected profile, with the token from the environment. */
final class CrmSession {

    /** Exit code when a sign-in (an access token) is needed. */
    static final int SIGN_IN_NEEDED = 4;

    private CrmSession() {
    }

    static SyncPair pair(OfflineStore store, java.util.function.Function<String, String> environment) {
        ConnectionSettings settings = ConnectionSettings.read(store.profile()).orElseThrow(() -> new StoreException(
                "This profile is not connected to a CRM. Connect it with: outpost connect --crm-url URL"));
        String token = environment.apply(settings.tokenVariable());
        if (token == null || token.isBlank()) {
            throw new SignInNeededException("No access token: set $" + settings.tokenVariable()
                    + " to a bearer token for " + settings.crmUrl() + " and run again.");
        }
        CrmConnection connection = CrmConnection.of(settings.crmUrl(), TokenSource.fixed(token))
                .pageSize(5000).batchSize(50).timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
        return SyncPair.of("crm", new DataverseEndpoint(connection), ConflictPolicy.ASK);
    }

    /** A sync that cannot start without a sign-in: exit code 4. */
    static final class SignInNeededException extends StoreException {
        SignInNeededException(String message) {
            super(message);
        }
    }
}
