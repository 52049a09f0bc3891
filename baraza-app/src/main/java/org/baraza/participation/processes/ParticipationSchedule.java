package org.baraza.participation.processes;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Phase changes and consultation closings are noticed by watches that run on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ParticipationSchedule {
}
