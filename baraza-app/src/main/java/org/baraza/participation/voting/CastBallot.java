package org.baraza.participation.voting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.Processes;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.Eligibility;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.Municipality;
import org.baraza.platform.ResidentVerification;
import org.baraza.platform.VerifiedResident;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Casts a ballot in a consultation: the one service behind the online form, the officer's booth (and,
 * later, SMS and USSD). The voter goes on the roll and the ballot into the box in one transaction, or
 * neither happens. The voter gets a receipt code, which is returned here and never stored or logged.
 */
@Service
public class CastBallot {

    /** Why a ballot was not cast; nothing was stored. Each has a translated message. */
    public enum Refusal {
        NOT_OPEN_YET, CLOSED, NOT_IN_VOTING_PHASE, NOT_VERIFIED, OTHER_DISTRICT, TOO_YOUNG, ALREADY_VOTED;

        public String messageKey() {
            return "consultations.refused." + name();
        }

        static Refusal of(Eligibility eligibility) {
            return switch (eligibility) {
                case NOT_VERIFIED -> NOT_VERIFIED;
                case OTHER_DISTRICT -> OTHER_DISTRICT;
                case TOO_YOUNG -> TOO_YOUNG;
                case ELIGIBLE -> throw new IllegalArgumentException("eligible is no refusal");
            };
        }
    }

    /** What became of a ballot: cast, with the voter's receipt, or refused with the reason. */
    public sealed interface Outcome {
    }

    /** The ballot is in the box; {@code receipt} is shown to the voter once and kept nowhere. */
    public record Cast(Receipt receipt, String fingerprint) implements Outcome {
    }

    public record Refused(Refusal reason) implements Outcome {
    }

    /** The officer and booth of an in-person vote. */
    public record Booth(long officerAccountId, String name) {
    }

    private final BallotBox box;
    private final ResidentVerification verification;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;

    CastBallot(BallotBox box, ResidentVerification verification, TransactionTemplate transaction, AuditTrail audit, Clock clock) {
        this.box = box;
        this.verification = verification;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    /** A resident votes online on their own device. */
    public Outcome online(Municipality municipality, Consultation consultation, long voterAccountId, BallotPaper ballot) {
        return cast(municipality, consultation, voterAccountId, ballot, Channel.ONLINE, null);
    }

    /** A resident votes at a booth, on the officer's device; the officer is recorded on the roll and in the audit trail. */
    public Outcome atBooth(Municipality municipality, Consultation consultation, long voterAccountId, BallotPaper ballot, Booth booth) {
        return cast(municipality, consultation, voterAccountId, ballot, Channel.BOOTH, booth);
    }

    /**
     * An officer marks a resident as voting on paper: on the roll, so they cannot also vote online or at
     * another booth; their paper ballot is counted with the booth's paper totals after closing.
     */
    public Optional<Refusal> markForPaper(Municipality municipality, Consultation consultation, long voterAccountId, Booth booth) {
        Optional<VerifiedResident> resident = verification.verifiedResident(municipality.id(), voterAccountId);
        Optional<Refusal> refusal = checkBefore(municipality, consultation, resident);
        if (refusal.isPresent()) {
            return refusal;
        }
        return transaction.execute(status -> {
            Optional<Refusal> closed = checkUnderLock(municipality, consultation);
            if (closed.isPresent()) {
                return closed;
            }
            boolean enrolled = box.enrolForPaper(municipality.id(), consultation.id(), new BallotBox.Voter(voterAccountId,
                Channel.PAPER, today(municipality), resident.get().districtCode(), booth.name(), booth.officerAccountId()));
            if (!enrolled) {
                return Optional.of(Refusal.ALREADY_VOTED);
            }
            audit.record(municipality.id(), booth.officerAccountId(), "consultation.voter.marked",
                "consultation:" + consultation.id().value(), Map.of("account", Long.toString(voterAccountId), "channel", "PAPER"));
            return Optional.<Refusal>empty();
        });
    }

    private Outcome cast(Municipality municipality, Consultation consultation, long voterAccountId, BallotPaper ballot,
                         Channel channel, Booth booth) {
        Optional<VerifiedResident> resident = verification.verifiedResident(municipality.id(), voterAccountId);
        Optional<Refusal> refusal = checkBefore(municipality, consultation, resident);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        Receipt receipt = Receipt.issue();
        byte[] receiptHash = receipt.hash(consultation.id());
        BallotBox.Voter voter = new BallotBox.Voter(voterAccountId, channel, today(municipality), resident.get().districtCode(),
            booth == null ? null : booth.name(), booth == null ? null : booth.officerAccountId());
        try {
            return transaction.execute(status -> {
                Optional<Refusal> closed = checkUnderLock(municipality, consultation);
                if (closed.isPresent()) {
                    return new Refused(closed.get());
                }
                if (!box.enrolAndDeposit(municipality.id(), consultation.id(), voter, receiptHash, ballot)) {
                    return new Refused(Refusal.ALREADY_VOTED);
                }
                if (booth != null) {
                    // who voted where is not secret (it is the voter roll); what they voted is not in here
                    audit.record(municipality.id(), booth.officerAccountId(), "consultation.voter.marked",
                        "consultation:" + consultation.id().value(), Map.of("account", Long.toString(voterAccountId),
                            "channel", "BOOTH"));
                }
                return new Cast(receipt, Receipt.fingerprint(receiptHash));
            });
        } catch (DataIntegrityViolationException conflict) {
            // the roll's key decided against a concurrent attempt that got in first by another path
            return box.channelOf(consultation.id(), voterAccountId).isPresent() ? new Refused(Refusal.ALREADY_VOTED) : rethrow(conflict);
        }
    }

    private Optional<Refusal> checkBefore(Municipality municipality, Consultation consultation, Optional<VerifiedResident> resident) {
        Instant now = clock.instant();
        if (!consultation.hasOpenedAt(now)) {
            return Optional.of(Refusal.NOT_OPEN_YET);
        }
        if (consultation.hasClosedAt(now)) {
            return Optional.of(Refusal.CLOSED);
        }
        Eligibility eligibility = Eligibility.of(consultation, resident, today(municipality));
        if (eligibility != Eligibility.ELIGIBLE) {
            return Optional.of(Refusal.of(eligibility));
        }
        return Optional.empty();
    }

    /**
     * The decisive check, under the consultation's share lock: is it still open now, and is its process in a
     * phase that allows voting (the {@link Processes} rule, read in the same statement as the lock)?
     */
    private Optional<Refusal> checkUnderLock(Municipality municipality, Consultation consultation) {
        Instant now = clock.instant();
        return box.lockForVoting(municipality.id(), consultation.id(), now)
            .map(window -> window.isOpenAt(now)
                ? (window.votingPhase() ? Optional.<Refusal>empty() : Optional.of(Refusal.NOT_IN_VOTING_PHASE))
                : Optional.of(now.isBefore(window.opensAt()) ? Refusal.NOT_OPEN_YET : Refusal.CLOSED))
            .orElse(Optional.of(Refusal.CLOSED));
    }

    private LocalDate today(Municipality municipality) {
        return LocalDate.now(clock.withZone(municipality.timeZone()));
    }

    private static Outcome rethrow(RuntimeException e) {
        throw e;
    }
}
