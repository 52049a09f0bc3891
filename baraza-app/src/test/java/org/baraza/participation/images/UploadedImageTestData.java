package org.baraza.participation.images;

/** Crafted image files for tests elsewhere: a photo with EXIF, a decompression bomb. */
public final class UploadedImageTestData {

    private UploadedImageTestData() {
    }

    public static byte[] withExif(byte[] jpeg, String text) {
        return UploadedImageTest.withExif(jpeg, text);
    }

    public static byte[] pngClaiming(int width, int height) {
        return UploadedImageTest.pngClaiming(width, height);
    }
}
