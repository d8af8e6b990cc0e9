package dev.outpost.auth;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The desktop's browser, else the address told to the user. The address holds no secret: the code it leads to can
 * only be redeemed with this process's PKCE verifier.
 */
final class SystemBrowser implements Browser {

    private final Predicate<URL> desktop;
    private final Consumer<String> tellUser;

    /** @param desktop opens the page in the desktop's browser; false when there is none */
    SystemBrowser(Predicate<URL> desktop, Consumer<String> tellUser) {
        this.desktop = desktop;
        this.tellUser = tellUser;
    }

    @Override
    public void open(URL signInPage) {
        boolean opened;
        try {
            opened = desktop.test(signInPage);
        } catch (RuntimeException e) {
            opened = false; // the user can still open it by hand
        }
        if (!opened) {
            tellUser.accept("Open this address in a browser to sign in: " + signInPage);
        }
    }

    static boolean desktop(URL page) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(page.toURI());
                return true;
            }
            return false;
        } catch (IOException | URISyntaxException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
