package io.omnihub.connectors.webform;

/** A file posted with a form, read into memory within the form's limits. */
public record UploadedFile(String field, String fileName, String contentType, byte[] content) {
}
