package dev.outpost.ui.conflicts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.outpost.model.Field;
import dev.outpost.model.RecordType;

/**
 * One field whose value differs between this computer and the server, with the value both last agreed on.
 * Values are canonical text; a missing value is the empty text.
 *
 * @param base   the last synced value
 * @param mine   this computer's value
 * @param server the server's value
 */
public record FieldDifference(Field field, String base, String mine, String server) {

    /** Whether this computer changed the field since the last sync. */
    public boolean mineChanged() {
        return !mine.equals(base);
    }

    /** Whether the server changed the field since the last sync. */
    public boolean serverChanged() {
        return !server.equals(base);
    }

    /** Changed on both sides to different values: only the user can decide. */
    public boolean collision() {
        return mineChanged() && serverChanged();
    }

    /**
     * The fields that differ between the two sides, in the type's field order. A field both sides changed to
     * the same value, or neither changed, is left out: there is nothing to choose.
     */
    public static List<FieldDifference> between(RecordType type, Map<String, String> base, Map<String, String> mine,
                                                 Map<String, String> server) {
        List<FieldDifference> result = new ArrayList<>();
        for (Field field : type.fields()) {
            String b = base.getOrDefault(field.name(), "");
            String m = mine.getOrDefault(field.name(), "");
            String s = server.getOrDefault(field.name(), "");
            if (!m.equals(s)) {
                result.add(new FieldDifference(field, b, m, s));
            }
        }
        return result;
    }

    /** The fields one side changed since the last sync (what deleting the record would lose). */
    public static List<FieldDifference> changedOn(RecordType type, Map<String, String> base, Map<String, String> changed,
                                                  boolean mineIsTheChangedSide) {
        List<FieldDifference> result = new ArrayList<>();
        for (Field field : type.fields()) {
            String b = base.getOrDefault(field.name(), "");
            String c = changed.getOrDefault(field.name(), "");
            if (!c.equals(b)) {
                result.add(mineIsTheChangedSide ? new FieldDifference(field, b, c, "") : new FieldDifference(field, b, "", c));
            }
        }
        return result;
    }
}
