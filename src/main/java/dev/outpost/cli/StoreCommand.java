package dev.outpost.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.outpost.store.OfflineStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that works on the offline store of the chosen profile, opened for the command's run. */
abstract class StoreCommand implements Callable<Integer> {

    @ParentCommand
    OutpostCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (OfflineStore store = root.profile.openStore()) {
            return run(store);
        }
    }

    abstract int run(OfflineStore store) throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
