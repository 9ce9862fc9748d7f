package dev.thinkbench.engine.local;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Test double of the engine host: says it is ready, writes one log line naming its pid, then reads requests and
 * never answers them (a load hung in native code, a host that ran out of memory). Exits when stdin closes.
 */
public final class SilentTestHost {

    private SilentTestHost() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("{\"type\":\"ready\",\"id\":0,\"pid\":" + ProcessHandle.current().pid() + "}");
        System.out.flush();
        System.err.println("silent test host " + ProcessHandle.current().pid() + " will not answer");
        System.err.println("environment: " + String.join(",", System.getenv().keySet()));
        System.err.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            // read and ignore
        }
    }
}
