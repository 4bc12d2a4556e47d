package io.omnihub.connectors.bus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void aGivenNameIsKept() {
        assertThat(FileNames.orDerived("report.pdf", "application/pdf", null, 1)).isEqualTo("report.pdf");
    }

    @Test
    void unnamedPartsAreNamedAsMailClientsShowThem() {
        assertThat(FileNames.orDerived(null, "text/calendar", null, 1)).isEqualTo("invite.ics");
        assertThat(FileNames.orDerived(null, "message/rfc822", null, 2)).isEqualTo("forwarded-message.eml");
        assertThat(FileNames.orDerived("", "message/disposition-notification", null, 2)).isEqualTo("read-receipt.txt");
        assertThat(FileNames.orDerived(null, "application/pgp-signature", null, 2)).isEqualTo("signature.asc");
        assertThat(FileNames.orDerived(null, "application/ms-tnef", null, 1)).isEqualTo("winmail.dat");
        assertThat(FileNames.orDerived(null, "Image/PNG", null, 4)).isEqualTo("part-4.png");
        assertThat(FileNames.orDerived(null, null, null, 5)).isEqualTo("part-5.bin");
    }

    @Test
    void anInlineImageIsNamedByItsContentIdWhenThatReadsAsAName() {
        assertThat(FileNames.orDerived(null, "image/png", "image001.png@01D9A1B2.C3D4E5F0", 1)).isEqualTo("image001.png");
        assertThat(FileNames.orDerived(null, "image/jpeg", "logo@example.com", 1)).isEqualTo("logo.jpg");
        // a random id says nothing about the file
        assertThat(FileNames.orDerived(null, "image/jpeg", "9f8e7d6c5b4a39281726354453627180@x", 1))
                .isEqualTo("part-1.jpg");
    }
}
