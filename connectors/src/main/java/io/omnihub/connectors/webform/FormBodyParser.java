package io.omnihub.connectors.webform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.bus.FileNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadFileCountLimitException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads a form post from its raw bytes: {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data} (fields and files) or a flat JSON object. The raw bytes are what a
 * signature is checked over, so the body is parsed here rather than by the servlet container.
 */
class FormBodyParser {

    private final ObjectMapper json;

    FormBodyParser(ObjectMapper json) {
        this.json = json;
    }

    FormSubmission parse(String contentType, byte[] body, WebFormSettings settings) {
        MediaType type = mediaType(contentType);
        if (MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            requireBodyWithin(body, settings);
            return new FormSubmission(urlEncoded(body, charset(type)), List.of());
        }
        if (MediaType.APPLICATION_JSON.includes(type) || type.getSubtype().endsWith("+json")) {
            requireBodyWithin(body, settings);
            return new FormSubmission(jsonObject(body), List.of());
        }
        if (MediaType.MULTIPART_FORM_DATA.includes(type)) {
            return multipart(contentType, body, settings);
        }
        throw new WebFormRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type " + type
                + " is not accepted; post application/x-www-form-urlencoded, multipart/form-data or application/json");
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new WebFormRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a Content-Type header is required");
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new WebFormRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the Content-Type header cannot be read");
        }
    }

    private static Charset charset(MediaType type) {
        try {
            return type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        } catch (IllegalArgumentException e) {
            throw new WebFormRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unknown charset in Content-Type");
        }
    }

    private static void requireBodyWithin(byte[] body, WebFormSettings settings) {
        if (body.length > settings.maxBodySize().toBytes()) {
            throw new WebFormRejection(HttpStatus.PAYLOAD_TOO_LARGE, "the form body is " + body.length
                    + " bytes; this form accepts at most " + settings.maxBodySize().toBytes());
        }
    }

    static Map<String, List<String>> urlEncoded(byte[] body, Charset charset) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String isoEncoded, Charset charset) {
        try {
            // the body was read as ISO-8859-1 so each byte is one char; decode the escapes in the form's charset
            String bytesAsText = new String(isoEncoded.getBytes(StandardCharsets.ISO_8859_1), charset);
            return URLDecoder.decode(bytesAsText, charset);
        } catch (IllegalArgumentException e) {
            throw new WebFormRejection(HttpStatus.BAD_REQUEST, "the form body has a malformed %-escape");
        }
    }

    private Map<String, List<String>> jsonObject(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new WebFormRejection(HttpStatus.BAD_REQUEST, "the body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new WebFormRejection(HttpStatus.BAD_REQUEST, "the body cannot be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw new WebFormRejection(HttpStatus.BAD_REQUEST, "the JSON body must be an object of form fields");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> fields.put(field.getKey(), jsonValues(field.getKey(), field.getValue())));
        return fields;
    }

    private static List<String> jsonValues(String name, JsonNode node) {
        if (node.isNull()) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(item -> {
                if (!item.isValueNode()) {
                    throw WebFormRejection.badField(name, "must be a text, number, boolean or a list of them");
                }
                values.add(item.asText());
            });
            return values;
        }
        throw WebFormRejection.badField(name, "must be a text, number, boolean or a list of them");
    }

    private FormSubmission multipart(String contentType, byte[] body, WebFormSettings settings) {
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        upload.setFileCountMax(settings.maxAttachments() + 200L);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<UploadedFile> files = new ArrayList<>();
        long fieldBytes = 0;
        try {
            FileItemInputIterator items = upload.getItemIterator(new BytesRequestContext(contentType, body));
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (item.isFormField()) {
                    byte[] value = readAtMost(item, settings.maxBodySize().toBytes() - fieldBytes, "the form fields");
                    fieldBytes += value.length;
                    fields.computeIfAbsent(item.getFieldName(), k -> new ArrayList<>())
                            .add(new String(value, partCharset(item.getContentType())));
                } else if (fileName(item) != null && !fileName(item).isEmpty()) {
                    files.add(file(item, settings, files.size()));
                }
            }
        } catch (FileUploadFileCountLimitException e) {
            throw new WebFormRejection(HttpStatus.PAYLOAD_TOO_LARGE, "too many parts in the form");
        } catch (FileUploadByteCountLimitException e) {
            throw new WebFormRejection(HttpStatus.PAYLOAD_TOO_LARGE, "a part of the form is over its size limit");
        } catch (FileUploadException e) {
            throw new WebFormRejection(HttpStatus.BAD_REQUEST, "the multipart body is malformed: " + e.getMessage());
        } catch (IOException e) {
            throw new WebFormRejection(HttpStatus.BAD_REQUEST, "the multipart body cannot be read: " + e.getMessage());
        }
        return new FormSubmission(fields, files);
    }

    /**
     * The part's file name as the browser sent it; commons-fileupload refuses names with a NUL
     * (a path-truncation trick), the hub keeps them without the NUL.
     */
    private static String fileName(FileItemInput item) {
        try {
            return item.getName();
        } catch (java.nio.file.InvalidPathException nul) {
            return nul.getInput().replace("\u0000", "");
        }
    }

    private static UploadedFile file(FileItemInput item, WebFormSettings settings, int filesSoFar) throws IOException {
        if (filesSoFar >= settings.maxAttachments()) {
            throw new WebFormRejection(HttpStatus.PAYLOAD_TOO_LARGE, "this form accepts at most "
                    + settings.maxAttachments() + " files", item.getFieldName());
        }
        String fileName = FileNames.baseName(fileName(item));
        String type = item.getContentType() == null ? "application/octet-stream" : item.getContentType();
        if (!settings.allowsAttachmentType(type)) {
            throw new WebFormRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file '" + fileName + "' has type " + type
                    + ", which this form does not accept", item.getFieldName());
        }
        byte[] content = readAtMost(item, settings.maxAttachmentSize().toBytes(), "file '" + fileName + "'");
        return new UploadedFile(item.getFieldName(), fileName, type, content);
    }

    private static byte[] readAtMost(FileItemInput item, long limit, String what) throws IOException {
        try (InputStream in = item.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, limit) + 1));
            if (content.length > limit) {
                throw new WebFormRejection(HttpStatus.PAYLOAD_TOO_LARGE, what + " is over the size this form accepts ("
                        + limit + " bytes)", item.getFieldName());
            }
            return content;
        }
    }

    private static Charset partCharset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Browsers on Windows used to send full paths; keep only the file's own name. */
    private record BytesRequestContext(String contentType, byte[] body) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
