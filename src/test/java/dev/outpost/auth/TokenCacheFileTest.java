package dev.outpost.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCacheFileTest {

    @TempDir
    Path folder;

    @Test
    void whatIsWrittenIsReadBackAndDeleteForgetsIt() {
        TokenCacheStore store = TokenCacheStore.inFile(folder.resolve("sub").resolve("cache"));

        assertThat(store.read()).isEmpty();
        store.write("one".getBytes(StandardCharsets.UTF_8));
        store.write("two".getBytes(StandardCharsets.UTF_8));
        assertThat(store.read()).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("two"));
        store.delete();
        assertThat(store.read()).isEmpty();
        assertThat(folder.resolve("sub")).isEmptyDirectory();
    }

    @Test
    void aCacheThatCannotBeSavedSaysWhereAndHoldsNoCacheContent() throws Exception {
        Path blocker = folder.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        TokenCacheStore store = TokenCacheStore.inFile(blocker.resolve("cache"));

        assertThatThrownBy(() -> store.write("secret-refresh-token".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(blocker.toString())
                .hasMessageNotContaining("secret-refresh-token");
    }
}
