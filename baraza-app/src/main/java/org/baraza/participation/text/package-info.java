/**
 * The safe subset of Markdown residents write in, rendered with every HTML character escaped. A named
 * interface of participation: budgeting's project descriptions use it too.
 */
@org.springframework.modulith.NamedInterface("text")
package org.baraza.participation.text;
