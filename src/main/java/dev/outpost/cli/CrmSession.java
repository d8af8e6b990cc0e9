package dev.outpost.cli;

import java.net.URI;

import dev.outpost.crm.CrmConnection;
import dev.outpost.crm.DataverseEndpoint;
import dev.outpost.crm.RetryPolicy;
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
        return SyncPair.of("crm", new DataverseEndpoint(connection(settings.crmUrl(), token), RetryPolicy.defaults(),
                settings.mineOnly()), ConflictPolicy.ASK);
    }

    /** How the CLI talks to a CRM: Dataverse's largest pages, batches of 50 writes. {@code bench crm} uses it too. */
    static CrmConnection connection(URI crmUrl, String token) {
        return CrmConnection.forSync(crmUrl, TokenSource.fixed(token));
    }

    /** A sync that cannot start without a sign-in: exit code 4. */
    static final class SignInNeededException extends StoreException {
        SignInNeededException(String message) {
            super(message);
        }
    }
}
