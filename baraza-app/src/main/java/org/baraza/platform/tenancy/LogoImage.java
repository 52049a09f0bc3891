package org.baraza.platform.tenancy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether uploaded bytes are a logo we may serve: a PNG or JPEG (by its own signature, not
 * the name or the type the browser claimed) that really decodes, small in bytes and in pixels, so
 * a "decompression bomb" is refused before its pixels are allocated.
 */
final class LogoImage {

    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_SIDE = 2048;

    private LogoImage() {
    }

    /** The media type of an acceptable logo, or a refusal explaining what is wrong with it. */
    static Checked check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return refused("municipality.logo.empty");
        }
        if (bytes.length > MAX_BYTES) {
            return refused("municipality.logo.tooLarge", MAX_BYTES / 1024);
        }
        String mediaType = signature(bytes);
        if (mediaType == null) {
            return refused("municipality.logo.notImage");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return refused("municipality.logo.notImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                    return refused("municipality.logo.dimensions", MAX_SIDE);
                }
                if (reader.read(0) == null) {
                    return refused("municipality.logo.notImage");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            // ImageIO reports a damaged file with IOExceptions and, for some codecs, runtime exceptions
            return refused("municipality.logo.notImage");
        }
        return new Checked(mediaType, Optional.empty());
    }

    private static String signature(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
            && bytes[4] == 0x0d && bytes[5] == 0x0a && bytes[6] == 0x1a && bytes[7] == 0x0a) {
            return "image/png";
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private static Checked refused(String key, Object... arguments) {
        return new Checked(null, Optional.of(Refusal.of("logo", key, arguments)));
    }

    record Checked(String mediaType, Optional<Refusal> refusal) {
    }
}
