package dev.outpost.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo mailbox's items: per folder, each item's Graph JSON, the version of its last write and a tombstone flag
 * once deleted — the change log that delta queries read. One counter numbers every write in the mailbox, so "what
 * changed in this folder after version v" is a range of versions.
 *
 * <p>Storage is memory, plus, when the server has a folder, one JSON snapshot encrypted with AES-GCM under the demo
 * database's key ({@code demo.key}), rewritten atomically (temporary file, then move) after every write. A mailbox
 * of a few thousand items is a few hundred kilobytes, so rewriting it whole is cheap and keeps the format trivial;
 * encrypted because in the window's demo mode it lives in the profile folder, where no record value may be readable.
 */
final class MailboxStore {

    static final String FILE = "mailbox.json.aes";

    /** One item's latest state. {@code data} is a private copy: callers get and give copies. */
    record Entry(String folder, String id, long version, boolean deleted, ObjectNode data) { }

    private final Map<String, Map<String, Entry>> byId = new HashMap<>();
    private final Map<String, NavigableMap<Long, Entry>> byVersion = new HashMap<>();
    private final Path file;
    private final byte[] key;
    private long version;

    private MailboxStore(Path file, byte[] key) {
        this.file = file;
        this.key = key;
    }

    static MailboxStore inMemory() {
        return new MailboxStore(null, null);
    }

    /** The mailbox kept in {@code folder}, loaded if it was saved there before. */
    static MailboxStore inFolder(Path folder) {
        byte[] key = HexFormat.of().parseHex(DemoKey.loadOrCreate(folder.resolve("demo.key")));
        MailboxStore store = new MailboxStore(folder.resolve(FILE), key);
        if (Files.exists(store.file)) {
            store.load();
        }
        return store;
    }

    synchronized boolean isEmpty() {
        return version == 0;
    }

    synchronized long version() {
        return version;
    }

    synchronized Optional<Entry> find(String folder, String id) {
        Entry entry = byId.getOrDefault(folder, Map.of()).get(id);
        return Optional.ofNullable(entry).map(MailboxStore::copy);
    }

    /** The live items of a folder, oldest write first. */
    List<Entry> live(String folder) {
        return live(folder, e -> true);
    }

    /** The live items of a folder that {@code keep} accepts (it sees the stored data: it must not change it). */
    synchronized List<Entry> live(String folder, Predicate<Entry> keep) {
        List<Entry> entries = new ArrayList<>();
        for (Entry e : byVersion.getOrDefault(folder, new TreeMap<>()).values()) {
            if (!e.deleted() && keep.test(e)) {
                entries.add(copy(e));
            }
        }
        return entries;
    }

    synchronized int count(String folder) {
        int live = 0;
        for (Entry e : byId.getOrDefault(folder, Map.of()).values()) {
            live += e.deleted() ? 0 : 1;
        }
        return live;
    }

    /**
     * Items and tombstones of a folder written with {@code after < version <= upTo} that {@code keep} accepts, oldest
     * first, at most {@code limit}: a delta page copies only what it sends.
     */
    synchronized List<Entry> changes(String folder, long after, long upTo, Predicate<Entry> keep, int limit) {
        List<Entry> entries = new ArrayList<>();
        if (upTo <= after) {
            return entries;
        }
        for (Entry e : byVersion.getOrDefault(folder, new TreeMap<>()).subMap(after, false, upTo, true).values()) {
            if (keep.test(e)) {
                entries.add(copy(e));
                if (entries.size() >= limit) {
                    break;
                }
            }
        }
        return entries;
    }

    /** The last write of a folder at or before {@code version}, if any: what a replay repeats. */
    synchronized Optional<Entry> lastAtOrBefore(String folder, long version) {
        Map.Entry<Long, Entry> e = byVersion.getOrDefault(folder, new TreeMap<>()).floorEntry(version);
        return e == null ? Optional.empty() : Optional.of(copy(e.getValue()));
    }

    /** Writes a live item (new or changed) and returns its entry with the new version. */
    synchronized Entry put(String folder, String id, ObjectNode data) {
        Entry entry = index(new Entry(folder, id, ++version, false, data.deepCopy()));
        save();
        return copy(entry);
    }

    /** Turns an item into a tombstone; returns false when there was no live item. */
    synchronized boolean delete(String folder, String id) {
        Entry old = byId.getOrDefault(folder, Map.of()).get(id);
        if (old == null || old.deleted()) {
            return false;
        }
        index(new Entry(folder, id, ++version, true, old.data()));
        save();
        return true;
    }

    /** Adds many new items with one save: the sample mailbox. */
    synchronized void putAll(Collection<Entry> entries) {
        for (Entry e : entries) {
            index(new Entry(e.folder(), e.id(), ++version, false, e.data().deepCopy()));
        }
        save();
    }

    private Entry index(Entry entry) {
        Entry old = byId.computeIfAbsent(entry.folder(), f -> new HashMap<>()).put(entry.id(), entry);
        NavigableMap<Long, Entry> versions = byVersion.computeIfAbsent(entry.folder(), f -> new TreeMap<>());
        if (old != null) {
            versions.remove(old.version());
        }
        versions.put(entry.version(), entry);
        return entry;
    }

    private static Entry copy(Entry e) {
        return new Entry(e.folder(), e.id(), e.version(), e.deleted(), e.data().deepCopy());
    }

    private void save() {
        if (file == null) {
            return;
        }
        ObjectNode root = RowJson.JSON.createObjectNode();
        root.put("version", version);
        ArrayNode items = root.putArray("items");
        for (NavigableMap<Long, Entry> folder : byVersion.values()) {
            for (Entry e : folder.values()) {
                ObjectNode item = items.addObject();
                item.put("folder", e.folder());
                item.put("id", e.id());
                item.put("version", e.version());
                item.put("deleted", e.deleted());
                item.set("data", e.data());
            }
        }
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(RowJson.JSON.writeValueAsBytes(root));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.write(tmp, out);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DemoStoreException("Cannot save the demo mailbox to " + file, e);
        } catch (GeneralSecurityException e) {
            throw new DemoStoreException("Cannot encrypt the demo mailbox", e);
        }
    }

    private void load() {
        try {
            byte[] in = Files.readAllBytes(file);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
            JsonNode root = RowJson.JSON.readTree(cipher.doFinal(in, 12, in.length - 12));
            for (JsonNode item : root.get("items")) {
                index(new Entry(item.get("folder").asText(), item.get("id").asText(), item.get("version").asLong(),
                        item.get("deleted").asBoolean(), (ObjectNode) item.get("data")));
            }
            version = root.get("version").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo mailbox " + file, e);
        } catch (GeneralSecurityException e) {
            throw new DemoStoreException("Cannot decrypt the demo mailbox " + file + " (wrong demo.key?)", e);
        }
    }
}
