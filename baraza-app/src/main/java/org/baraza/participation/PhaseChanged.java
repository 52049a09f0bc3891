package org.baraza.participation;

import org.baraza.platform.OrganizationId;

/**
 * A process entered a new phase (or left its last one): published once, by whichever node notices first.
 *
 * @param previous the phase it left, or null if it was between phases or had not begun
 * @param current the phase it is now in, or null if it is now between phases or over
 */
public record PhaseChanged(OrganizationId organization, ProcessId process, Phase previous, Phase current) {
}
