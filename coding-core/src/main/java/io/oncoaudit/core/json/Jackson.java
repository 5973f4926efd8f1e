package io.oncoaudit.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one jackson-core {@link JsonFactory} of the codec: strict RFC 8259 (Jackson's defaults: no comments, no trailing
 * commas, no leading zeros, no NaN, unescaped control characters rejected), nesting limited to
 * {@value JsonReader#MAX_DEPTH} levels, BigDecimals written in plain notation. Thread-safe; generators and parsers
 * recycle their buffers per thread.
 */
final class Jackson {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonReader.MAX_DEPTH).build())
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Jackson() { }

    /** What a writer does with a generator. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Runs {@code body} on a compact generator and returns the text it wrote. */
    static String write(Body body) {
        BufferRecycler recycler = FACTORY._getBufferRecycler(); // as ObjectMapper.writeValueAsString does
        try (SegmentedStringWriter out = new SegmentedStringWriter(recycler)) {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                body.write(g);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String sink does not fail: only a bug gets here
        } finally {
            recycler.releaseToPool();
        }
    }
}
