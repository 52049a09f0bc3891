package org.baraza.participation.comments;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.web.ApiProblems;
import org.baraza.participation.web.Pages;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only JSON API of comments (docs/api-debates.md): the comments of one target, oldest first, paged.
 * Hidden comments are left out; anonymous ones carry no author, ever.
 */
@RestController
@RequestMapping("/api/v1/comments")
class CommentApi {

    private final CommentRepository repository;
    private final PostComment post;
    private final AccountDirectory accounts;
    private final ApiProblems problems;

    CommentApi(CommentRepository repository, PostComment post, AccountDirectory accounts, ApiProblems problems) {
        this.repository = repository;
        this.post = post;
        this.accounts = accounts;
        this.problems = problems;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@RequestParam(name = "target", required = false) String target,
                           @RequestParam(name = "page", required = false) String page,
                           @RequestParam(name = "size", required = false) String size, HttpServletRequest request) {
        Optional<CommentTarget> parsed = CommentTarget.parse(target);
        if (parsed.isEmpty()) {
            return problems.problem(request, HttpStatus.BAD_REQUEST, "debates.api.target.title", "debates.api.target.detail");
        }
        OrganizationId organization = CurrentMunicipality.id();
        post.target(organization, parsed.get());
        Pages<Comment> comments = repository.visible(organization, parsed.get(), Pages.page(page), Pages.size(size, 50));
        Map<Long, String> names = new HashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", parsed.get().code());
        body.put("page", comments.page());
        body.put("size", comments.size());
        body.put("total", comments.total());
        body.put("comments", comments.items().stream().map(comment -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", comment.id());
            json.put("parent", comment.parentId());
            json.put("depth", comment.depth());
            json.put("author", comment.anonymous() ? null : names.computeIfAbsent(comment.authorAccountId(),
                id -> accounts.find(organization, id).map(AccountDirectory.AccountSummary::displayName).orElse("")));
            json.put("anonymous", comment.anonymous());
            json.put("body", comment.body());
            json.put("up", comment.up());
            json.put("down", comment.down());
            json.put("createdAt", comment.createdAt().toString());
            json.put("editedAt", comment.editedAt() == null ? null : comment.editedAt().toString());
            return json;
        }).toList());
        Map<String, String> links = new LinkedHashMap<>();
        String base = "/api/v1/comments?target=" + parsed.get().code() + "&size=" + comments.size() + "&page=";
        links.put("self", base + comments.page());
        if (comments.hasNext()) {
            links.put("next", base + (comments.page() + 1));
        }
        if (comments.hasPrevious()) {
            links.put("prev", base + (comments.page() - 1));
        }
        body.put("links", links);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
