package org.baraza.platform.verification;

/**
 * What an upload does to the census already there. Either way a record someone is verified with stays,
 * and stays bound: a resident is never unverified by an upload.
 */
enum ImportMode {
    /** The census becomes the file: records not in it are removed (unless someone is verified with them). */
    REPLACE,
    /** The file's records are added to the census, or update the records with the same document. */
    ADD
}
