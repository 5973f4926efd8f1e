package io.oncoaudit.core.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: bad bytes are reported with their offset instead of becoming U+FFFD silently. */
final class Utf8 {
    private Utf8() { }

    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        final int byteOffset;

        MalformedException(int byteOffset) {
            super("input is not UTF-8: invalid byte sequence at byte offset " + byteOffset);
            this.byteOffset = byteOffset;
        }
    }

    static String decode(byte[] bytes) throws MalformedException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never yields more chars than bytes
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) throw new MalformedException(in.position());
        r = dec.flush(out);
        if (r.isError()) throw new MalformedException(in.position());
        out.flip();
        return out.toString();
    }
}
