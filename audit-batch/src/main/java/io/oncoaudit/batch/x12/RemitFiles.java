package io.oncoaudit.batch.x12;

import io.oncoaudit.batch.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files behind {@code --remits P}: the file, or every file of the folder; each must be X12 (an ISA header). */
public final class RemitFiles {
    private RemitFiles() { }

    public static List<Path> of(String what, Path path) {
        if (!Files.exists(path)) throw new InputException(what + " '" + path + "' does not exist");
        if (!Files.isReadable(path)) throw new InputException(what + " '" + path + "' is not readable");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                s.filter(Files::isRegularFile).filter(f -> visible(path.relativize(f))).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new InputException(what + " folder '" + path + "' cannot be listed: " + e.getMessage(), e);
            }
            if (files.isEmpty()) throw new InputException(what + " folder '" + path + "' holds no files");
        } else {
            files.add(path);
        }
        List<String> notX12 = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isReadable(f)) throw new InputException(what + " file '" + f + "' is not readable");
            if (!X12Reader.isX12(f)) notX12.add(f.toString());
        }
        if (!notX12.isEmpty()) {
            throw new InputException(what + ": not an X12 file (no ISA interchange header): '"
                    + String.join("', '", notX12) + "'");
        }
        return List.copyOf(files);
    }

    private static boolean visible(Path relative) {
        for (Path part : relative) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("_")) return false;
        }
        return true;
    }
}
