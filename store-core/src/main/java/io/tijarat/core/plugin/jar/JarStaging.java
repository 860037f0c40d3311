package io.tijarat.core.plugin.jar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Copies plugin jars into a staging directory the server owns, hashing while it copies.
 *
 * <p>Why a copy: a class loader keeps its jar open for as long as it lives. Loading the operator's file
 * directly would lock it on Windows (so it could not be replaced), and on Linux an in-place overwrite
 * ({@code cp new.jar plugins/}) would change the bytes under a running class loader, which then reads
 * garbage. And the hash describes exactly the bytes that are loaded: a file swapped between hashing
 * and loading cannot slip past the allow-list.
 *
 * <p>Copies are named {@code staged-<random>-<file name>}. Leftovers of an earlier run (a crash, or a
 * file Windows kept locked) are deleted when the staging area is created, so the directory must belong
 * to one server. Thread-safe: every copy gets a unique name.
 */
public final class JarStaging {

    private static final String PREFIX = "staged-";

    private final Path directory;

    /** @param directory a directory only this server's plugin host writes to; created if missing */
    public JarStaging(Path directory) {
        this.directory = Objects.requireNonNull(directory, "staging directory");
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, PREFIX + "*")) {
                leftovers.forEach(JarStaging::deleteQuietly);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the plugin staging directory " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /**
     * Copies {@code source} and hashes the copied bytes.
     *
     * @throws IOException if the source cannot be read (for example it was deleted meanwhile)
     */
    public StagedJar stage(Path source) throws IOException {
        String fileName = source.getFileName().toString();
        Path copy = Files.createTempFile(directory, PREFIX, "-" + fileName);
        MessageDigest sha256 = newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha256);
             OutputStream out = Files.newOutputStream(copy, StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
        } catch (IOException e) {
            deleteQuietly(copy);
            throw e;
        }
        return new StagedJar(fileName, copy, HexFormat.of().formatHex(sha256.digest()));
    }

    /** The SHA-256 of a file, lower-case hex. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest sha256 = newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Deletes a staged file or directory tree; failures are ignored (the directory is scratch space). */
    public static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Scratch space: a leftover file costs disk, not correctness.
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }
}
