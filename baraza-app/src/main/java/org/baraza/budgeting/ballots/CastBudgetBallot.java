package org.baraza.budgeting.ballots;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.Processes;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.Municipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.ResidentVerification;
import org.baraza.platform.VerifiedResident;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Casts a budget ballot: the one service behind the online form, the officer's booth and paper sheets.
 * A voter goes on the roll and their ballot into the box in one transaction, or neither happens; the
 * receipt code is returned here and never stored or logged. An online voter may replace their ballot,
 * proving it is theirs with the receipt, until voting closes (docs/ballot-secrecy.md, "Budget ballots").
 */
@Service
class CastBudgetBallot {

    /** Why nothing was stored; each has a translated message. */
    enum Refusal {
        NOT_VERIFIED, TOO_YOUNG, NOT_OPEN, ALREADY_VOTED, NOT_ON_ROLL, NOT_ONLINE, WRONG_RECEIPT, NOT_CLOSED, RESULTS_PUBLISHED;

        String messageKey() {
            return "budgetBallots.refused." + name();
        }
    }

    sealed interface Outcome {
    }

    /** The ballot is in the box; the receipt is shown to the voter once and kept nowhere. */
    record Cast(BudgetReceipt receipt, String fingerprint) implements Outcome {
    }

    record Refused(Refusal reason) implements Outcome {
    }

    /** The ballot breaks the edition's rules: every broken rule, nothing stored. */
    record Invalid(List<Violation> violations) implements Outcome {
    }

    /**
     * An edition's process as one request finds it: published (else residents know nothing of the edition) and
     * voting open now. Read once per request; the decisive check is made again under lock when a ballot is cast.
     */
    record Status(boolean published, boolean votingOpen) {
    }

    /** The officer and booth of an in-person vote. */
    record Booth(long officerAccountId, String name) {
    }

    private final BudgetBallotBox box;
    private final ResidentVerification verification;
    private final Processes processes;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;

    CastBudgetBallot(BudgetBallotBox box, ResidentVerification verification, Processes processes, TransactionTemplate transaction,
                     AuditTrail audit, Clock clock) {
        this.box = box;
        this.verification = verification;
        this.processes = processes;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A resident votes on their own device; they may replace this ballot with its receipt until voting closes.
     * {@code status}: the edition's, as this request found it ({@link #status}).
     */
    Outcome online(Municipality municipality, BallotEdition edition, Status status, BallotOffer offer, long voterAccountId,
                   BallotOffer.Read read) {
        return cast(municipality, edition, status.votingOpen(), offer, voterAccountId, read, Channel.ONLINE, null);
    }

    /** A resident votes at a booth, on the officer's device: who was marked is audited, not what they chose. */
    Outcome atBooth(Municipality municipality, BallotEdition edition, BallotOffer offer, long voterAccountId, BallotOffer.Read read,
                    Booth booth) {
        return cast(municipality, edition, votingOpen(edition), offer, voterAccountId, read, Channel.BOOTH, booth);
    }

    /** An officer marks a resident as voting on paper: on the roll, so they cannot vote another way. */
    Optional<Refusal> markForPaper(Municipality municipality, BallotEdition edition, long voterAccountId, Booth booth) {
        Optional<VerifiedResident> resident = verification.verifiedResident(municipality.id(), voterAccountId);
        Optional<Refusal> refusal = eligibility(municipality, edition, votingOpen(edition), resident)
            .or(() -> onRoll(edition, voterAccountId));
        if (refusal.isPresent()) {
            return refusal;
        }
        try {
            return transaction.execute(status -> {
                Optional<Refusal> closed = checkUnderLock(edition);
                if (closed.isPresent()) {
                    return closed;
                }
                boolean enrolled = box.enrolForPaper(edition.organization(), edition.id(), new BudgetBallotBox.Voter(voterAccountId,
                    Channel.PAPER, today(municipality), resident.get().districtCode(), booth.name(), booth.officerAccountId()));
                if (!enrolled) {
                    return Optional.of(Refusal.ALREADY_VOTED);
                }
                audit.record(edition.organization(), booth.officerAccountId(), "budget.voter.marked", "budget-edition:" + edition.id(),
                    Map.of("account", Long.toString(voterAccountId), "channel", Channel.PAPER.name()));
                return Optional.<Refusal>empty();
            });
        } catch (DataIntegrityViolationException conflict) {
            return Optional.of(alreadyOrRethrow(edition, voterAccountId, conflict));
        }
    }

    /**
     * Replaces an online ballot: the voter proves it is theirs with its receipt. In one transaction the roll's
     * change key moves to a fresh receipt, the old ballot leaves the box and the new one goes in; a wrong
     * receipt changes nothing. Booth and paper voters have no key, so they cannot replace anything online.
     */
    Outcome replace(Municipality municipality, BallotEdition edition, Status status, BallotOffer offer, long voterAccountId,
                    String typedReceipt, BallotOffer.Read read) {
        Optional<VerifiedResident> resident = verification.verifiedResident(municipality.id(), voterAccountId);
        Optional<Refusal> refusal = eligibility(municipality, edition, status.votingOpen(), resident);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        Optional<Channel> channel = box.channelOf(edition.id(), voterAccountId);
        if (channel.isEmpty()) {
            return new Refused(Refusal.NOT_ON_ROLL);
        }
        if (channel.get() != Channel.ONLINE) {
            return new Refused(Refusal.NOT_ONLINE);
        }
        BudgetReceipt old = BudgetReceipt.typed(typedReceipt);
        if (old == null) {
            return new Refused(Refusal.WRONG_RECEIPT);
        }
        BallotOffer.Checked checked = offer.fill(resident.get().districtCode(), read.draft(), read.violations());
        if (checked instanceof BallotOffer.Invalid invalid) {
            return new Invalid(invalid.violations());
        }
        BudgetBallot ballot = ((BallotOffer.Valid) checked).ballot();
        BudgetReceipt fresh = BudgetReceipt.issue();
        byte[] freshHash = fresh.ballotHash(edition.id());
        return transaction.execute(tx -> {
            Optional<Refusal> closed = checkUnderLock(edition);
            if (closed.isPresent()) {
                return new Refused(closed.get());
            }
            // mixing moves ballots; a replacement must not look for its old ballot while it is being moved
            box.holdAgainstMixing(edition.id());
            if (!box.rekey(edition.id(), voterAccountId, old.changeKey(edition.id(), voterAccountId),
                fresh.changeKey(edition.id(), voterAccountId))) {
                return new Refused(Refusal.WRONG_RECEIPT);
            }
            if (box.withdraw(edition.id(), old.ballotHash(edition.id())) != 1) {
                // the key matched but no ballot carries its receipt: change nothing rather than leave two or none
                tx.setRollbackOnly();
                return new Refused(Refusal.WRONG_RECEIPT);
            }
            box.deposit(edition.organization(), edition.id(), freshHash, ballot);
            return new Cast(fresh, BudgetReceipt.fingerprint(freshHash));
        });
    }

    /** Whether the edition's process is published (residents' pages know nothing of the others). */
    boolean published(BallotEdition edition) {
        return processes.exists(edition.organization(), edition.process());
    }

    /** The edition's process now, in one read of it when a phase is current (as it is while voting is open). */
    Status status(BallotEdition edition) {
        // a current phase is only ever found in a published process; without one, ask whether it is published
        Optional<Phase> current = processes.currentPhase(edition.organization(), edition.process());
        boolean published = current.isPresent() || processes.exists(edition.organization(), edition.process());
        // as votingOpen: results out close voting, else the current phase says
        return new Status(published, !edition.resultsPublished() && current.map(phase -> phase.allows(PhaseAction.VOTE)).orElse(false));
    }

    /** Whether voting is open in the edition now (a phase of its process allows VOTE). */
    boolean votingOpen(BallotEdition edition) {
        return !edition.resultsPublished() && processes.isOpen(edition.organization(), edition.process(), PhaseAction.VOTE);
    }

    /** Whether voting is over: the process has voting phases and all of them have ended. */
    boolean votingClosed(BallotEdition edition) {
        List<Phase> voting = processes.phases(edition.organization(), edition.process()).stream()
            .filter(phase -> phase.allows(PhaseAction.VOTE)).toList();
        Instant now = clock.instant();
        return !voting.isEmpty() && voting.stream().noneMatch(phase -> now.isBefore(phase.endsAt()));
    }

    /** The eligibility of a person, for pages that say whether they may vote. */
    Optional<Refusal> eligibility(Municipality municipality, BallotEdition edition, long accountId) {
        return eligibility(municipality, edition, votingOpen(edition), verification.verifiedResident(municipality.id(), accountId));
    }

    /** The same, with what this request already read: the edition's {@link #status}, the person's census record ({@link #resident}). */
    Optional<Refusal> eligibility(Municipality municipality, BallotEdition edition, Status status, Optional<VerifiedResident> resident) {
        return eligibility(municipality, edition, status.votingOpen(), resident);
    }

    Optional<VerifiedResident> resident(OrganizationId organization, long accountId) {
        return verification.verifiedResident(organization, accountId);
    }

    private Outcome cast(Municipality municipality, BallotEdition edition, boolean open, BallotOffer offer, long voterAccountId,
                         BallotOffer.Read read, Channel channel, Booth booth) {
        Optional<VerifiedResident> resident = verification.verifiedResident(municipality.id(), voterAccountId);
        Optional<Refusal> refusal = eligibility(municipality, edition, open, resident);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        BallotOffer.Checked checked = offer.fill(resident.get().districtCode(), read.draft(), read.violations());
        if (checked instanceof BallotOffer.Invalid invalid) {
            // someone on the roll already is told so rather than what is wrong with this ballot
            return onRoll(edition, voterAccountId).<Outcome>map(Refused::new).orElseGet(() -> new Invalid(invalid.violations()));
        }
        // No early look at the roll for a valid ballot: its key refuses a second ballot in the statement that
        // would store it (ALREADY_VOTED below), so the look cost every first ballot a statement for nothing.
        BudgetBallot ballot = ((BallotOffer.Valid) checked).ballot();
        BudgetReceipt receipt = BudgetReceipt.issue();
        byte[] receiptHash = receipt.ballotHash(edition.id());
        byte[] changeKey = channel == Channel.ONLINE ? receipt.changeKey(edition.id(), voterAccountId) : null;
        BudgetBallotBox.Voter voter = new BudgetBallotBox.Voter(voterAccountId, channel, today(municipality),
            resident.get().districtCode(), booth == null ? null : booth.name(), booth == null ? null : booth.officerAccountId());
        try {
            return transaction.execute(status -> {
                Optional<Refusal> closed = checkUnderLock(edition);
                if (closed.isPresent()) {
                    return new Refused(closed.get());
                }
                if (!box.enrolAndDeposit(edition.organization(), edition.id(), voter, receiptHash, changeKey, ballot)) {
                    return new Refused(Refusal.ALREADY_VOTED);
                }
                if (booth != null) {
                    // who voted where is the roll, not a secret; what they chose is not in here
                    audit.record(edition.organization(), booth.officerAccountId(), "budget.voter.marked",
                        "budget-edition:" + edition.id(), Map.of("account", Long.toString(voterAccountId), "channel", channel.name()));
                }
                return new Cast(receipt, BudgetReceipt.fingerprint(receiptHash));
            });
        } catch (DataIntegrityViolationException conflict) {
            return new Refused(alreadyOrRethrow(edition, voterAccountId, conflict));
        }
    }

    private Optional<Refusal> eligibility(Municipality municipality, BallotEdition edition, boolean open,
                                          Optional<VerifiedResident> resident) {
        if (resident.isEmpty()) {
            return Optional.of(Refusal.NOT_VERIFIED);
        }
        if (edition.minimumAge() != null && !resident.get().isAtLeast(edition.minimumAge(), today(municipality))) {
            return Optional.of(Refusal.TOO_YOUNG);
        }
        if (!open) {
            return Optional.of(Refusal.NOT_OPEN);
        }
        return Optional.empty();
    }

    /** An early answer for someone already on the roll (the roll's key decides under concurrency). */
    private Optional<Refusal> onRoll(BallotEdition edition, long accountId) {
        return box.channelOf(edition.id(), accountId).map(channel -> Refusal.ALREADY_VOTED);
    }

    /** The decisive check, under the edition's share lock: still open, results not out. */
    private Optional<Refusal> checkUnderLock(BallotEdition edition) {
        Optional<Boolean> published = box.lockForVoting(edition.organization(), edition.id());
        if (published.isEmpty() || published.get()) {
            return Optional.of(Refusal.NOT_OPEN);
        }
        if (!processes.isOpenWhileHeld(edition.organization(), edition.process(), PhaseAction.VOTE)) {
            return Optional.of(Refusal.NOT_OPEN);
        }
        return Optional.empty();
    }

    private Refusal alreadyOrRethrow(BallotEdition edition, long accountId, DataIntegrityViolationException conflict) {
        if (box.channelOf(edition.id(), accountId).isPresent()) {
            return Refusal.ALREADY_VOTED;
        }
        throw conflict;
    }

    LocalDate today(Municipality municipality) {
        return LocalDate.now(clock.withZone(municipality.timeZone()));
    }
}
