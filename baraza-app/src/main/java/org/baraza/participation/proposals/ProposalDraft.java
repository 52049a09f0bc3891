package org.baraza.participation.proposals;

import java.util.List;
import org.baraza.participation.images.UploadedImage;

/**
 * A checked proposal form, ready to store: every text within its limits and readable, the category and
 * district the municipality's own, the point inside its area, the image re-encoded, the documents PDFs.
 *
 * @param image a new image (re-encoded, without metadata), or null to keep (or have) none
 * @param imageAlt the text alternative of the new or kept image, or null without an image
 * @param removeImage on edit: drop the current image
 * @param removeDocuments on edit: the ids of documents to drop
 */
record ProposalDraft(String title, String summary, String body, Long categoryId, String districtCode, MapPoint point,
                     UploadedImage.Clean image, String imageAlt, boolean removeImage, List<PdfUpload> documents,
                     List<Long> removeDocuments) {

    ProposalDraft {
        documents = List.copyOf(documents);
        removeDocuments = List.copyOf(removeDocuments);
    }
}
