package dev.outpost.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import dev.outpost.demo.DemoOptions;
import dev.outpost.demo.DemoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo-server", description = "Runs the demo CRM and mailbox on this computer until stopped (Ctrl+C).")
final class DemoServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "The port (default: a free one).")
    int port;

    @Option(names = "--records", defaultValue = "1000", description = "How many sample records (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--mailbox-items", defaultValue = "200",
            description = "How many sample items in the demo mailbox (default: ${DEFAULT-VALUE}).")
    int mailboxItems;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sample data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        DemoServer server = DemoServer.start(port, DemoOptions.defaults().records(records).seed(seed)
                .mailboxItems(mailboxItems).fixedToken("demo"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        var out = spec.commandLine().getOut();
        out.println("Demo CRM running at " + server.url() + " with " + records + " sample records.");
        out.println("Demo mailbox (Microsoft Graph) at " + server.graphUrl() + " with " + mailboxItems + " sample items.");
        out.println("Connect with: outpost connect --crm-url " + server.url() + "   and set OUTPOST_ACCESS_TOKEN=demo");
        out.flush();
        stopped.await();
        return OutpostCommand.DONE;
    }
}
