package io.omnihub.connectors.webform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What was posted: every field with its values in order, and the files. */
public record FormSubmission(Map<String, List<String>> fields, List<UploadedFile> files) {

    public FormSubmission {
        fields = new LinkedHashMap<>(fields);
        files = List.copyOf(files);
    }

    /** The first value of a field, stripped; null when absent or blank. */
    public String value(String field) {
        List<String> values = fields.get(field);
        if (values == null || values.isEmpty() || values.get(0) == null) {
            return null;
        }
        String value = values.get(0).strip();
        return value.isEmpty() ? null : value;
    }
}
