package dev.thinkbench.lab.session;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes session files. Reading never changes the file: whatever is wrong with it (cut short, not JSON,
 * not a session, from a newer Thinkbench, damaged content) is a {@link SessionFileException} whose message says so and
 * that the file was left as it is. Writing goes to a temporary file beside the target that is then moved over it
 * atomically, so a failed save (disk full, no permission) leaves the previous file as it was. Stateless apart from
 * its migrations; any thread.
 */
public final class SessionFile {

    /** Larger files are refused before reading (a session of a long day is a few megabytes). */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    private final SessionMigrations migrations;
    private final AtomicFiles.BytesWriter writer;

    /** Session files of this build's format and every older one it can migrate. */
    public SessionFile() {
        this(SessionMigrations.standard(), Files::write);
    }

    SessionFile(SessionMigrations migrations, AtomicFiles.BytesWriter writer) {
        this.migrations = migrations;
        this.writer = writer;
    }

    /**
     * Reads a session, migrating an older format.
     *
     * @throws SessionFileException saying what is wrong; the file is left as it is
     */
    public Session read(Path file) throws SessionFileException {
        JsonNode root;
        try {
            root = parse(file);
        } catch (SessionFileException e) {
            throw e.problem() == SessionFileException.Problem.CORRUPT ? problemSetOr(file, e) : e;
        }
        if (!root.isObject() || !Session.FORMAT_NAME.equals(root.path("format").asText(null))) {
            throw problemSetOr(file, new SessionFileException(SessionFileException.Problem.NOT_A_SESSION, file
                    + " is not a Thinkbench session: sessions are the files Session > Save writes (with \"format\": \""
                    + Session.FORMAT_NAME + "\" in them). It was left as it is.", "", null));
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw damaged(file, "it has no format version", null);
        }
        int v = version.asInt();
        if (v > migrations.current()) {
            throw new SessionFileException(SessionFileException.Problem.NEWER, "The session " + file + " is from a "
                    + "newer Thinkbench (format " + v + "; this version reads up to " + migrations.current()
                    + "). Update Thinkbench to open it; the file was left as it is.", "format " + v
                    + "; this version reads up to " + migrations.current(), null);
        }
        try {
            return SessionJson.read(migrations.upgrade((ObjectNode) root, v));
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage(), e);
        }
    }

    /**
     * The better word for a file that is no session: that it is a problem set (a JSONL or CSV file of problems picked
     * by mistake, which the Experiments tab opens), or else {@code otherwise}.
     */
    private static SessionFileException problemSetOr(Path file, SessionFileException otherwise) {
        int problems;
        try {
            problems = dev.thinkbench.core.problemset.ProblemSetReader.read(file).problems().size();
        } catch (java.io.IOException | RuntimeException e) {
            problems = 0;
        }
        if (problems == 0) {
            return otherwise;
        }
        return new SessionFileException(SessionFileException.Problem.PROBLEM_SET, file + " is a problem set ("
                + problems + (problems == 1 ? " problem" : " problems") + "), not a session: open it in the Experiments "
                + "tab with Import\u2026 beside the problem sets. It was left as it is.", "", null);
    }

    private JsonNode parse(Path file) throws SessionFileException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SessionFileException(SessionFileException.Problem.UNREADABLE, "The session " + file
                        + " is " + size / (1024 * 1024) + " MB, more than a session can be ("
                        + MAX_BYTES / (1024 * 1024) + " MB); it was left as it is.", size / (1024 * 1024) + " MB, more"
                        + " than a session can be (" + MAX_BYTES / (1024 * 1024) + " MB)", null);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (isBlank(bytes)) {
                throw new SessionFileException(SessionFileException.Problem.TRUNCATED, "The session " + file
                        + " is empty (a save cut short?); it was left as it is.", "", null);
            }
            if (!isText(bytes)) {
                throw new SessionFileException(SessionFileException.Problem.CORRUPT, "The session " + file
                        + " is not a text file (a Thinkbench session is JSON text: is it the right file?); it was left "
                        + "as it is.", "", null);
            }
            JsonNode root = SessionJson.MAPPER.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new SessionFileException(SessionFileException.Problem.TRUNCATED, "The session " + file
                        + " is empty; it was left as it is.", "", null);
            }
            return root;
        } catch (JsonParseException e) {
            if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw new SessionFileException(SessionFileException.Problem.TRUNCATED, "The session " + file
                        + " is cut short (it ends at line " + e.getLocation().getLineNr() + " in the middle of its "
                        + "content: a copy or save that did not finish?); it was left as it is.",
                        "it ends at line " + e.getLocation().getLineNr(), e);
            }
            String where = "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + dev.thinkbench.core.FileProblems.jsonWords(e.getOriginalMessage());
            throw new SessionFileException(SessionFileException.Problem.CORRUPT, "The session " + file
                    + " is not valid JSON (" + where + "); it was left as it is.", where, e);
        } catch (JsonProcessingException e) {
            throw new SessionFileException(SessionFileException.Problem.CORRUPT, "The session " + file
                    + " cannot be read as JSON (" + e.getOriginalMessage() + "); it was left as it is.",
                    e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new SessionFileException(SessionFileException.Problem.UNREADABLE, "There is no session file "
                    + file + ".", "there is no such file", e);
        } catch (SessionFileException e) {
            throw e;
        } catch (IOException e) {
            throw new SessionFileException(SessionFileException.Problem.UNREADABLE, "The session " + file
                    + " cannot be read (" + e.getMessage() + ").", e.getMessage(), e);
        }
    }

    /** Whether {@code bytes} read as UTF-8 text: no malformed sequence and no NUL or other control byte but tabs
     * and line ends (an image or an archive picked by mistake is not). */
    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static SessionFileException damaged(Path file, String what, Throwable cause) {
        return new SessionFileException(SessionFileException.Problem.DAMAGED, "The session " + file
                + " is damaged (" + what + "); it was left as it is.", what, cause);
    }

    /**
     * Writes {@code session} to {@code file} atomically, every text masked for secrets.
     *
     * @throws IOException with a message for the user: the file was not saved, and the previous one is as it was
     */
    public void write(Path file, Session session) throws IOException {
        byte[] bytes = SessionJson.write(session).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, bytes, writer);
        } catch (IOException e) {
            throw new IOException("The session was not saved to " + file + " (" + AtomicFiles.reason(e) + ")"
                    + (Files.exists(file) ? "; the file there is as it was before." : "."), e);
        }
    }
}
