package io.omnihub.connectors.email;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the parser hands each file of a mail (attachment, inline image, forwarded message,
 * signature) as it walks the MIME tree: as a stream of the decoded bytes, read once, so a file of
 * any size never has to be held whole.
 */
@FunctionalInterface
interface PartSink {

    /**
     * @param fileName the decoded name without any path; null when the sender gave none
     * @param content  the decoded bytes; a failure while reading may be followed by a second call
     *                 for the same part with its raw (undecoded) bytes
     */
    void part(String fileName, String contentType, boolean inline, String contentId, InputStream content)
            throws IOException;
}
