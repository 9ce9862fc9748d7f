package dev.thinkbench.engine.local.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether the built-in engine may hand a file to llama.cpp: the structural checks of {@link GgufReader},
 * then the model checks (an architecture the bundled llama.cpp knows and that generates text, the keys its loader
 * requires, the token embedding and a tensor for every block). Each failure is a {@link GgufFormatException} naming
 * the check and the value. Passing does not prove the weights are sensible, only that native code will not be fed
 * a malformed file.
 *
 * <p>Stateless and thread-safe; blocks on file I/O.
 */
public final class GgufValidator {

    private GgufValidator() {
    }

    /** Reads and validates the file, returning what the UI shows about it. */
    public static GgufModelInfo validate(Path path) throws GgufFormatException, IOException {
        return validate(GgufReader.read(path));
    }

    /** Validates an already parsed header. */
    public static GgufModelInfo validate(GgufFile file) throws GgufFormatException {
        String arch = checkArchitecture(file);
        requireInteger(file, arch + ".context_length");
        requireInteger(file, arch + ".embedding_length");
        long blocks = requireInteger(file, arch + ".block_count");
        if (LlamaCppArchitectures.requiresRmsEpsilon(arch)) {
            requireInteger(file, arch + ".attention.head_count");
            requireFloat(file, arch + ".attention.layer_norm_rms_epsilon");
        }
        checkTokenizer(file);
        checkTensors(file, blocks);
        return info(file, arch);
    }

    private static String checkArchitecture(GgufFile file) throws GgufFormatException {
        Object value = file.metadata().get("general.architecture");
        if (value == null) {
            throw new GgufFormatException(GgufCheck.REQUIRED_KEY, "general.architecture is missing");
        }
        if (!(value instanceof String arch)) {
            throw new GgufFormatException(GgufCheck.KEY_TYPE, "general.architecture is not a string: " + value);
        }
        if (!LlamaCppArchitectures.isKnown(arch)) {
            throw new GgufFormatException(GgufCheck.ARCHITECTURE, "'" + arch + "' is not supported by the built-in "
                    + "engine (llama.cpp " + LlamaCppArchitectures.BUILD + "); it knows "
                    + String.join(", ", LlamaCppArchitectures.known()));
        }
        if (!LlamaCppArchitectures.generatesText(arch)) {
            throw new GgufFormatException(GgufCheck.ARCHITECTURE, "'" + arch + "' is an encoder or audio model and "
                    + "cannot continue text");
        }
        return arch;
    }

    private static long requireInteger(GgufFile file, String key) throws GgufFormatException {
        Object value = file.metadata().get(key);
        if (value == null) {
            throw new GgufFormatException(GgufCheck.REQUIRED_KEY, key + " is missing");
        }
        if (value instanceof GgufArray array && array.count() > 0 && !array.elided()
                && array.values().getFirst() instanceof Long first) {
            return first;
        }
        if (!(value instanceof Long l)) {
            throw new GgufFormatException(GgufCheck.KEY_TYPE, key + " must be an integer, is " + describe(value));
        }
        if (l < 0) {
            throw new GgufFormatException(GgufCheck.KEY_TYPE, key + " must not be negative, is " + l);
        }
        return l;
    }

    private static void requireFloat(GgufFile file, String key) throws GgufFormatException {
        Object value = file.metadata().get(key);
        if (value == null) {
            throw new GgufFormatException(GgufCheck.REQUIRED_KEY, key + " is missing");
        }
        if (!(value instanceof Float) && !(value instanceof Double)) {
            throw new GgufFormatException(GgufCheck.KEY_TYPE, key + " must be a float, is " + describe(value));
        }
    }

    private static void checkTokenizer(GgufFile file) throws GgufFormatException {
        Object model = file.metadata().get("tokenizer.ggml.model");
        if (model == null) {
            throw new GgufFormatException(GgufCheck.REQUIRED_KEY, "tokenizer.ggml.model is missing");
        }
        if (!(model instanceof String name)) {
            throw new GgufFormatException(GgufCheck.KEY_TYPE, "tokenizer.ggml.model must be a string, is "
                    + describe(model));
        }
        if (name.equals("none")) {
            return;
        }
        GgufArray tokens = file.array("tokenizer.ggml.tokens");
        if (tokens == null || tokens.elementType() != GgufValueType.STRING || tokens.count() == 0) {
            throw new GgufFormatException(GgufCheck.REQUIRED_KEY, "tokenizer.ggml.tokens must be a non-empty "
                    + "string array, is " + describe(file.metadata().get("tokenizer.ggml.tokens")));
        }
        for (String parallel : new String[] {"tokenizer.ggml.scores", "tokenizer.ggml.token_type"}) {
            GgufArray array = file.array(parallel);
            if (array != null && array.count() != tokens.count()) {
                throw new GgufFormatException(GgufCheck.ARRAY_LENGTH, parallel + " has " + array.count()
                        + " entries for " + tokens.count() + " tokens");
            }
        }
    }

    private static void checkTensors(GgufFile file, long blocks) throws GgufFormatException {
        Set<String> names = new HashSet<>();
        file.tensors().forEach(t -> names.add(t.name()));
        if (!names.contains("token_embd.weight")) {
            throw new GgufFormatException(GgufCheck.MISSING_TENSOR, "token_embd.weight is missing");
        }
        Set<Long> blocksSeen = new HashSet<>();
        for (String name : names) {
            if (name.startsWith("blk.")) {
                int dot = name.indexOf('.', 4);
                try {
                    blocksSeen.add(Long.parseLong(name.substring(4, dot < 0 ? name.length() : dot)));
                } catch (NumberFormatException notABlock) {
                    // a name like blk.x is not a block tensor; llama.cpp ignores nothing, but it is not ours to judge
                }
            }
        }
        for (long b = 0; b < blocks; b++) {
            if (!blocksSeen.contains(b)) {
                throw new GgufFormatException(GgufCheck.MISSING_TENSOR, "block " + b + " of " + blocks
                        + " has no tensors (blk." + b + ".*)");
            }
        }
    }

    private static GgufModelInfo info(GgufFile file, String arch) {
        String name = file.string("general.name");
        if (name == null || name.isBlank()) {
            name = file.path().getFileName().toString().replaceFirst("(?i)\\.gguf$", "");
        }
        Long fileType = file.integer("general.file_type");
        String quantization = fileType == null ? null : LlamaFileType.name(fileType);
        if (quantization == null) {
            quantization = dominantType(file);
        }
        Long context = file.integer(arch + ".context_length");
        return new GgufModelInfo(file.path(), file.fileSize(), name, arch, file.parameterCount(), quantization,
                context == null ? null : Math.toIntExact(Math.min(context, Integer.MAX_VALUE)),
                file.string("tokenizer.chat_template"), file.string("general.size_label"));
    }

    private static String dominantType(GgufFile file) {
        Map<GgmlType, Long> bytes = new EnumMap<>(GgmlType.class);
        file.tensors().forEach(t -> bytes.merge(t.type(), t.byteSize(), Long::sum));
        return bytes.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().name())
                .orElse("unknown");
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "absent";
            case GgufArray a -> "an array of " + a.count() + " " + a.elementType();
            case String s -> "the string '" + s + "'";
            default -> value.getClass().getSimpleName() + " " + value;
        };
    }
}
