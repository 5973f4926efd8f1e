package io.oncoaudit.batch.spark;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system, except that the first file written under a folder named by the system property
 * {@code oncoaudit.test.failOnce.under} fails when it is closed (after its bytes are on disk), once per
 * marker file ({@code oncoaudit.test.failOnce.marker}). A task attempt that writes that file fails and Spark
 * runs it again: the test checks that the failed attempt's complete-looking file is not published.
 */
public class FailOnceLocalFileSystem extends LocalFileSystem {
    public FailOnceLocalFileSystem() {
        super(new ForklessLocalFileSystem.Raw());
        setWriteChecksum(false);
    }

    @Override
    public FSDataOutputStream create(org.apache.hadoop.fs.Path f, FsPermission permission, boolean overwrite,
                                     int bufferSize, short replication, long blockSize, Progressable progress)
            throws IOException {
        FSDataOutputStream out = super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
        String under = System.getProperty("oncoaudit.test.failOnce.under");
        String marker = System.getProperty("oncoaudit.test.failOnce.marker");
        if (under == null || marker == null || !f.toString().contains(under)) return out;
        try {
            Files.createFile(Path.of(marker));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return out; // already failed once
        }
        return new FSDataOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

            @Override
            public void close() throws IOException {
                super.close();
                throw new IOException("injected failure closing " + f + " (test)");
            }
        }, null);
    }
}
