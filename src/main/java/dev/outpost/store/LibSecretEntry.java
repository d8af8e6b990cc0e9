package dev.outpost.store;

import java.util.Base64;

import com.microsoft.aad.msal4jextensions.persistence.ICacheAccessor;
import com.microsoft.aad.msal4jextensions.persistence.linux.ISecurityLibrary;
import com.sun.jna.Pointer;

/**
 * One entry of the GNOME key ring (libsecret), through the persistence extension's JNA binding of libsecret.
 * Not the extension's own {@code KeyRingAccessor}: version 1.3.0 of it needs nimbus-jose-jwt (for a charset
 * constant), which MSAL4J no longer brings. Stored like that accessor does: the bytes in Base64 under a schema
 * with two string attributes.
 */
final class LibSecretEntry implements ICacheAccessor {

    private static final int SECRET_SCHEMA_NONE = 0;
    private static final int SECRET_SCHEMA_ATTRIBUTE_STRING = 0;

    private final String schemaName;
    private final String label;
    private final String profileId;
    private final String name;

    LibSecretEntry(String schemaName, String label, String profileId, String name) {
        this.schemaName = schemaName;
        this.label = label;
        this.profileId = profileId;
        this.name = name;
    }

    /** Writes, reads back and deletes a test entry: fails where no key ring answers (no D-Bus, no libsecret). */
    void verify() {
        LibSecretEntry probe = new LibSecretEntry(schemaName, "Outpost's check that the key ring works", profileId, "probe");
        byte[] data = {'o', 'k'};
        probe.write(data);
        byte[] back = probe.read();
        probe.delete();
        if (back == null || !java.util.Arrays.equals(back, data)) {
            throw new IllegalStateException("the key ring did not give back what was stored");
        }
    }

    @Override
    public byte[] read() {
        Pointer[] error = new Pointer[1];
        String secret = ISecurityLibrary.library.secret_password_lookup_sync(schema(), null, error,
                "profile", profileId, "secret", name, null);
        check(error, "reading");
        return secret == null || secret.isEmpty() ? null : Base64.getDecoder().decode(secret);
    }

    @Override
    public void write(byte[] data) {
        Pointer[] error = new Pointer[1];
        ISecurityLibrary.library.secret_password_store_sync(schema(), null, label, Base64.getEncoder().encodeToString(data),
                null, error, "profile", profileId, "secret", name, null);
        check(error, "saving");
    }

    @Override
    public void delete() {
        Pointer[] error = new Pointer[1];
        ISecurityLibrary.library.secret_password_clear_sync(schema(), null, error, "profile", profileId, "secret", name, null);
        check(error, "deleting");
    }

    /** Made once per process: libsecret keeps schemas for good, so one per call would only leak. */
    private static volatile Pointer schema;

    private Pointer schema() {
        Pointer made = schema;
        if (made == null) {
            made = ISecurityLibrary.library.secret_schema_new(schemaName, SECRET_SCHEMA_NONE,
                    "profile", SECRET_SCHEMA_ATTRIBUTE_STRING, "secret", SECRET_SCHEMA_ATTRIBUTE_STRING, null);
            if (made == null) {
                throw new IllegalStateException("libsecret refused the schema " + schemaName);
            }
            schema = made;
        }
        return made;
    }

    /** Turns libsecret's GError (domain, code, message) into an exception; its message never holds the secret. */
    private static void check(Pointer[] error, String what) {
        if (error[0] != null) {
            Pointer gError = error[0];
            Pointer message = gError.getPointer(8);
            throw new IllegalStateException("libsecret failed " + what + " (code " + gError.getInt(4) + ": "
                    + (message == null ? "no message" : message.getString(0)) + ")");
        }
    }
}
