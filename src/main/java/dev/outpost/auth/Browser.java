package dev.outpost.auth;

import java.net.URL;
import java.util.function.Consumer;

/** Opens the sign-in page. The system browser for people; tests pass one that follows the page themselves. */
@FunctionalInterface
public interface Browser {

    void open(URL signInPage);

    /**
     * The desktop's default browser; where there is none (a server, an SSH session) the user is told the address to
     * open somewhere.
     */
    static Browser system(Consumer<String> tellUser) {
        return new SystemBrowser(SystemBrowser::desktop, tellUser);
    }
}
