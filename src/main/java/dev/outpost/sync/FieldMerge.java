package dev.outpost.sync;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Three-way merge of one record's fields against the base both sides agreed on at the last sync: a field
 * changed on one side only is taken from that side; changed on both sides to the same value is no
 * conflict; changed on both sides to different values is a conflict. Pure: no I/O.
 */
public final class FieldMerge {

    private FieldMerge() {
    }

    /**
     * The outcome of a merge.
     *
     * @param values        the merged values; a conflicting field holds the local value until resolved
     * @param conflicts     the fields changed on both sides to different values
     * @param fromRemote    the fields taken from the remote side because only it changed them
     * @param fromLocal     the fields kept from the local side because only it changed them
     */
    public record Result(Map<String, String> values, Set<String> conflicts, Set<String> fromRemote, Set<String> fromLocal) {
        public Result {
            values = Map.copyOf(values);
            conflicts = Set.copyOf(conflicts);
            fromRemote = Set.copyOf(fromRemote);
            fromLocal = Set.copyOf(fromLocal);
        }

        public boolean clean() {
            return conflicts.isEmpty();
        }

        /** The merged values with every conflicting field taken from the given side. */
        public Map<String, String> resolvedWith(Map<String, String> winner) {
            Map<String, String> resolved = new TreeMap<>(values);
            for (String field : conflicts) {
                String value = winner.getOrDefault(field, "");
                if (value.isEmpty()) {
                    resolved.remove(field);
                } else {
                    resolved.put(field, value);
                }
            }
            return resolved;
        }
    }

    /**
     * Merges local and remote values against the base. A missing base (two records matched by their user
     * key on a first sync) makes every differing field a conflict, except a field empty on one side.
     */
    public static Result merge(Map<String, String> base, Map<String, String> local, Map<String, String> remote, boolean hasBase) {
        Set<String> fields = new TreeSet<>(local.keySet());
        fields.addAll(remote.keySet());
        fields.addAll(base.keySet());
        Map<String, String> merged = new TreeMap<>();
        Set<String> conflicts = new TreeSet<>();
        Set<String> fromRemote = new TreeSet<>();
        Set<String> fromLocal = new TreeSet<>();
        for (String field : fields) {
            String b = base.getOrDefault(field, "");
            String l = local.getOrDefault(field, "");
            String r = remote.getOrDefault(field, "");
            String value;
            if (l.equals(r)) {
                value = l;
            } else if (hasBase ? l.equals(b) : l.isEmpty()) {
                value = r;
                fromRemote.add(field);
            } else if (hasBase ? r.equals(b) : r.isEmpty()) {
                value = l;
                fromLocal.add(field);
            } else {
                value = l;
                conflicts.add(field);
            }
            if (!value.isEmpty()) {
                merged.put(field, value);
            }
        }
        return new Result(merged, conflicts, fromRemote, fromLocal);
    }
}
