package org.baraza.participation.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * An image a person uploaded, made safe to store and serve: only PNG and JPEG are accepted, the
 * dimensions are read from the header before any pixel is decoded (so a small file that unpacks to
 * gigabytes, a decompression bomb, is refused cheaply), and the pixels are re-encoded from scratch, which
 * leaves every piece of metadata behind: EXIF, GPS position, camera serial, comments. Large photos are
 * scaled down to {@link #MAX_STORED_WIDTH}, which also keeps pages light.
 */
public final class UploadedImage {

    public static final int MAX_BYTES = 5_000_000;
    /** Larger than any phone camera's picture; beyond it decoding alone would take hundreds of megabytes. */
    public static final int MAX_PIXELS = 40_000_000;
    public static final int MAX_SIDE = 10_000;
    public static final int MAX_STORED_WIDTH = 1600;

    /** Why an upload was refused; each has a translated message. */
    public enum Refusal {
        EMPTY, TOO_LARGE, NOT_AN_IMAGE, TOO_MANY_PIXELS;

        public String messageKey() {
            return "image.refused." + name();
        }
    }

    /** The clean image: bytes re-encoded by us, their media type and size. */
    public record Clean(byte[] bytes, String mediaType, int width, int height) {
    }

    /** Either the clean image or why there is none. */
    public record Outcome(Optional<Clean> image, Optional<Refusal> refusal) {
        static Outcome refused(Refusal refusal) {
            return new Outcome(Optional.empty(), Optional.of(refusal));
        }
    }

    private UploadedImage() {
    }

    public static Outcome clean(byte[] upload) {
        if (upload == null || upload.length == 0) {
            return Outcome.refused(Refusal.EMPTY);
        }
        if (upload.length > MAX_BYTES) {
            return Outcome.refused(Refusal.TOO_LARGE);
        }
        String format = sniff(upload);
        if (format == null) {
            return Outcome.refused(Refusal.NOT_AN_IMAGE);
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (input == null || !readers.hasNext()) {
                return Outcome.refused(Refusal.NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return Outcome.refused(Refusal.NOT_AN_IMAGE);
                }
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    return Outcome.refused(Refusal.TOO_MANY_PIXELS);
                }
                BufferedImage decoded = reader.read(0);
                return new Outcome(Optional.of(reencode(decoded, format)), Optional.empty());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            // a truncated or malformed file: ImageIO reports it in many ways, all of them "not an image"
            return Outcome.refused(Refusal.NOT_AN_IMAGE);
        }
    }

    /** The format by its magic number, not by the name or content type the client claimed. */
    static String sniff(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "png";
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        return null;
    }

    private static Clean reencode(BufferedImage decoded, String format) throws IOException {
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        if (width > MAX_STORED_WIDTH) {
            height = Math.max(1, (int) Math.round((double) height * MAX_STORED_WIDTH / width));
            width = MAX_STORED_WIDTH;
        }
        boolean png = format.equals("png");
        // drawing onto a fresh canvas keeps only pixels: no metadata, no embedded profile or thumbnail
        BufferedImage canvas = new BufferedImage(width, height, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!png) {
                graphics.setColor(java.awt.Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.drawImage(decoded, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (png) {
            ImageIO.write(canvas, "png", out);
        } else {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam parameters = writer.getDefaultWriteParam();
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(0.85f);
                writer.write(null, new IIOImage(canvas, null, null), parameters);
            } finally {
                writer.dispose();
            }
        }
        return new Clean(out.toByteArray(), png ? "image/png" : "image/jpeg", width, height);
    }
}
