package dev.thinkbench.engine.local.host;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the engine host: a child JVM the app starts with its own classpath to run llama.cpp out of the
 * app's process (native crashes stay here). Speaks JSON lines: requests ({@link HostRequest}) on stdin, events
 * ({@link HostEvent}) on stdout; stderr carries llama.cpp's warnings and errors. Exits when stdin closes, so it dies
 * with the app; llama.cpp's threads are native and do not hold the JVM, so returning from main is enough.
 */
public final class HostMain {

    /**
     * Written to stderr, followed by a request id, just before the host answers that request with an error: every
     * engine log line about the failure came before it. The app does not keep the mark in the engine log.
     */
    public static final String LOG_MARK = "\u0001thinkbench-answered ";

    private HostMain() {
    }

    public static void main(String[] args) throws Exception {
        OutputStream protocol = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        // Anything printed by accident must not land in the protocol stream.
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int status;
        try {
            status = new HostServer(in, protocol, System.err, new LlamaSession(), HostMain::exit).run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        protocol.flush();
        exit(status);
    }

    /** A clean end just returns (llama.cpp's threads are native and hold nothing); a failure exits with its status. */
    private static void exit(int status) {
        System.err.flush();
        if (status != 0) {
            System.exit(status);
        }
    }
}
