package org.baraza.budgeting.projects;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * A project's photo made safe to store and serve, as participation's proposal images are (that class is
 * internal to the participation module, so budgeting keeps this one): PNG or JPEG only, recognised by
 * their magic number; dimensions read before decoding so a decompression bomb is refused cheaply; pixels
 * drawn onto a fresh canvas and re-encoded, which leaves EXIF, GPS position and every other metadata behind;
 * at most 1600 pixels wide (the schema's comment on budget_project.image).
 */
final class ProjectImage {

    static final int MAX_BYTES = 5_000_000;
    static final int MAX_PIXELS = 40_000_000;
    static final int MAX_SIDE = 10_000;
    static final int MAX_WIDTH = 1600;

    /** The clean image, or the message key of why there is none. */
    record Outcome(byte[] bytes, String mediaType, String refusal) {
        static Outcome refused(String reason) {
            return new Outcome(null, null, "budgets.error.image." + reason);
        }
    }

    private ProjectImage() {
    }

    static Outcome clean(byte[] upload) {
        if (upload == null || upload.length == 0) {
            return Outcome.refused("empty");
        }
        if (upload.length > MAX_BYTES) {
            return Outcome.refused("tooLarge");
        }
        String format = sniff(upload);
        if (format == null) {
            return Outcome.refused("notAnImage");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (input == null || !readers.hasNext()) {
                return Outcome.refused("notAnImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return Outcome.refused("notAnImage");
                }
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    return Outcome.refused("tooManyPixels");
                }
                return reencode(reader.read(0), format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            // truncated or malformed: ImageIO says so in many ways, all of them "not an image"
            return Outcome.refused("notAnImage");
        }
    }

    static String sniff(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "png";
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        return null;
    }

    private static Outcome reencode(BufferedImage decoded, String format) throws IOException {
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        if (width > MAX_WIDTH) {
            height = Math.max(1, (int) Math.round((double) height * MAX_WIDTH / width));
            width = MAX_WIDTH;
        }
        boolean png = format.equals("png");
        BufferedImage canvas = new BufferedImage(width, height, png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            if (!png) {
                graphics.setColor(Color.WHITE);
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
        if (out.size() > MAX_BYTES) {
            return Outcome.refused("tooLarge");
        }
        return new Outcome(out.toByteArray(), png ? "image/png" : "image/jpeg", null);
    }
}
