package dev.outpost.store;

import java.nio.file.Path;

/**
 * The other process of the profile-lock tests. {@code hold DIR} opens the profile's store, prints
 * {@code holding <pid>} and keeps it open until a line (or end of input) arrives on standard input;
 * {@code try DIR} tries once to open it and prints {@code opened} or {@code in use: <message>} (exit code 1).
 */
public final class ProfileVisitor {

    private ProfileVisitor() {
    }

    public static void main(String[] args) throws Exception {
        ProfileFolder profile = new ProfileFolder(Path.of(args[1]));
        switch (args[0]) {
            case "hold" -> {
                try (OfflineStore store = OfflineStore.open(profile)) {
                    System.out.println("holding " + ProcessHandle.current().pid());
                    System.out.flush();
                    int c;
                    do {
                        c = System.in.read();
                    } while (c != -1 && c != '\n');
                }
                System.out.println("released");
            }
            case "try" -> {
                try (OfflineStore store = OfflineStore.open(profile)) {
                    System.out.println("opened");
                } catch (ProfileInUseException e) {
                    System.out.println("in use: " + e.getMessage());
                    System.out.flush();
                    System.exit(1);
                }
            }
            default -> throw new IllegalArgumentException("Use: hold DIR | try DIR");
        }
    }
}
