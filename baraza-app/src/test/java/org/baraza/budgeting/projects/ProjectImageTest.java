package org.baraza.budgeting.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProjectImageTest {

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void exifWithAGpsPositionIsLeftBehind() throws IOException {
        byte[] jpeg = encode(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "jpeg");
        // an APP1 Exif segment right after the start-of-image marker, as a phone camera writes it
        byte[] exif = "Exif\0\0GPSLatitude 51.5074 N; Model SecretPhone".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2);
        withExif.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe1, 0, (byte) (exif.length + 2)});
        withExif.writeBytes(exif);
        withExif.write(jpeg, 2, jpeg.length - 2);
        ProjectImage.Outcome clean = ProjectImage.clean(withExif.toByteArray());
        assertThat(clean.refusal()).isNull();
        assertThat(clean.mediaType()).isEqualTo("image/jpeg");
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude", "SecretPhone", "Exif");
    }

    @Test
    void largePhotosAreScaledDownTo1600PixelsWide() throws IOException {
        ProjectImage.Outcome clean = ProjectImage.clean(encode(new BufferedImage(3200, 100, BufferedImage.TYPE_INT_RGB), "png"));
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(clean.bytes())).getWidth()).isEqualTo(1600);
    }

    @Test
    void somethingElseThanAPhotoIsRefused() {
        assertThat(ProjectImage.clean(new byte[0]).refusal()).isEqualTo("budgets.error.image.empty");
        assertThat(ProjectImage.clean("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)).refusal())
            .isEqualTo("budgets.error.image.notAnImage");
        byte[] truncated = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        assertThat(ProjectImage.clean(truncated).refusal()).isEqualTo("budgets.error.image.notAnImage");
        assertThat(ProjectImage.clean(new byte[ProjectImage.MAX_BYTES + 1]).refusal()).isEqualTo("budgets.error.image.tooLarge");
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() throws IOException {
        byte[] small = encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png");
        // rewrite the IHDR's width and height to 50,000 × 50,000 (and its checksum): 2.5 billion pixels claimed
        byte[] bomb = small.clone();
        int ihdr = 8 + 8;
        writeInt(bomb, ihdr, 50_000);
        writeInt(bomb, ihdr + 4, 50_000);
        CRC32 crc = new CRC32();
        crc.update(bomb, 12, 4 + 13);
        writeInt(bomb, ihdr + 13, (int) crc.getValue());
        assertThat(ProjectImage.clean(bomb).refusal()).isEqualTo("budgets.error.image.tooManyPixels");
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
