package dev.outpost.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Profiles of the test class keep their secrets in files ({@code -Doutpost.secrets=files}): a test must not fill the
 * developer's key ring. The property is set back as it was after the class.
 */
final class SecretsInFiles implements BeforeAllCallback, AfterAllCallback {

    private static final String PROPERTY = "outpost.secrets";
    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(SecretsInFiles.class);
    private static final String UNSET = "";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(HERE).put(PROPERTY, System.getProperty(PROPERTY, UNSET));
        System.setProperty(PROPERTY, "files");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String before = context.getStore(HERE).get(PROPERTY, String.class);
        if (before == null || before.equals(UNSET)) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }
}
