package io.omnihub.connectors.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class FormBodyParserTest {

    private final FormBodyParser parser = new FormBodyParser(new ObjectMapper());
    private final WebFormSettings settings = new WebFormSettings(null, List.of(), List.of("*"), null,
            DataSize.ofKilobytes(4), DataSize.ofBytes(100), 2, List.of("image/*", "text/plain"), null, null);

    @Test
    void urlEncodedBodyIsPercentDecodedInUtf8WithRepeatedKeysKept() {
        byte[] body = "name=Jos%C3%A9+Garc%C3%ADa&tag=a&tag=b&empty=&flag".getBytes(StandardCharsets.US_ASCII);
        FormSubmission form = parser.parse("application/x-www-form-urlencoded", body, settings);
        assertThat(form.value("name")).isEqualTo("José García");
        assertThat(form.fields().get("tag")).containsExactly("a", "b");
        assertThat(form.value("empty")).isNull();
        assertThat(form.fields()).containsKey("flag");
    }

    @Test
    void urlEncodedBodyHonoursDeclaredCharset() {
        byte[] body = "name=Jos%E9".getBytes(StandardCharsets.US_ASCII);
        FormSubmission form = parser.parse("application/x-www-form-urlencoded; charset=ISO-8859-1", body, settings);
        assertThat(form.value("name")).isEqualTo("José");
    }

    @Test
    void malformedEscapeIsABadRequest() {
        byte[] body = "name=%zz".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parser.parse("application/x-www-form-urlencoded", body, settings))
                .isInstanceOfSatisfying(WebFormRejection.class, r -> assertThat(r.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void jsonObjectFieldsBecomeFormFields() {
        byte[] body = "{\"email\":\"a@b.io\",\"age\":42,\"tags\":[\"x\",\"y\"],\"none\":null}".getBytes(StandardCharsets.UTF_8);
        FormSubmission form = parser.parse("application/json", body, settings);
        assertThat(form.value("email")).isEqualTo("a@b.io");
        assertThat(form.value("age")).isEqualTo("42");
        assertThat(form.fields().get("tags")).containsExactly("x", "y");
        assertThat(form.value("none")).isNull();
    }

    @Test
    void jsonThatIsNotAFlatObjectIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> parser.parse("application/json", "[1,2]".getBytes(), settings))
                .hasMessageContaining("must be an object");
        assertThatThrownBy(() -> parser.parse("application/json", "{\"a\":{\"b\":1}}".getBytes(), settings))
                .isInstanceOfSatisfying(WebFormRejection.class, r -> assertThat(r.field()).isEqualTo("a"));
        assertThatThrownBy(() -> parser.parse("application/json", "{\"a\":".getBytes(), settings))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void multipartFieldsAndFilesAreRead() {
        String body = """
                --XyZ\r
                Content-Disposition: form-data; name="message"\r
                \r
                Grüße aus Köln\r
                --XyZ\r
                Content-Disposition: form-data; name="file"; filename="C:\\\\Users\\\\ana\\\\notes.txt"\r
                Content-Type: text/plain\r
                \r
                hello file\r
                --XyZ--\r
                """;
        FormSubmission form = parser.parse("multipart/form-data; boundary=XyZ", body.getBytes(StandardCharsets.UTF_8),
                settings);
        assertThat(form.value("message")).isEqualTo("Grüße aus Köln");
        assertThat(form.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("notes.txt");
            assertThat(f.contentType()).isEqualTo("text/plain");
            assertThat(new String(f.content(), StandardCharsets.UTF_8)).isEqualTo("hello file");
        });
    }

    @Test
    void fileOverTheLimitIsTooLarge() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "x".repeat(101) + "\r\n--b--\r\n";
        assertThatThrownBy(() -> parser.parse("multipart/form-data; boundary=b", body.getBytes(), settings))
                .isInstanceOfSatisfying(WebFormRejection.class,
                        r -> assertThat(r.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
    }

    @Test
    void fileOfATypeTheFormDoesNotAcceptIsUnsupported() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.exe\"\r\nContent-Type: application/x-msdownload\r\n\r\n"
                + "MZ\r\n--b--\r\n";
        assertThatThrownBy(() -> parser.parse("multipart/form-data; boundary=b", body.getBytes(), settings))
                .isInstanceOfSatisfying(WebFormRejection.class,
                        r -> assertThat(r.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void tooManyFilesIsTooLarge() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            body.append("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f").append(i)
                    .append(".txt\"\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        }
        body.append("--b--\r\n");
        assertThatThrownBy(() -> parser.parse("multipart/form-data; boundary=b", body.toString().getBytes(), settings))
                .hasMessageContaining("at most 2 files");
    }

    @Test
    void bodyOverTheFormLimitIsTooLarge() {
        byte[] body = ("message=" + "x".repeat(5000)).getBytes();
        assertThatThrownBy(() -> parser.parse("application/x-www-form-urlencoded", body, settings))
                .isInstanceOfSatisfying(WebFormRejection.class,
                        r -> assertThat(r.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
    }

    @Test
    void otherContentTypesAreUnsupported() {
        assertThatThrownBy(() -> parser.parse("text/plain", "hi".getBytes(), settings))
                .isInstanceOfSatisfying(WebFormRejection.class,
                        r -> assertThat(r.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        assertThatThrownBy(() -> parser.parse(null, "hi".getBytes(), settings))
                .hasMessageContaining("Content-Type header is required");
    }
}
