package dev.outpost.ui.settings;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.outpost.model.RecordType;

/**
 * The window settings in the profile's {@code settings.json}. Reading never fails: a missing or damaged
 * file gives the defaults (a damaged one with a warning in the log). Changes are written after a short
 * quiet period on a background thread, so dragging the window does not write on every pixel, and keys
 * this class does not know (other features' settings) are kept as they were.
 */
public final class SettingsFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Duration quietPeriod;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outpost-settings-writer");
        thread.setDaemon(true);
        return thread;
    });
    private ObjectNode others = JSON.createObjectNode();
    private UiSettings current = UiSettings.DEFAULT;
    private ScheduledFuture<?> pendingWrite;

    public SettingsFile(Path file) {
        this(file, Duration.ofMillis(500));
    }

    public SettingsFile(Path file, Duration quietPeriod) {
        this.file = file;
        this.quietPeriod = quietPeriod;
    }

    /** Reads the file; the defaults when it is missing or cannot be read. */
    public synchronized UiSettings load() {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root instanceof ObjectNode object) {
                others = object;
                current = parse(object);
            } else {
                LOG.warn("{} does not hold a JSON object; using the default window settings", file);
            }
        } catch (NoSuchFileException e) {
            LOG.debug("No {} yet; using the default window settings", file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read {} ({}); using the default window settings", file, e.getMessage());
        }
        return current;
    }

    /** The settings as last loaded or changed. */
    public synchronized UiSettings current() {
        return current;
    }

    /** Changes the settings and writes them after the quiet period. */
    public synchronized void update(UnaryOperator<UiSettings> change) {
        UiSettings changed = change.apply(current);
        if (changed.equals(current)) {
            return;
        }
        current = changed;
        if (pendingWrite != null) {
            pendingWrite.cancel(false);
        }
        if (!writer.isShutdown()) {
            pendingWrite = writer.schedule(this::write, quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Writes any pending change now, then stops the writer. */
    @Override
    public void close() {
        boolean unwritten;
        synchronized (this) {
            unwritten = pendingWrite != null && pendingWrite.cancel(false);
        }
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (unwritten) {
            write();
        }
    }

    /** Runs on the writer thread, or in close() once that has stopped: never two at a time. */
    private void write() {
        String json;
        synchronized (this) {
            pendingWrite = null;
            json = toJson(current);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, json);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Cannot save the window settings to {}: {}", file, e.getMessage());
        }
    }

    private String toJson(UiSettings settings) {
        ObjectNode root = others.deepCopy();
        root.put("theme", settings.theme().id());
        root.put("recordType", settings.recordType().id());
        ObjectNode window = root.putObject("window");
        WindowPlacement placement = settings.window();
        if (placement.hasPosition()) {
            window.put("x", placement.x());
            window.put("y", placement.y());
        }
        window.put("width", placement.width());
        window.put("height", placement.height());
        window.put("maximized", placement.maximized());
        ObjectNode sync = root.putObject("sync");
        sync.put("everyMinutes", settings.schedule().minutes());
        sync.put("onStart", settings.schedule().onStart());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    private UiSettings parse(ObjectNode root) {
        UiSettings defaults = UiSettings.DEFAULT;
        Theme theme = Theme.fromId(root.path("theme").asText("")).orElse(defaults.theme());
        RecordType type = defaults.recordType();
        try {
            type = RecordType.parse(root.path("recordType").asText(type.id()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Unknown record type in {}; showing {}", file, type.pluralLabel());
        }
        JsonNode window = root.path("window");
        WindowPlacement placement = new WindowPlacement(
                number(window, "x"), number(window, "y"),
                number(window, "width"), number(window, "height"),
                window.path("maximized").asBoolean(false));
        return new UiSettings(placement, theme, type, schedule(root.path("sync")));
    }

    /** The sync schedule; absent (older files) or out of range: the default, which is what they ran with. */
    private SyncSchedule schedule(JsonNode sync) {
        SyncSchedule d = SyncSchedule.DEFAULT;
        try {
            return new SyncSchedule(sync.path("everyMinutes").asInt(d.minutes()), sync.path("onStart").asBoolean(d.onStart()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the sync interval in {}: {}", file, e.getMessage());
            return d;
        }
    }

    private static double number(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }
}
