package io.omnihub.console.canned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MergeFieldsTest {

    @Test
    void fillsFieldsUsesFallbacksForMissingValuesAndLeavesOtherBracesAlone() {
        String body = "Hi {{customer.firstName|there}}, {{ agent.name }} here about #{{conversation.id}}. {not a field}";
        assertThat(MergeFields.render(body, Map.of("customer.firstName", "Ada", "agent.name", "Bo",
                "conversation.id", "42"))).isEqualTo("Hi Ada, Bo here about #42. {not a field}");
        assertThat(MergeFields.render(body, Map.of("agent.name", "Bo", "conversation.id", "42")))
                .isEqualTo("Hi there, Bo here about #42. {not a field}");
        assertThat(MergeFields.render("Order {{customer.erpNumber}}.", Map.of())).isEqualTo("Order .");
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithReplacementSyntaxOrMarkup() {
        assertThat(MergeFields.render("Dear {{customer.name}}", Map.of("customer.name", "$1 <b>\\x</b> {{agent.name}}")))
                .isEqualTo("Dear $1 <b>\\x</b> {{agent.name}}");
    }

    @Test
    void namesTheFieldsThatDoNotExist() {
        assertThat(MergeFields.unknown("{{customer.firstName}} {{customer.shoeSize}} {{agent.mood|ok}} "
                + "{{customer.shoeSize}}")).containsExactly("customer.shoeSize", "agent.mood");
        assertThat(MergeFields.unknown("plain text")).isEmpty();
    }
}
