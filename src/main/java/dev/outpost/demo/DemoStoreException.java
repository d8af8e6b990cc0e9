package dev.outpost.demo;

/** The demo server's own database failed; the request gets a 500. */
final class DemoStoreException extends RuntimeException {

    DemoStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
