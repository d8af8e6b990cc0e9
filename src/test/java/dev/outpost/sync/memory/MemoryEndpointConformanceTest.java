package dev.outpost.sync.memory;

import java.util.Map;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;
import dev.outpost.sync.conformance.EndpointConformance;
import dev.outpost.sync.conformance.RemoteActor;

/** The reference endpoint keeps the contract it is the reference for. */
class MemoryEndpointConformanceTest extends EndpointConformance {

    @Override
    protected EndpointUnderTest create(int pageSize) {
        MemoryEndpoint memory = new MemoryEndpoint().pageSize(pageSize);
        return new EndpointUnderTest(memory, new RemoteActor() {
            @Override
            public RemoteRecord create(RecordType type, Map<String, String> values) {
                return memory.createRemote(type, values);
            }

            @Override
            public RemoteRecord edit(RecordType type, String remoteId, Map<String, String> changes) {
                return memory.edit(type, remoteId, changes);
            }

            @Override
            public void remove(RecordType type, String remoteId) {
                memory.remove(type, remoteId);
            }
        });
    }
}
