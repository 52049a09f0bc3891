package org.baraza.budgeting.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baraza.platform.District;
import org.baraza.platform.Districts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts results into the short sentences of the results page, in the reader's language: amounts and counts
 * formatted for the locale, one sentence per winner and per project not funded, the comparison with greedy, and
 * the map. Shared by the public page and the admin's preview, so the admin sees exactly what residents will.
 */
@Component
class ResultsPresentation {

    record WinnerView(int position, long projectId, String title, String cost, String votes, String sentence, String district,
                      boolean onMap) {
    }

    record NotFundedView(long projectId, String title, String cost, String votes, String reason) {
    }

    record ComparisonView(boolean same, List<String> onlyRule, List<String> onlyGreedy, String satisfaction) {
    }

    record HeadingView(long id, String name, String district, String budget, String spent, String left, String ballots,
                       String ruleName, String howItWorks, List<WinnerView> winners, List<NotFundedView> notFunded,
                       ComparisonView comparison, String map, String mapDescription) {
    }

    /** {@code ballotsNotOnRoll}: a heading holds more ballots than the roll has voters (imported ones have none). */
    record TurnoutView(String online, String booth, String paper, String total, boolean ballotsNotOnRoll) {
    }

    private final MessageSource messages;
    private final Districts districts;

    ResultsPresentation(MessageSource messages, Districts districts) {
        this.messages = messages;
        this.districts = districts;
    }

    List<HeadingView> headings(EditionResults results, Locale locale) {
        List<District> all = districts.list(results.edition().organization());
        Map<String, String> districtNames = all.stream().collect(Collectors.toMap(District::code, District::name, (a, b) -> a));
        List<HeadingView> views = new ArrayList<>();
        for (HeadingResult heading : results.headings()) {
            views.add(heading(heading, all, districtNames, locale));
        }
        return views;
    }

    TurnoutView turnout(EditionResults results, Locale locale) {
        long mostBallots = results.headings().stream().mapToLong(HeadingResult::ballots).max().orElse(0);
        return new TurnoutView(count(results.voters("ONLINE"), locale), count(results.voters("BOOTH"), locale),
            count(results.voters("PAPER"), locale), count(results.voters(), locale), mostBallots > results.voters());
    }

    private HeadingView heading(HeadingResult result, List<District> all, Map<String, String> districtNames, Locale locale) {
        Function<BigDecimal, String> money = amount -> money(amount, locale);
        List<WinnerView> winners = new ArrayList<>();
        List<WinnersMap.Dot> dots = new ArrayList<>();
        for (HeadingResult.Winner winner : result.winners()) {
            BallotProject project = winner.project();
            winners.add(new WinnerView(winner.position(), project.id(), project.title(), money.apply(project.cost()),
                count(winner.votes(), locale), winnerSentence(result, winner, locale),
                project.districtCode() == null ? null : districtNames.get(project.districtCode()), project.hasPoint()));
            if (project.hasPoint()) {
                dots.add(new WinnersMap.Dot(Integer.toString(winner.position()), project.title(), project.latitude(),
                    project.longitude(), true));
            }
        }
        List<NotFundedView> notFunded = new ArrayList<>();
        for (HeadingResult.NotFunded project : result.notFunded()) {
            notFunded.add(new NotFundedView(project.project().id(), project.project().title(), money.apply(project.project().cost()),
                count(project.votes(), locale), reason(result, project, locale)));
            if (project.project().hasPoint()) {
                dots.add(new WinnersMap.Dot("", project.project().title(), project.project().latitude(),
                    project.project().longitude(), false));
            }
        }
        HeadingResult.Comparison comparison = result.comparison();
        String satisfaction = message(locale, "budgetResults.comparison.satisfied",
            comparison.satisfiedUnderRule(), ruleName(result.rule(), locale), comparison.satisfiedUnderGreedy());
        ComparisonView comparisonView = new ComparisonView(comparison.same(),
            comparison.onlyRule().stream().map(BallotProject::title).toList(),
            comparison.onlyGreedy().stream().map(BallotProject::title).toList(), satisfaction);
        String district = result.heading().districtCode() == null ? null : districtNames.get(result.heading().districtCode());
        String mapTitle = message(locale, "budgetResults.map.title", result.heading().name());
        String mapDescription = message(locale, "budgetResults.map.description", dots.stream().filter(WinnersMap.Dot::winner).count(),
            (long) result.winners().size());
        String map = dots.isEmpty() ? null : WinnersMap.svg("map-" + result.heading().id(), mapTitle, mapDescription, all, dots);
        return new HeadingView(result.heading().id(), result.heading().name(), district, money.apply(result.budget()),
            money.apply(result.spent()), money.apply(result.left()), count(result.ballots(), locale), ruleName(result.rule(), locale),
            howItWorks(result, locale), winners, notFunded, comparisonView, map, mapDescription);
    }

    private String howItWorks(HeadingResult result, Locale locale) {
        if (result.equalShares()) {
            BigDecimal voters = BigDecimal.valueOf(result.ballots());
            if (result.ballots() > 0 && result.endowmentPerVoter().multiply(voters).compareTo(result.budget()) > 0) {
                // add1: the shares were raised above budget / voters, which a resident would check first
                return message(locale, "budgetResults.how.equalSharesRaised", result.ballots(), money(result.budget(), locale),
                    money(result.endowmentPerVoter(), locale),
                    money(result.budget().divide(voters, 2, RoundingMode.HALF_UP), locale));
            }
            return message(locale, "budgetResults.how.equalShares", result.ballots(), money(result.budget(), locale),
                money(result.endowmentPerVoter(), locale));
        }
        return message(locale, "budgetResults.how." + result.rule());
    }

    private String winnerSentence(HeadingResult result, HeadingResult.Winner winner, Locale locale) {
        if (result.equalShares() && !winner.byCompletion() && winner.largestPayment() != null) {
            return message(locale, "budgetResults.winner.shares", winner.votes(),
                money(result.endowmentPerVoter(), locale), money(winner.largestPayment(), locale));
        }
        if (result.equalShares()) {
            return message(locale, "budgetResults.winner.completion", winner.votes());
        }
        if (result.rule().equals("phragmen")) {
            return message(locale, "budgetResults.winner.phragmen", winner.votes());
        }
        return message(locale, winner.points() != winner.votes() ? "budgetResults.winner.points" : "budgetResults.winner.votes",
            winner.votes(), winner.points());
    }

    private String reason(HeadingResult result, HeadingResult.NotFunded project, Locale locale) {
        return switch (project.reason()) {
            case NO_SUPPORTERS -> message(locale, "budgetResults.reason.NO_SUPPORTERS");
            case SUPPORTERS_MONEY_SHORT -> message(locale, "budgetResults.reason.SUPPORTERS_MONEY_SHORT",
                project.votes(), money(project.supportersMoneyLeft(), locale), money(project.project().cost(), locale));
            case BUDGET_EXHAUSTED -> message(locale, "budgetResults.reason.BUDGET_EXHAUSTED", money(result.left(), locale),
                money(project.project().cost(), locale));
            case INCOMPATIBLE_WITH_WINNER -> message(locale, "budgetResults.reason.INCOMPATIBLE_WITH_WINNER");
        };
    }

    /** The edition's name, or "Participatory budget N" for one without a title. */
    static String title(Edition edition, ResultsPresentation presentation, Locale locale) {
        return edition.title() != null ? edition.title()
            : presentation.message(locale, "budgetResults.untitled", Long.toString(edition.id()));
    }

    String ruleName(String rule, Locale locale) {
        return message(locale, "budgetResults.rule." + rule);
    }

    private String message(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    static String count(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** Whole amounts without decimals, others with two, rounded half-up for reading (the engine keeps them exact). */
    static String money(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        boolean whole = rounded.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(whole ? 0 : 2);
        return format.format(rounded);
    }
}
