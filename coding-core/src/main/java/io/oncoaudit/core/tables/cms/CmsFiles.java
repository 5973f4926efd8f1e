package io.oncoaudit.core.tables.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The CMS public files shipped in the jar, listed in {@code index.txt} beside them (a jar cannot be listed). */
public final class CmsFiles {
    /** Folder of the shipped files on the classpath. */
    public static final String ROOT = "/io/oncoaudit/core/tables/cms/";
    private static volatile List<String> index;

    private CmsFiles() { }

    /** Classpath resources of the shipped files whose index path starts with the prefix ("asp/", "ndc/", "opps/", "pfs/"). */
    public static List<String> resources(String prefix) {
        List<String> out = new ArrayList<>();
        for (String p : index()) if (p.startsWith(prefix)) out.add(ROOT + p);
        return out;
    }

    /** Every path of index.txt, relative to {@link #ROOT}. */
    public static List<String> index() {
        List<String> i = index;
        if (i == null) {
            try (InputStream in = CmsFiles.class.getResourceAsStream(ROOT + "index.txt")) {
                if (in == null) throw new IllegalStateException("CMS file index not on the classpath: " + ROOT + "index.txt");
                List<String> lines = new ArrayList<>();
                for (String l : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                    if (!l.isBlank() && !l.startsWith("#")) lines.add(l.trim());
                }
                index = i = List.copyOf(lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return i;
    }

    /** File name of a resource path. */
    static String name(String resource) { return resource.substring(resource.lastIndexOf('/') + 1); }
}
