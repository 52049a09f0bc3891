package org.baraza.platform.accounts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baraza.platform.Municipality;
import org.baraza.platform.RoleAssignments;
import org.springframework.stereotype.Service;

/**
 * Everything the accounts area holds about one resident, as they may download it (right of access):
 * the account, the voluntary demographics, roles, and the messages sent to them. Only their own rows.
 */
@Service
class PersonalDataExport {

    private final AccountRepository accounts;
    private final Demographics demographics;
    private final RoleAssignments roles;
    private final Outbox outbox;
    private final Clock clock;

    PersonalDataExport(AccountRepository accounts, Demographics demographics, RoleAssignments roles, Outbox outbox,
                       Clock clock) {
        this.accounts = accounts;
        this.demographics = demographics;
        this.roles = roles;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A tree of plain values (maps, lists, strings, numbers) ready to write as JSON. */
    Map<String, Object> of(Municipality municipality, long accountId) {
        StoredAccount account = accounts.find(municipality.id(), accountId).orElseThrow();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", clock.instant().toString());
        export.put("municipality", municipality.name());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("id", account.id());
        identity.put("login", account.login() == null ? null : account.login().value());
        identity.put("loginChannel", account.login() == null ? null : account.login().channel().code);
        identity.put("displayName", account.displayName());
        identity.put("legalName", account.legalName());
        identity.put("language", account.language());
        identity.put("createdAt", String.valueOf(account.createdAt()));
        identity.put("confirmedAt", account.confirmedAt() == null ? null : account.confirmedAt().toString());
        export.put("account", identity);
        export.put("demographics", demographics.of(municipality.id(), accountId).map(answers -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("ageBand", answers.ageBand());
            values.put("gender", answers.gender());
            values.put("districtId", answers.districtId());
            return values;
        }).orElse(null));
        export.put("roles", roles.list(municipality.id()).stream()
            .filter(assignment -> assignment.accountId() == accountId)
            .map(assignment -> {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("role", assignment.role().name());
                values.put("departmentId", assignment.departmentId());
                return values;
            }).toList());
        List<Map<String, Object>> messages = outbox.to(municipality.id(), accountId).stream().map(message -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("channel", message.channel());
            values.put("recipient", message.recipient());
            values.put("subject", message.subject());
            values.put("body", message.body());
            values.put("createdAt", message.createdAt().toString());
            return values;
        }).toList();
        export.put("messages", messages);
        return export;
    }
}
