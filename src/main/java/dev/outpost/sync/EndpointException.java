package dev.outpost.sync;

/**
 * An endpoint could not be reached or could not answer a whole request; the message says what happened
 * and what the user can do. The run stops for that type and nothing is lost: the next run resumes.
 */
public class EndpointException extends RuntimeException {
    public EndpointException(String message) {
        super(message);
    }

    public EndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
