package dev.thinkbench.engine.local;

import dev.thinkbench.engine.local.llama.NativeLibraries;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The environment the engine host starts with: only what a JVM and llama.cpp need (paths, locale, temp folders,
 * thread and library settings, {@value NativeLibraries#LIB_DIR_ENV}: the host loads llama.cpp from the folder the app
 * was pointed at), never the rest of the app's environment, where API keys live. So no key can reach
 * the host, and none can ever appear in the {@link EngineLog} or a failure's details.
 */
final class HostEnvironment {

    private static final Set<String> NAMES = Set.of("PATH", "HOME", "USER", "USERNAME", "LOGNAME", "LANG",
            "LANGUAGE", "TZ", "TMPDIR", "TMP", "TEMP", "JAVA_HOME", "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH",
            "DYLD_FALLBACK_LIBRARY_PATH", "SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "USERPROFILE",
            "LOCALAPPDATA", "APPDATA", "PROGRAMDATA", "NUMBER_OF_PROCESSORS", "OS", "PROCESSOR_ARCHITECTURE",
            "PROCESSOR_IDENTIFIER", NativeLibraries.LIB_DIR_ENV);
    /** Locale and tuning families; none of them carries credentials. */
    private static final Set<String> PREFIXES = Set.of("LC_", "OMP_", "GGML_", "LLAMA_", "KMP_", "XDG_");

    private HostEnvironment() {
    }

    /** Whether the host may see a variable of this name (case-insensitive, as Windows names are). */
    static boolean allowed(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.contains("KEY") || upper.contains("TOKEN") || upper.contains("SECRET")
                || upper.contains("PASSWORD")) {
            return false;
        }
        return NAMES.contains(upper) || PREFIXES.stream().anyMatch(upper::startsWith);
    }

    /** Removes from {@code environment} (a process builder's) every variable the host may not see. */
    static void restrict(Map<String, String> environment) {
        environment.keySet().removeIf(name -> !allowed(name));
    }
}
