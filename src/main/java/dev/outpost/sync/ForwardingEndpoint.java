package dev.outpost.sync;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.outpost.model.RecordType;

/**
 * An endpoint that passes every call to another one: the base of decorators that change or watch a few
 * calls (translating references, reporting progress) without restating the rest.
 */
public abstract class ForwardingEndpoint implements Endpoint {

    protected final Endpoint inner;

    protected ForwardingEndpoint(Endpoint inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void previewing(boolean preview) {
        inner.previewing(preview);
    }

    @Override
    public int batchSize() {
        return inner.batchSize();
    }

    @Override
    public ChangePage changes(RecordType type, Optional<String> from) {
        return inner.changes(type, from);
    }

    @Override
    public Optional<RemoteRecord> fetch(RecordType type, String remoteId) {
        return inner.fetch(type, remoteId);
    }

    @Override
    public List<RemoteRecord> fetchReferenced(RecordType type, Set<String> remoteIds) {
        return inner.fetchReferenced(type, remoteIds);
    }

    @Override
    public List<RemoteRecord> findByUserKey(RecordType type, UserKey key) {
        return inner.findByUserKey(type, key);
    }

    @Override
    public Optional<RemoteRecord> findCreated(RecordType type, String clientId) {
        return inner.findCreated(type, clientId);
    }

    @Override
    public List<WriteOutcome> write(RecordType type, List<RemoteWrite> batch) {
        return inner.write(type, batch);
    }

    @Override
    public List<WriteOutcome> release(RecordType type, List<String> remoteIds) {
        return inner.release(type, remoteIds);
    }

    @Override
    public List<WriteOutcome> claim(RecordType type, List<String> remoteIds) {
        return inner.claim(type, remoteIds);
    }
}
