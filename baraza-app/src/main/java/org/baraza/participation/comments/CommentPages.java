package org.baraza.participation.comments;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.SignedInAccount;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Posting, replying to, editing and voting on comments. The thread itself is shown inside the page of what
 * it comments on; these pages are the forms (works without JavaScript) and where a refused or invalid
 * comment is shown again with its message.
 */
@Controller
@RequestMapping("/comments")
class CommentPages {

    private final PostComment post;
    private final CommentRepository repository;
    private final MessageSource messages;

    CommentPages(PostComment post, CommentRepository repository, MessageSource messages) {
        this.post = post;
        this.repository = repository;
        this.messages = messages;
    }

    /** A comment's place in its thread (moderators and notifications link here). */
    @GetMapping("/{id}")
    String show(@PathVariable("id") String id) {
        OrganizationId organization = CurrentMunicipality.id();
        Comment comment = comment(organization, id);
        return "redirect:" + post.target(organization, comment.target()).path() + "#comment-" + comment.id();
    }

    @PostMapping
    String create(@ModelAttribute CommentForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        SignedInAccount author = Participant.required();
        OrganizationId organization = author.organization();
        CommentTarget target = CommentTarget.parse(form.target())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Long parent = form.parent() == null || form.parent().isBlank() ? null : Participant.id(form.parent());
        PostComment.Outcome outcome = post.post(organization, author.accountId(), target, parent, form.body(),
            form.isAnonymous(), request);
        if (outcome.done()) {
            return "redirect:" + outcome.path();
        }
        return form(model, response, outcome, target, parent, form.body(), form.isAnonymous(), null);
    }

    @GetMapping("/new")
    String newComment(@RequestParam(name = "target", required = false) String target, Model model) {
        Participant.required();
        CommentTarget parsed = CommentTarget.parse(target).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CommentTargets.Found found = post.target(CurrentMunicipality.id(), parsed);
        return form(model, null, new PostComment.Outcome(null, found.path(), null, null), parsed, null, "", false, null);
    }

    @GetMapping("/{id}/reply")
    String reply(@PathVariable("id") String id, Model model) {
        Participant.required();
        Comment comment = comment(CurrentMunicipality.id(), id);
        CommentTargets.Found found = post.target(CurrentMunicipality.id(), comment.target());
        return form(model, null, new PostComment.Outcome(null, found.path(), null, null), comment.target(), comment.id(), "",
            false, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable("id") String id, Model model) {
        SignedInAccount author = Participant.required();
        Comment comment = comment(author.organization(), id);
        if (comment.authorAccountId() != author.accountId()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        CommentTargets.Found found = post.target(author.organization(), comment.target());
        String refusal = post.mayEdit(comment, author.accountId()) ? null : "debates.comment.refused.editWindow";
        return form(model, null, new PostComment.Outcome(null, found.path(), null, refusal), comment.target(), null,
            comment.body(), comment.anonymous(), comment.id());
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable("id") String id, @RequestParam(name = "body", required = false) String body,
                HttpServletResponse response, Model model) {
        SignedInAccount author = Participant.required();
        Comment comment = comment(author.organization(), id);
        PostComment.Outcome outcome = post.edit(author.organization(), author.accountId(), comment, body);
        if (outcome.done()) {
            return "redirect:" + outcome.path();
        }
        return form(model, response, outcome, comment.target(), null, body, comment.anonymous(), comment.id());
    }

    @PostMapping("/{id}/vote")
    String vote(@PathVariable("id") String id, @RequestParam(name = "vote", required = false) String vote,
                HttpServletResponse response, Model model) {
        SignedInAccount voter = Participant.required();
        Comment comment = comment(voter.organization(), id);
        int value = switch (vote == null ? "" : vote) {
            case "up" -> 1;
            case "down" -> -1;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
        PostComment.Outcome outcome = post.vote(voter.organization(), voter.accountId(), comment, value);
        if (outcome.done()) {
            return "redirect:" + outcome.path();
        }
        return form(model, response, outcome, comment.target(), null, "", false, null);
    }

    private Comment comment(OrganizationId organization, String id) {
        return repository.find(organization, Participant.id(id))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, HttpServletResponse response, PostComment.Outcome outcome, CommentTarget target,
                        Long parent, String body, boolean anonymous, Long editing) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (outcome.errors() != null) {
            outcome.errors().getByField().forEach((field, message) -> errors.put(field,
                messages.getMessage(message.key(), message.args(), LocaleContextHolder.getLocale())));
        }
        if (response != null) {
            response.setStatus(outcome.errors() != null ? 400 : 409);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", outcome.refusal());
        model.addAttribute("back", outcome.path());
        model.addAttribute("target", target.code());
        model.addAttribute("parent", parent);
        model.addAttribute("body", body);
        model.addAttribute("anonymous", anonymous);
        model.addAttribute("editing", editing);
        return "participation/comments/form";
    }

}
