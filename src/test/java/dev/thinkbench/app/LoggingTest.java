package dev.thinkbench.app;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The libraries that log through SLF4J (jinjava) find a binding, so no command prints "SLF4J: Failed to load class"
 * and their messages go to java.util.logging, where System.Logger writes too.
 */
class LoggingTest {

    @Test
    void slf4jIsBoundToJavaUtilLogging() {
        assertThat(LoggerFactory.getILoggerFactory()).isNotInstanceOf(NOPLoggerFactory.class);
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).isEqualTo("org.slf4j.jul.JDK14LoggerFactory");
    }
}
