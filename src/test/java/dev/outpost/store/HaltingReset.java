package dev.outpost.store;

import java.nio.file.Path;

/**
 * The process the reset crash test stops dead: it resets the profile given as first argument (its secrets in
 * files) and halts the JVM — no finally block, no shutdown hook — right after the step named by the second.
 */
public final class HaltingReset {

    private HaltingReset() {
    }

    public static void main(String[] args) {
        ProfileFolder profile = new ProfileFolder(Path.of(args[0]));
        ProfileReset.of(profile, new SecretFiles(profile, "test")).onStep(step -> {
            if (step.equals(args[1])) {
                System.out.println("halting after " + step);
                System.out.flush();
                Runtime.getRuntime().halt(3);
            }
        }).remove();
        System.out.println("finished");
    }
}
