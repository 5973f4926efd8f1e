package io.oncoaudit.api.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files and folders only their owner can read (0600 / 0700), on POSIX file systems. */
final class Private {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private Private() { }

    static void directory(Path dir) throws IOException {
        if (POSIX) Files.setPosixFilePermissions(dir, DIR);
    }

    /** Writes the file with mode 0600 from its first byte (a temporary file renamed into place). */
    static Path write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (POSIX) Files.createFile(tmp, PosixFilePermissions.asFileAttribute(FILE));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (POSIX) Files.setPosixFilePermissions(file, FILE);
        return file;
    }
}
