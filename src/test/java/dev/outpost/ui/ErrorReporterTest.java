package dev.outpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.outpost.model.FieldProblem;
import dev.outpost.model.RecordType;
import dev.outpost.store.InvalidRecordException;

class ErrorReporterTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorReporter.class);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void aStoreFailureIsShownWithItsMessageButTheLogNeverQuotesTheUsersValues() {
        List<String> shown = new ArrayList<>();
        ErrorReporter reporter = shown::add;

        reporter.report(new InvalidRecordException(RecordType.CONTACT,
                List.of(new FieldProblem("email", "'secret.person@example.com' is not an e-mail address"))));

        assertThat(shown).singleElement().asString().contains("secret.person@example.com");
        assertThat(logged.list).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain("secret.person");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }
}
