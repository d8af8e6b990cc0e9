package dev.outpost.sync.memory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outpost.model.RecordType;
import dev.outpost.sync.RemoteRecord;

/**
 * Everything a {@link MemoryEndpoint} must remember across a process kill, as JSON: records, versions, the
 * change log (so anchors stay valid) and the create markers. Written whole to a temporary file, forced to
 * disk and moved over the old one atomically, so a reader finds either the previous state or the new one,
 * never half of one. History for stale duplicates, fault knobs and counters are deliberately left out.
 *
 * @param format      the file format's version
 * @param epoch       the endpoint's identity, part of every token it hands out
 * @param lastVersion the version counter
 * @param position    the change log's position
 * @param types       per record type id
 */
record PersistedState(int format, String epoch, long lastVersion, long position, Map<String, TypeState> types) {

    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param records live records
     * @param changes remote id to the log position of its latest change, deleted records included
     * @param markers create client id to remote id
     */
    record TypeState(List<Row> records, Map<String, Long> changes, Map<String, String> markers) {
    }

    /** One record; {@code modifiedAt} in ISO-8601. */
    record Row(String id, String version, Map<String, String> values, String modifiedAt) {
    }

    /** The state of an endpoint's parts, sharing their maps: write it before they change again. */
    static PersistedState capture(String epoch, long lastVersion, ChangeLog log, Map<RecordType, TypeStore> stores) {
        Map<String, TypeState> types = new LinkedHashMap<>();
        stores.forEach((type, store) -> {
            List<Row> rows = store.all().stream()
                    .map(r -> new Row(r.remoteId(), r.version(), r.values(), r.modifiedAt().toString()))
                    .toList();
            types.put(type.id(), new TypeState(rows, log.entries(type), store.markers()));
        });
        return new PersistedState(FORMAT, epoch, lastVersion, log.position(), types);
    }

    /** Fills an empty endpoint's parts with this state. */
    void restoreInto(ChangeLog log, Map<RecordType, TypeStore> stores) {
        Map<RecordType, Map<String, Long>> changes = new EnumMap<>(RecordType.class);
        types.forEach((typeId, state) -> {
            RecordType type = RecordType.parse(typeId);
            TypeStore store = stores.get(type);
            state.records().forEach(row -> store.put(
                    new RemoteRecord(row.id(), row.version(), row.values(), Instant.parse(row.modifiedAt()))));
            state.markers().forEach(store::mark);
            changes.put(type, state.changes());
        });
        log.restore(position, changes);
    }

    static PersistedState read(Path file) {
        try {
            PersistedState state = JSON.readValue(file.toFile(), PersistedState.class);
            if (state.format() != FORMAT) {
                throw new IllegalStateException(file + " holds memory endpoint state in format " + state.format()
                        + "; this build reads format " + FORMAT + ". Delete the file to start empty.");
            }
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the memory endpoint state in " + file, e);
        }
    }

    void write(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                JSON.writeValue(new NonClosing(out), this);
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the memory endpoint state to " + file, e);
        }
    }

    /** Jackson closes the stream it writes to; the channel must stay open until it is forced. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
