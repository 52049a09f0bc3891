/**
 * Images residents upload, re-encoded so no metadata (EXIF, GPS) survives and no decompression bomb is
 * decoded. A named interface of participation: budgeting's project photos use it too.
 */
@org.springframework.modulith.NamedInterface("images")
package org.baraza.participation.images;
