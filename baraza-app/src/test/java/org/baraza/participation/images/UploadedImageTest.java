package org.baraza.participation.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class UploadedImageTest {

    @Test
    void aPhotoLosesItsExifAndGpsMetadata() throws IOException {
        byte[] withExif = withExif(jpeg(800, 600), "GPSLatitude 51.5074 N; camera serial SN-123456");
        assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("GPSLatitude", "Exif");

        UploadedImage.Clean clean = UploadedImage.clean(withExif).image().orElseThrow();

        String bytes = new String(clean.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("GPSLatitude", "Exif", "SN-123456");
        assertThat(clean.mediaType()).isEqualTo("image/jpeg");
        assertThat(clean.width()).isEqualTo(800);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(clean.bytes())).getHeight()).isEqualTo(600);
    }

    @Test
    void largePhotosAreScaledDown() throws IOException {
        UploadedImage.Clean clean = UploadedImage.clean(png(3200, 1000)).image().orElseThrow();
        assertThat(clean.width()).isEqualTo(UploadedImage.MAX_STORED_WIDTH);
        assertThat(clean.height()).isEqualTo(500);
        assertThat(clean.mediaType()).isEqualTo("image/png");
    }

    @Test
    void somethingThatIsNotAnImageIsRefused() {
        assertThat(UploadedImage.clean("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)).refusal())
            .contains(UploadedImage.Refusal.NOT_AN_IMAGE);
        assertThat(UploadedImage.clean("GIF89a....".getBytes(StandardCharsets.US_ASCII)).refusal())
            .contains(UploadedImage.Refusal.NOT_AN_IMAGE);
        assertThat(UploadedImage.clean(new byte[0]).refusal()).contains(UploadedImage.Refusal.EMPTY);
    }

    @Test
    void aTruncatedImageIsRefused() throws IOException {
        byte[] whole = png(200, 200);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThat(UploadedImage.clean(half).refusal()).contains(UploadedImage.Refusal.NOT_AN_IMAGE);
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() {
        // a few hundred bytes that claim 60,000 × 60,000 pixels: 14 GB once decoded
        long start = System.nanoTime();
        assertThat(UploadedImage.clean(pngClaiming(60_000, 60_000)).refusal()).contains(UploadedImage.Refusal.TOO_MANY_PIXELS);
        assertThat(UploadedImage.clean(pngClaiming(9_000, 9_000)).refusal()).contains(UploadedImage.Refusal.TOO_MANY_PIXELS);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }

    @Test
    void aHugeFileIsRefused() {
        assertThat(UploadedImage.clean(new byte[UploadedImage.MAX_BYTES + 1]).refusal()).contains(UploadedImage.Refusal.TOO_LARGE);
    }

    static byte[] jpeg(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    /** Inserts an APP1 "Exif" segment carrying {@code text} right after the JPEG's start-of-image marker. */
    static byte[] withExif(byte[] jpeg, String text) {
        byte[] payload = ("Exif\0\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + payload.length + 4);
        out.put(jpeg, 0, 2).put((byte) 0xff).put((byte) 0xe1).putShort((short) (payload.length + 2)).put(payload)
            .put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A valid PNG header whose IHDR claims the given size, followed by almost no data. */
    static byte[] pngClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6).put((byte) 0)
            .put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(8).putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(header.array());
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
