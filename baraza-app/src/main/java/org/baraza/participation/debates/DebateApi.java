package org.baraza.participation.debates;

import java.util.LinkedHashMap;
import java.util.Map;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.participation.web.Pages;
import org.baraza.participation.web.Participant;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The read-only JSON API of debates (docs/api-debates.md): the municipality's debates, newest first, paged;
 * one debate. Hidden debates are left out of the list and shown only as hidden, with the moderator's reason;
 * anonymous ones carry no author.
 */
@RestController
@RequestMapping(value = "/api/v1/debates", produces = MediaType.APPLICATION_JSON_VALUE)
class DebateApi {

    private final DebateRepository repository;
    private final AccountDirectory accounts;

    DebateApi(DebateRepository repository, AccountDirectory accounts) {
        this.repository = repository;
        this.accounts = accounts;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(name = "page", required = false) String page,
                             @RequestParam(name = "size", required = false) String size) {
        OrganizationId organization = CurrentMunicipality.id();
        Pages<Debate> debates = repository.list(organization, null, Pages.page(page), Pages.size(size, DebatePages.PAGE_SIZE));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", debates.page());
        body.put("size", debates.size());
        body.put("total", debates.total());
        body.put("debates", debates.items().stream().map(debate -> summary(organization, debate)).toList());
        Map<String, String> links = new LinkedHashMap<>();
        String base = "/api/v1/debates?size=" + debates.size() + "&page=";
        links.put("self", base + debates.page());
        if (debates.hasNext()) {
            links.put("next", base + (debates.page() + 1));
        }
        if (debates.hasPrevious()) {
            links.put("prev", base + (debates.page() - 1));
        }
        body.put("links", links);
        return body;
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable("id") String id) {
        OrganizationId organization = CurrentMunicipality.id();
        Debate debate = repository.find(organization, Participant.id(id))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (debate.isHidden()) {
            Map<String, Object> hidden = new LinkedHashMap<>();
            hidden.put("id", debate.id());
            hidden.put("status", debate.moderation());
            hidden.put("hiddenReason", debate.hiddenReason());
            return hidden;
        }
        Map<String, Object> body = summary(organization, debate);
        body.put("body", debate.body());
        body.put("bodyHtml", SafeMarkdown.render(debate.body()));
        return body;
    }

    private Map<String, Object> summary(OrganizationId organization, Debate debate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", debate.id());
        json.put("process", debate.process() == null ? null : debate.process().value());
        json.put("title", debate.title());
        json.put("author", debate.anonymous() ? null
            : accounts.find(organization, debate.authorAccountId()).map(AccountDirectory.AccountSummary::displayName).orElse(null));
        json.put("anonymous", debate.anonymous());
        json.put("agree", debate.agree());
        json.put("disagree", debate.disagree());
        json.put("createdAt", debate.createdAt().toString());
        json.put("editedAt", debate.editedAt() == null ? null : debate.editedAt().toString());
        json.put("links", Map.of("self", "/api/v1/debates/" + debate.id(), "html", debate.path(),
            "comments", "/api/v1/comments?target=debate:" + debate.id()));
        return json;
    }

}
