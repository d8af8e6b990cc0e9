package dev.outpost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SystemBrowserTest {

    private final List<String> told = new ArrayList<>();

    private static URL page() throws Exception {
        return URI.create("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=x").toURL();
    }

    @Test
    void withADesktopBrowserTheUserIsToldNothing() throws Exception {
        List<URL> opened = new ArrayList<>();
        new SystemBrowser(url -> opened.add(url), told::add).open(page());

        assertThat(opened).containsExactly(page());
        assertThat(told).isEmpty();
    }

    @Test
    void withoutADesktopBrowserTheUserIsToldTheAddress() throws Exception {
        new SystemBrowser(url -> false, told::add).open(page());

        assertThat(told).singleElement().asString().startsWith("Open this address in a browser to sign in: ")
                .endsWith(page().toString());
    }

    @Test
    void aBrowserThatFailsToStartFallsBackToTellingTheAddress() throws Exception {
        new SystemBrowser(url -> {
            throw new IllegalStateException("no display");
        }, told::add).open(page());

        assertThat(told).singleElement().asString().contains(page().toString());
    }
}
