package io.oncoaudit.batch.x12;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** One 835 file as a lazy iterator of {@link RemitRecord}s: the file streams, one claim in memory at a time. */
public final class Remit835Files {
    private Remit835Files() { }

    public static Iterator<RemitRecord> read(Path file) {
        return read(file, null);
    }

    /** {@code transactions}: receives the number of 835 transactions read when the file is exhausted (may be null). */
    public static Iterator<RemitRecord> read(Path file, java.util.function.LongConsumer transactions) {
        String name = file.toString();
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("remittance file '" + file + "' cannot be read: " + e.getMessage(), e);
        }
        ArrayDeque<RemitRecord> queue = new ArrayDeque<>();
        Remit835Reader reader = new Remit835Reader(name, new Remit835Reader.Sink() {
            @Override
            public void remit(Remit r) {
                queue.add(new RemitRecord(r, null));
            }

            @Override
            public void reject(int position, String tag, String claimId, String reason, String segment) {
                queue.add(new RemitRecord(null, new RemitRecord.Reject(name, position, tag, claimId, reason, segment)));
            }
        });
        X12Reader x12 = X12Reader.open(in);
        return new Iterator<>() {
            boolean done;

            @Override
            public boolean hasNext() {
                while (queue.isEmpty() && !done) {
                    if (!x12.step(reader)) {
                        reader.end();
                        done = true;
                        if (transactions != null) transactions.accept(reader.transactions);
                        try {
                            in.close();
                        } catch (IOException ignored) {
                            // read to the end already
                        }
                    }
                }
                return !queue.isEmpty();
            }

            @Override
            public RemitRecord next() {
                if (!hasNext()) throw new NoSuchElementException();
                return queue.poll();
            }
        };
    }
}
