package dev.outpost.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Holds the profile's lock file for as long as this process uses the profile. The operating system
 * releases the lock when the process dies, so a crash never leaves a profile locked. The file holds
 * the owner's process id so a second process can say which one is in the way.
 */
public final class ProfileLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ProfileLock(FileChannel channel, FileLock lock) {
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
            FileChannel channel = FileChannel.open(profile.lockFile(),
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
                throw new ProfileInUseException("Another Outpost" + owner + " is using the profile in "
                        + profile.path() + ". Close it first, or use another profile with --profile DIR.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new ProfileLock(channel, lock);
        } catch (IOException e) {
            throw new StoreException("Cannot lock the profile in " + profile.path() + ": " + e.getMessage()
                    + ". Check that the folder exists and that you may write to it.", e);
        }
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

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS drops the lock with the process anyway; nothing a user could do about it.
        }
    }
}
