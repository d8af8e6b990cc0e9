package dev.outpost.sync;

import java.util.Optional;

import dev.outpost.model.RecordType;
import dev.outpost.model.Validation;

/**
 * Checks what an endpoint sends before it enters the store: values are normalized like a local edit, and
 * a record that breaks the model's rules is refused (it stays on the endpoint and becomes a sync issue).
 */
final class RemoteValues {

    private final Validation validation;

    RemoteValues(Validation validation) {
        this.validation = validation;
    }

    /** The record with canonical values, or the reason it cannot be taken. */
    Checked check(RecordType type, RemoteRecord remote) {
        Validation.ValidationResult result = validation.check(type, remote.values());
        if (!result.valid()) {
            return new Checked(Optional.empty(), "The " + type.id() + " sent by the server cannot be stored: "
                    + result.describe().replace(System.lineSeparator(), "; ") + ". Correct it on the server.");
        }
        return new Checked(Optional.of(new RemoteRecord(remote.remoteId(), remote.version(), result.values(),
                remote.modifiedAt())), "");
    }

    record Checked(Optional<RemoteRecord> record, String problem) {
    }
}
