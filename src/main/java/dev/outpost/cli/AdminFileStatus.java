package dev.outpost.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outpost.auth.AdminDefaults;
import dev.outpost.store.AdminSettings;

/**
 * What {@code outpost status} says about IT's admin file: which one is used (or where it was looked for), which
 * settings it sets and which of them users may not change, and why it is not used when it is not. For IT checking a
 * deployment; names keys, never values.
 */
record AdminFileStatus(AdminDefaults admin) {

    /** The keys the file gives a value for. */
    List<String> set() {
        AdminSettings it = admin.connection();
        List<String> set = new ArrayList<>();
        admin.clientId().ifPresent(v -> set.add(AdminSettings.Setting.CLIENT_ID.key()));
        admin.authority().ifPresent(v -> set.add(AdminSettings.Setting.AUTHORITY.key()));
        it.crmUrl().ifPresent(v -> set.add(AdminSettings.Setting.CRM_URL.key()));
        it.category().ifPresent(v -> set.add(AdminSettings.Setting.CATEGORY.key()));
        it.outlookLimit().ifPresent(v -> set.add(AdminSettings.Setting.OUTLOOK_LIMIT.key()));
        it.allRecords().ifPresent(v -> set.add(AdminSettings.Setting.SYNC_FILTERS.key()));
        return set;
    }

    /** The keys set whose value users may not change. */
    List<String> locked() {
        List<String> set = set();
        List<String> locked = new ArrayList<>();
        for (AdminSettings.Setting setting : AdminSettings.Setting.values()) {
            if (set.contains(setting.key()) && admin.connection().binds(setting)) {
                locked.add(setting.key());
            }
        }
        return locked;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (admin.source().isEmpty()) {
            lines.add("IT's admin file: none (looked for " + AdminDefaults.FILE_NAME + " in: "
                    + AdminDefaults.installationFiles().stream().map(Path::getParent).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")");
            return lines;
        }
        if (admin.warning().isPresent()) {
            lines.add("IT's admin file: " + admin.source().get() + " (not used)");
            lines.add("Warning: " + admin.warning().get());
            return lines;
        }
        List<String> set = set();
        List<String> locked = locked();
        lines.add("IT's admin file: " + admin.source().get());
        lines.add("  sets: " + (set.isEmpty() ? "nothing" : String.join(", ", set)) + (set.isEmpty() ? ""
                : locked.isEmpty() ? "; users may change all of them" : "; locked: " + String.join(", ", locked)));
        if (!admin.unknownKeys().isEmpty()) {
            lines.add("  keys this version does not know (not used): " + String.join(", ", admin.unknownKeys()));
        }
        return lines;
    }

    /** The same for {@code outpost status --json}. */
    void putInto(ObjectNode node) {
        ObjectNode it = node.putObject("adminFile");
        admin.source().ifPresent(file -> it.put("path", file.toString()));
        it.put("used", admin.source().isPresent() && admin.warning().isEmpty());
        admin.warning().ifPresent(w -> it.put("warning", w));
        set().forEach(it.putArray("sets")::add);
        locked().forEach(it.putArray("locked")::add);
        admin.unknownKeys().forEach(it.putArray("unknownKeys")::add);
    }
}
