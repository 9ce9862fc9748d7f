package dev.thinkbench.engine.local.host;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the engine host: a child JVM the app starts with its own classpath to run llama.cpp out of the
 * app's process (native crashes, leaks and the library's non-daemon thread stay here). Speaks JSON lines: requests
 * ({@link HostRequest}) on stdin, events ({@link HostEvent}) on stdout; stderr carries whatever native code prints.
 * Exits when stdin closes, so it dies with the app.
 */
public final class HostMain {

    /**
     * Written to stderr, followed by a request id, just before the host answers that request with an error: every
     * engine log line about the failure came before it. The app does not keep the mark in the engine log.
     */
    public static final String LOG_MARK = "\u0001thinkbench-answered ";

    /** The library's extraction folder; a private one is deleted when the host exits. */
    public static final String NATIVE_DIR_PROPERTY = "de.kherud.llama.tmpdir";

    private HostMain() {
    }

    public static void main(String[] args) throws Exception {
        OutputStream protocol = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        String nativeDir = System.getProperty(NATIVE_DIR_PROPERTY);
        if (nativeDir != null) {
            // registered before the library registers its own file, so it runs after that file is gone
            new File(nativeDir).deleteOnExit();
        }
        // Library chatter such as "Extracted 'libjllama.so'" must not land in the protocol stream.
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

    /** The library's native worker thread is not a daemon: without exit the JVM would outlive the app. */
    private static void exit(int status) {
        System.err.flush();
        System.exit(status);
    }
}
