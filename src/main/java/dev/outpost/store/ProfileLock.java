package dev.outpost.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the profile's lock file for as long as this process uses the profile. The operating system
 * releases the lock when the process dies, so a crash never leaves a profile locked. The file holds
 * the owner's process id so a second process can say which one is in the way.
 */
public final class ProfileLock implements AutoCloseable {

    /**
     * The lock files this process holds. OS file locks belong to the whole process, and closing any channel
     * on a locked file drops the process's lock on it, so a second attempt from this process must be refused
     * before it opens the file at all.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ProfileLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a profile.
     *
     * @throws ProfileInUseException when another process (or this one) already holds it
     */
    public static ProfileLock take(ProfileFolder profile) {
        try {
            Files.createDirectories(profile.path());
            Path file = profile.path().toRealPath().resolve(profile.lockFile().getFileName());
            if (!HELD_HERE.add(file)) {
                throw inUse(profile, " (process " + ProcessHandle.current().pid() + ")");
            }
            try {
                return lock(profile, file);
            } catch (IOException | RuntimeException e) {
                HELD_HERE.remove(file);
                throw e;
            }
        } catch (IOException e) {
            throw new StoreException("Cannot lock the profile in " + profile.path() + ": " + e.getMessage()
                    + ". Check that the folder exists and that you may write to it.", e);
        }
    }

    private static ProfileLock lock(ProfileFolder profile, Path file) throws IOException {
        FileChannel channel = FileChannel.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String owner = readOwner(channel);
            channel.close();
            throw inUse(profile, owner);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new ProfileLock(file, channel, lock);
    }

    private static ProfileInUseException inUse(ProfileFolder profile, String owner) {
        return new ProfileInUseException("Another Outpost" + owner + " is using the profile in "
                + profile.path() + ". Close it first, or use another profile with --profile DIR.");
    }

    private static String readOwner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether this lock is held and is the one of that profile, e.g. for work that needs the store closed. */
    public boolean guards(ProfileFolder profile) {
        try {
            return lock.isValid() && file.equals(profile.path().toRealPath().resolve(profile.lockFile().getFileName()));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!lock.isValid()) {
            return; // closed before: the profile may belong to a newer lock by now
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS drops the lock with the process anyway; nothing a user could do about it.
        } finally {
            HELD_HERE.remove(file);
        }
    }
}
