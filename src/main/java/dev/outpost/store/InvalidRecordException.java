package dev.outpost.store;

import java.util.List;
import java.util.stream.Collectors;

import dev.outpost.model.FieldProblem;
import dev.outpost.model.RecordType;

/** A write was refused because some fields are invalid; nothing was written. */
public final class InvalidRecordException extends StoreException {

    private final transient List<FieldProblem> problems;

    public InvalidRecordException(RecordType type, List<FieldProblem> problems) {
        super("The " + type.id() + " was not saved: " + problems.stream().map(FieldProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
