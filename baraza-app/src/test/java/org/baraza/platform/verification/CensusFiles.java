package org.baraza.platform.verification;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Census files for tests: small ones line by line, large ones generated as they are read. */
final class CensusFiles {

    static final String HEADER = "document_number,birth_date,district";

    private CensusFiles() {
    }

    static byte[] csv(String... rows) {
        return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static InputStream stream(String... rows) {
        return new ByteArrayInputStream(csv(rows));
    }

    /** A census of {@code rows} residents ({@code <prefix>0000000}, …), produced on the fly: never in memory whole. */
    static InputStream generated(String prefix, int rows) {
        return new InputStream() {
            private byte[] current = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
            private int position;
            private int next;
            private final StringBuilder line = new StringBuilder(32);

            @Override
            public int read() {
                if (position == current.length && !advance()) {
                    return -1;
                }
                return current[position++] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                int copied = 0;
                while (copied < length) {
                    if (position == current.length && !advance()) {
                        break;
                    }
                    int n = Math.min(length - copied, current.length - position);
                    System.arraycopy(current, position, buffer, offset + copied, n);
                    position += n;
                    copied += n;
                }
                return copied == 0 ? -1 : copied;
            }

            private boolean advance() {
                if (next >= rows) {
                    return false;
                }
                int i = next++;
                line.setLength(0);
                line.append(prefix);
                String number = Integer.toString(i);
                line.append("0000000", 0, 7 - number.length()).append(number).append(',');
                int month = 1 + i % 12;
                int day = 1 + i % 28;
                line.append(1930 + i % 80).append(month < 10 ? "-0" : "-").append(month).append(day < 10 ? "-0" : "-").append(day)
                    .append(',').append(i % 2 == 0 ? "north" : "south").append('\n');
                current = line.toString().getBytes(StandardCharsets.US_ASCII);
                position = 0;
                return true;
            }
        };
    }

    /** The length in bytes of {@link #generated} with the same arguments, for a Content-Length. */
    static long generatedLength(String prefix, int rows) {
        long length = HEADER.length() + 1;
        int line = prefix.length() + 7 + 1 + 10 + 1 + 1;
        for (int i = 0; i < rows; i++) {
            length += line + (i % 2 == 0 ? "north" : "south").length();
        }
        return length;
    }
}
