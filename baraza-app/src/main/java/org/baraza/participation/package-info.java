/**
 * Participation: participatory processes with phases, and the consultations (polls) held in them,
 * with secret ballots cast online, at a booth or on paper. Proposals, debates, comments, moderation and
 * notifications build on the processes and phases here. The root package is the module's API:
 * {@link org.baraza.participation.Processes} tells any module which actions a process allows now, and
 * {@link org.baraza.participation.PhaseChanged} and {@link org.baraza.participation.ConsultationClosed}
 * announce what happened. Sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation", allowedDependencies = "platform")
package org.baraza.participation;
