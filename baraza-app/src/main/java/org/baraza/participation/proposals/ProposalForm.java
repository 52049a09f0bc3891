package org.baraza.participation.proposals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.baraza.participation.images.UploadedImage;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.TextInput;
import org.springframework.web.multipart.MultipartFile;

/**
 * The proposal form as submitted (every field a string, so that nothing typed can fail to bind), and its
 * checks. Field names are the ids the error summary links to.
 */
record ProposalForm(String title, String summary, String body, String category, String district, String latitude,
                    String longitude, String imageAlt, String removeImage, List<String> removeDocuments) {

    /** What the checks need to know of the municipality and, on edit, of the proposal as it is. */
    record Context(Set<Long> categoryIds, Set<String> districtCodes, MunicipalityArea.Box area, boolean hasImage,
                   List<ProposalDocument> documents) {
    }

    static ProposalForm empty() {
        return new ProposalForm("", "", "", "", "", "", "", "", null, List.of());
    }

    static ProposalForm of(Proposal proposal) {
        return new ProposalForm(proposal.title(), proposal.summary(), proposal.body(),
            proposal.category() == null ? "" : Long.toString(proposal.category().id()),
            proposal.districtCode() == null ? "" : proposal.districtCode(),
            proposal.point() == null ? "" : Coordinates.format(proposal.point().latitude()),
            proposal.point() == null ? "" : Coordinates.format(proposal.point().longitude()),
            proposal.imageAlt() == null ? "" : proposal.imageAlt(), null, List.of());
    }

    /** @return the draft, or null with {@code errors} saying what to fix */
    ProposalDraft check(FormErrors errors, Context context, MultipartFile imageFile, List<MultipartFile> documentFiles) {
        String checkedTitle = TextInput.check(errors, "title", title, Proposal.MAX_TITLE, true, false, "proposals.error.title");
        String checkedSummary = TextInput.check(errors, "summary", summary, Proposal.MAX_SUMMARY, true, true,
            "proposals.error.summary");
        String checkedBody = TextInput.check(errors, "body", body, Proposal.MAX_BODY, true, true, "proposals.error.body");
        Long categoryId = category(errors, context);
        String districtCode = district(errors, context);
        MapPoint point = point(errors, context);

        boolean dropImage = "true".equals(removeImage) || "on".equals(removeImage);
        UploadedImage.Clean image = image(errors, imageFile);
        boolean willHaveImage = image != null || (context.hasImage() && !dropImage);
        String alt = TextInput.check(errors, "imageAlt", imageAlt, Proposal.MAX_IMAGE_ALT, false, false,
            "proposals.error.imageAlt");
        if (willHaveImage && alt == null && !errors.has("imageAlt") && !errors.has("image")) {
            errors.reject("imageAlt", "proposals.error.imageAlt.required");
        }

        List<Long> removing = removedDocuments(context);
        List<PdfUpload> documents = documents(errors, documentFiles, context.documents().size() - removing.size());
        if (!errors.isEmpty()) {
            return null;
        }
        return new ProposalDraft(checkedTitle, checkedSummary, checkedBody, categoryId, districtCode, point, image,
            willHaveImage ? alt : null, dropImage && image == null, documents, removing);
    }

    private Long category(FormErrors errors, Context context) {
        String value = category == null ? "" : category.strip();
        if (value.isEmpty()) {
            if (!context.categoryIds().isEmpty()) {
                errors.reject("category", "proposals.error.category.required");
            }
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (context.categoryIds().contains(id)) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        errors.reject("category", "proposals.error.category.unknown");
        return null;
    }

    private String district(FormErrors errors, Context context) {
        String value = district == null ? "" : district.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!context.districtCodes().contains(value)) {
            errors.reject("district", "proposals.error.district.unknown");
            return null;
        }
        return value;
    }

    private MapPoint point(FormErrors errors, Context context) {
        String lat = latitude == null ? "" : latitude.strip();
        String lon = longitude == null ? "" : longitude.strip();
        if (lat.isEmpty() && lon.isEmpty()) {
            return null;
        }
        if (lat.isEmpty() || lon.isEmpty()) {
            errors.reject(lat.isEmpty() ? "latitude" : "longitude", "proposals.error.point.both");
            return null;
        }
        Double parsedLatitude = Coordinates.parse(lat);
        Double parsedLongitude = Coordinates.parse(lon);
        if (parsedLatitude == null || parsedLatitude < -90 || parsedLatitude > 90) {
            errors.reject("latitude", "proposals.error.latitude.invalid");
            return null;
        }
        if (parsedLongitude == null || parsedLongitude < -180 || parsedLongitude > 180) {
            errors.reject("longitude", "proposals.error.longitude.invalid");
            return null;
        }
        MapPoint point = new MapPoint(parsedLatitude, parsedLongitude);
        if (context.area() == null) {
            errors.reject("latitude", "proposals.error.point.noArea");
            return null;
        }
        if (!context.area().contains(point)) {
            errors.reject("latitude", "proposals.error.point.outside");
            return null;
        }
        return point;
    }

    private static UploadedImage.Clean image(FormErrors errors, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > UploadedImage.MAX_BYTES) {
            errors.reject("image", "proposals.image.refused.TOO_LARGE");
            return null;
        }
        UploadedImage.Outcome outcome;
        try {
            outcome = UploadedImage.clean(file.getBytes());
        } catch (IOException unreadable) {
            errors.reject("image", "proposals.image.refused.NOT_AN_IMAGE");
            return null;
        }
        if (outcome.refusal().isPresent()) {
            errors.reject("image", "proposals.image.refused." + outcome.refusal().get().name());
            return null;
        }
        return outcome.image().orElseThrow();
    }

    private List<Long> removedDocuments(Context context) {
        List<Long> removing = new ArrayList<>();
        if (removeDocuments == null) {
            return removing;
        }
        for (ProposalDocument document : context.documents()) {
            if (removeDocuments.contains(Long.toString(document.id()))) {
                removing.add(document.id());
            }
        }
        return removing;
    }

    private static List<PdfUpload> documents(FormErrors errors, List<MultipartFile> files, int kept) {
        List<PdfUpload> documents = new ArrayList<>();
        if (files == null) {
            return documents;
        }
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            if (kept + documents.size() >= PdfUpload.MAX_PER_PROPOSAL) {
                errors.reject("documents", "proposals.document.refused.TOO_MANY", PdfUpload.MAX_PER_PROPOSAL);
                return List.of();
            }
            if (file.getSize() > PdfUpload.MAX_BYTES) {
                errors.reject("documents", PdfUpload.Refusal.TOO_LARGE.messageKey());
                return List.of();
            }
            byte[] content;
            try {
                content = file.getBytes();
            } catch (IOException unreadable) {
                errors.reject("documents", PdfUpload.Refusal.NOT_A_PDF.messageKey());
                return List.of();
            }
            var refusal = PdfUpload.check(content);
            if (refusal.isPresent()) {
                errors.reject("documents", refusal.get().messageKey());
                return List.of();
            }
            documents.add(new PdfUpload(PdfUpload.safeName(file.getOriginalFilename()), content));
        }
        return documents;
    }
}
