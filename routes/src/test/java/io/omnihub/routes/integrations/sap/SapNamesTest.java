package io.omnihub.routes.integrations.sap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SapNamesTest {

    @Test
    void aPersonIsFirstMiddleAndLastName() {
        assertThat(SapNames.of("Jane Sapling", false)).isEqualTo(Map.of("FirstName", "Jane", "LastName", "Sapling"));
        assertThat(SapNames.of("Ana María López", false))
                .isEqualTo(Map.of("FirstName", "Ana", "MiddleName", "María", "LastName", "López"));
        assertThat(SapNames.of("Prince", false)).isEqualTo(Map.of("LastName", "Prince"));
    }

    @Test
    void everyPartFitsSapsFortyCharacters() {
        Map<String, String> fields = SapNames.of("Maximiliane Alexandra Friederike Wilhelmine von "
                + "Hohenzollern-Sigmaringen Sapling", false);
        assertThat(fields.values()).allSatisfy(v -> assertThat(v).hasSizeLessThanOrEqualTo(SapNames.FIELD));
        assertThat(fields.get("FirstName")).isEqualTo("Maximiliane");
        assertThat(fields.get("LastName")).isEqualTo("Sapling");
        assertThat(SapNames.of("A " + "b".repeat(60), false).get("LastName")).hasSize(40);
    }

    @Test
    void anOrganizationFillsUpToFourNameLinesBrokenBetweenWords() {
        Map<String, String> fields = SapNames.of("Vereinigte Versicherungs- und Rückversicherungsgesellschaft "
                + "für Landwirtschaft, Forsten und Gartenbau Aktiengesellschaft", true);
        assertThat(fields).containsEntry("OrganizationBPName1", "Vereinigte Versicherungs- und")
                .containsEntry("OrganizationBPName4", "Aktiengesellschaft");
        assertThat(fields.values()).allSatisfy(v -> assertThat(v).hasSizeLessThanOrEqualTo(SapNames.FIELD));
        assertThat(String.join(" ", fields.values())).isEqualTo("Vereinigte Versicherungs- und "
                + "Rückversicherungsgesellschaft für Landwirtschaft, Forsten und Gartenbau Aktiengesellschaft");
        assertThat(SapNames.of("X".repeat(200), true)).hasSize(4)
                .allSatisfy((k, v) -> assertThat(v).hasSize(40));
    }
}
