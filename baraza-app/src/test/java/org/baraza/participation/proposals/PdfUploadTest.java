package org.baraza.participation.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PdfUploadTest {

    @Test
    void aPdfIsKnownByItsFirstBytesNotItsName() {
        assertThat(PdfUpload.check("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PdfUpload.check("<html><script>".getBytes(StandardCharsets.US_ASCII))).contains(PdfUpload.Refusal.NOT_A_PDF);
        assertThat(PdfUpload.check(new byte[0])).contains(PdfUpload.Refusal.NOT_A_PDF);
        assertThat(PdfUpload.check(new byte[PdfUpload.MAX_BYTES + 1])).contains(PdfUpload.Refusal.TOO_LARGE);
    }

    @Test
    void theFileNameIsOnlyALabel() {
        assertThat(PdfUpload.safeName("C:\\Users\\amina\\plan.pdf")).isEqualTo("plan.pdf");
        assertThat(PdfUpload.safeName("../../etc/passwd")).isEqualTo("passwd.pdf");
        assertThat(PdfUpload.safeName("invoice\u202Efdp.exe")).as("no right-to-left override").isEqualTo("invoicefdp.exe.pdf");
        assertThat(PdfUpload.safeName("a\"b\r\nc.PDF")).isEqualTo("abc.pdf");
        assertThat(PdfUpload.safeName("")).isEqualTo("document.pdf");
        assertThat(PdfUpload.safeName("..")).isEqualTo("document.pdf");
        assertThat(PdfUpload.safeName("خطة الحي.pdf")).isEqualTo("خطة الحي.pdf");
        assertThat(PdfUpload.safeName("x".repeat(500))).hasSize(PdfUpload.MAX_NAME).endsWith(".pdf");
    }
}
