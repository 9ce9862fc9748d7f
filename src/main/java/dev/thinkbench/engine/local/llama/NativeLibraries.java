package dev.thinkbench.engine.local.llama;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds llama.cpp's shared libraries. In order: the folder named by {@value #LIB_DIR_ENV} (any llama.cpp build, e.g.
 * a package manager's), or the system property {@value #LIB_DIR_PROPERTY}; then {@code natives/<platform>} next to
 * the app's code (a jpackage image carries it beside the jar, a Maven build has it at {@code target/natives}); then
 * {@code target/natives/<platform>} and {@code natives/<platform>} under {@code -Dthinkbench.home}. The build puts the
 * pinned {@value #PINNED} libraries at {@code target/natives/<platform>} ({@code src/build/natives.mjs}).
 *
 * <p>Stateless and thread-safe; {@link #locate()} reads the file system.
 */
public final class NativeLibraries {

    /** Environment variable naming a folder with a llama.cpp build ({@code libllama} and {@code libggml}). */
    public static final String LIB_DIR_ENV = "THINKBENCH_LLAMA_LIB_DIR";
    /** System property with the same meaning as {@link #LIB_DIR_ENV}. */
    public static final String LIB_DIR_PROPERTY = "thinkbench.llama.lib.dir";
    /** The app's home (its checkout or install folder), set by the launcher. */
    public static final String HOME_PROPERTY = "thinkbench.home";
    /**
     * The pinned libraries the build fetches on Linux; macOS and Windows get {@value #PINNED_MAC_WINDOWS}, the newest
     * the npm registry serves for them (src/build/natives.lock).
     */
    public static final String PINNED = "@node-llama-cpp 3.22.1 (llama.cpp v0.5.0)";
    /** The pinned libraries on macOS and Windows: llama.h differs from v0.5.0's by nothing the binding calls. */
    public static final String PINNED_MAC_WINDOWS = "@node-llama-cpp 3.21.1 (llama.cpp v0.4.0)";

    /** The pinned release for this machine's platform, for messages. */
    public static String pinned() {
        String p = platform();
        return p.startsWith("mac") || p.startsWith("win") ? PINNED_MAC_WINDOWS : PINNED;
    }

    /** libllama.so, libllama.so.0, libllama.v0.5.0.so, libllama.metal.v0.4.0.dylib (a GPU variant), llama.dll... */
    private static final Pattern LLAMA = Pattern.compile(
            "(lib)?llama(\\.[a-z]+)?(\\.v[0-9.]+)?\\.(so|dylib|dll)(\\.[0-9.]+)?");
    private static final Pattern GGML = Pattern.compile(
            "(lib)?ggml(\\.[a-z]+)?(\\.v[0-9.]+)?\\.(so|dylib|dll)(\\.[0-9.]+)?");

    /**
     * Where the libraries are.
     *
     * @param directory the folder (CPU backends such as {@code libggml-cpu-haswell.so} are loaded from it)
     * @param origin how it was found, for diagnostics
     */
    public record Location(Path directory, Path llama, Path ggml, String origin) {
    }

    private NativeLibraries() {
    }

    /** The platform folder name, e.g. {@code linux-x64}, {@code mac-arm64}, {@code win-x64}. */
    public static String platform() {
        return platform(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String family = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "mac"
                : os.startsWith("windows") ? "win" : os.replace(' ', '_');
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return family + "-" + arch;
    }

    /** Finds the libraries as the class comment says. */
    public static Location locate() {
        return locate(System::getenv, System::getProperty, codeLocation());
    }

    /**
     * The lookup with its inputs given (tests).
     *
     * @param env environment variables
     * @param properties system properties
     * @param code the folder or jar holding this class, null when unknown
     */
    static Location locate(Function<String, String> env, Function<String, String> properties, Path code) {
        String explicit = firstNonBlank(env.apply(LIB_DIR_ENV), properties.apply(LIB_DIR_PROPERTY));
        if (explicit != null) {
            Path dir = Path.of(explicit);
            return inDirectory(dir, LIB_DIR_ENV).orElseThrow(() -> new NativeLibrariesMissingException(
                    LIB_DIR_ENV + " points at " + dir + ", which holds no llama.cpp build (libllama and libggml "
                            + "shared libraries)"));
        }
        String platform = platform();
        List<Path> candidates = new ArrayList<>();
        if (code != null) {
            Path folder = Files.isDirectory(code) ? code : code.getParent();
            if (folder != null) {
                candidates.add(folder.resolve("natives").resolve(platform));
                if (folder.getParent() != null) {
                    candidates.add(folder.getParent().resolve("natives").resolve(platform));
                }
            }
        }
        String home = properties.apply(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home, "target", "natives", platform));
            candidates.add(Path.of(home, "natives", platform));
        }
        for (Path candidate : candidates) {
            Optional<Location> found = inDirectory(candidate, "bundled");
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new NativeLibrariesMissingException("The built-in engine's llama.cpp libraries (" + pinned() + ") were "
                + "not found for " + platform + " (looked in " + candidates + "). Build Thinkbench with Maven, which "
                + "fetches them with npm (install Node.js and npm first, e.g. apt-get install npm), or set "
                + LIB_DIR_ENV + " to a folder holding a llama.cpp build (libllama and libggml).");
    }

    /** The libraries in {@code dir}, if it holds both. */
    static Optional<Location> inDirectory(Path dir, String origin) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path llama = null;
        Path ggml = null;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (llama == null && LLAMA.matcher(name).matches()) {
                    llama = f;
                } else if (ggml == null && GGML.matcher(name).matches()) {
                    ggml = f;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return llama == null || ggml == null ? Optional.empty()
                : Optional.of(new Location(dir.toAbsolutePath(), llama.toAbsolutePath(), ggml.toAbsolutePath(),
                origin));
    }

    private static Path codeLocation() {
        try {
            CodeSource source = NativeLibraries.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
