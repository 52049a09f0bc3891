package org.baraza.participation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.platform.OrganizationId;

/**
 * What any module may ask about participatory processes, with "now" from the application's clock: which
 * phase a process is in and whether an action (creating proposals, supporting, commenting, voting) is open.
 * Unpublished processes and another municipality's processes are unknown here.
 */
public interface Processes {

    /** The process's phases, in order; empty for an unknown or unpublished process. */
    List<Phase> phases(OrganizationId organization, ProcessId process);

    /** The phase the process is in now; empty before the first phase, between phases and after the last. */
    Optional<Phase> currentPhase(OrganizationId organization, ProcessId process);

    /** Whether residents may do {@code action} in the process now. */
    boolean isOpen(OrganizationId organization, ProcessId process, PhaseAction action);

    /**
     * The same, for a caller about to act on the answer in its own transaction (a ballot): the process's phases
     * then stay as read until that transaction ends. A change to the phases waits for it, and an answer given
     * after a change committed sees the change, so no ballot commits after voting was ended having read it open.
     * Must run inside a transaction.
     */
    boolean isOpenWhileHeld(OrganizationId organization, ProcessId process, PhaseAction action);

    /** Whether the process is a published one of this municipality. */
    boolean exists(OrganizationId organization, ProcessId process);

    /** The titles of this municipality's published processes, newest first (at most 500), for admins choosing one. */
    Map<ProcessId, String> titles(OrganizationId organization);
}
