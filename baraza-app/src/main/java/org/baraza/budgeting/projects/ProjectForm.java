package org.baraza.budgeting.projects;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.baraza.budgeting.editions.FieldErrors;
import org.baraza.budgeting.editions.FormInput;
import org.baraza.budgeting.editions.Heading;
import org.baraza.participation.images.UploadedImage;
import org.springframework.web.multipart.MultipartFile;

/**
 * The project form as submitted (every field a string, so nothing typed fails to bind) and its checks.
 * Field names are the ids the error summary links to.
 */
record ProjectForm(String title, String description, String heading, String district, String latitude, String longitude,
                   String imageAlt, String estimatedCost) {

    static final int TITLE = 120;
    static final int DESCRIPTION = 20_000;

    static ProjectForm empty() {
        return new ProjectForm("", "", "", "", "", "", "", "");
    }

    /**
     * The project to store, or null with every problem in {@code errors}. A district heading's projects are in
     * its district; a city-wide heading's may name any district of the municipality, or none.
     */
    ProjectRepository.Draft draft(FieldErrors errors, List<Heading> headings, Set<String> districtCodes, MultipartFile image,
                                  Long author) {
        String checkedTitle = FormInput.text(errors, "title", title, TITLE, true, false);
        String checkedDescription = FormInput.text(errors, "description", description, DESCRIPTION, true, true);
        Long headingId = FormInput.id(heading);
        Heading chosen = headings.stream().filter(h -> headingId != null && h.id() == headingId).findFirst().orElse(null);
        if (chosen == null) {
            errors.reject("heading", "budgets.error.chooseHeading");
        }
        String code = district == null || district.isBlank() ? null : district.strip();
        if (code != null && !districtCodes.contains(code)) {
            errors.reject("district", "budgets.error.choose");
        } else if (chosen != null && !chosen.cityWide()) {
            if (code != null && !code.equals(chosen.districtCode())) {
                errors.reject("district", "budgets.error.districtOfHeading");
            }
            code = chosen.districtCode();
        }
        Double lat = coordinate(errors, "latitude", latitude, 90);
        Double lon = coordinate(errors, "longitude", longitude, 180);
        if ((lat == null) != (lon == null) && !errors.has("latitude") && !errors.has("longitude")) {
            errors.reject(lat == null ? "latitude" : "longitude", "budgets.error.bothCoordinates");
        }
        byte[] bytes = null;
        String mediaType = null;
        String alt = FormInput.text(errors, "imageAlt", imageAlt, 300, false, false);
        if (image != null && !image.isEmpty()) {
            if (image.getSize() > UploadedImage.MAX_BYTES) {
                errors.reject("image", "budgets.error.image.tooLarge");
            } else {
                try {
                    UploadedImage.Outcome clean = UploadedImage.clean(image.getBytes());
                    if (clean.refusal().isPresent()) {
                        errors.reject("image", switch (clean.refusal().get()) {
                            case EMPTY -> "budgets.error.image.empty";
                            case TOO_LARGE -> "budgets.error.image.tooLarge";
                            case NOT_AN_IMAGE -> "budgets.error.image.notAnImage";
                            case TOO_MANY_PIXELS -> "budgets.error.image.tooManyPixels";
                        });
                    } else {
                        bytes = clean.image().orElseThrow().bytes();
                        mediaType = clean.image().orElseThrow().mediaType();
                    }
                } catch (IOException unreadable) {
                    errors.reject("image", "budgets.error.image.notAnImage");
                }
            }
            if (alt == null && !errors.has("imageAlt")) {
                errors.reject("imageAlt", "budgets.error.imageAlt");
            }
        }
        BigDecimal cost = FormInput.amount(errors, "estimatedCost", estimatedCost, true);
        if (!errors.isEmpty()) {
            return null;
        }
        return new ProjectRepository.Draft(chosen.id(), author, checkedTitle, checkedDescription, code, lat, lon, bytes,
            mediaType, bytes == null ? null : alt, cost);
    }

    private static Double coordinate(FieldErrors errors, String field, String value, double limit) {
        String text = value == null ? "" : value.strip().replace(',', '.');
        if (text.isEmpty()) {
            return null;
        }
        try {
            double number = Double.parseDouble(text);
            if (Double.isFinite(number) && Math.abs(number) <= limit && text.matches("-?[0-9]{1,3}(\\.[0-9]{1,10})?")) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.reject(field, "budgets.error.coordinate", (int) -limit, (int) limit);
        return null;
    }
}
