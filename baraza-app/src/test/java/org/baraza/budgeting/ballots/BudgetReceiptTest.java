package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BudgetReceiptTest {

    @Test
    void aReceiptTypedBackInAnyCaseWithLookAlikesIsTheSameReceipt() {
        BudgetReceipt receipt = BudgetReceipt.issue();
        String sloppy = receipt.code().toLowerCase().replace("0", "o").replace("1", "l").replace("-", " ");

        assertThat(BudgetReceipt.typed(sloppy)).isEqualTo(receipt);
        assertThat(BudgetReceipt.typed(sloppy).ballotHash(3)).isEqualTo(receipt.ballotHash(3));
        assertThat(BudgetReceipt.typed("not a receipt")).isNull();
        assertThat(BudgetReceipt.typed("")).isNull();
    }

    @Test
    void theBallotHashAndTheChangeKeyAreDomainSeparatedAndBoundToEditionAndAccount() {
        BudgetReceipt receipt = BudgetReceipt.issue();

        assertThat(receipt.ballotHash(3)).hasSize(32).isNotEqualTo(receipt.changeKey(3, 42)).isNotEqualTo(receipt.ballotHash(4));
        assertThat(receipt.changeKey(3, 42)).hasSize(32).isNotEqualTo(receipt.changeKey(3, 43)).isNotEqualTo(receipt.changeKey(4, 42));
    }

    @Test
    void receiptsAreRandomAndNeverPrinted() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(BudgetReceipt.issue().code());
        }
        assertThat(codes).hasSize(1000);
        BudgetReceipt receipt = BudgetReceipt.issue();
        assertThat(receipt.toString()).doesNotContain(receipt.code());
    }
}
