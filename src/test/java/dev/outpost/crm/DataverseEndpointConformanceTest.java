package dev.outpost.crm;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import dev.outpost.sync.conformance.EndpointConformance;

/** The CRM connector passes the endpoint conformance suite against the demo server, over loopback HTTP. */
class DataverseEndpointConformanceTest extends EndpointConformance {

    @Override
    protected EndpointUnderTest create(int pageSize) {
        try {
            DemoServer server = DemoServer.start(0, DemoOptions.defaults().records(0));
            CrmConnection connection = CrmConnection.of(server.url(), TokenSource.fixed(server.issueToken()))
                    .pageSize(pageSize);
            DataverseEndpoint endpoint = new DataverseEndpoint(connection);
            DemoServerActor actor = new DemoServerActor(server);
            return new EndpointUnderTest(endpoint, actor, () -> {
                endpoint.close();
                actor.close();
                server.close();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
