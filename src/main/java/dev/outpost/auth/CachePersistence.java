package dev.outpost.auth;

import java.nio.charset.StandardCharsets;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;

/**
 * Loads MSAL's cache from the store before each use and saves it after, only when it changed: a silent token served
 * from the cache writes nothing (the key store may prompt or be slow).
 */
final class CachePersistence implements ITokenCacheAccessAspect {

    private final TokenCacheStore store;

    CachePersistence(TokenCacheStore store) {
        this.store = store;
    }

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
        store.read().ifPresent(bytes -> context.tokenCache().deserialize(new String(bytes, StandardCharsets.UTF_8)));
    }

    @Override
    public void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            store.write(context.tokenCache().serialize().getBytes(StandardCharsets.UTF_8));
        }
    }
}
