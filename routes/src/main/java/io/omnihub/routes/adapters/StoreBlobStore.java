package io.omnihub.routes.adapters;

import io.omnihub.connectors.bus.BlobStore;
import io.omnihub.store.blob.BlobStorage;
import org.springframework.stereotype.Component;

/** Connectors keep attachment bytes in the store's content-addressed blob table. */
@Component
class StoreBlobStore implements BlobStore {

    private final BlobStorage blobs;

    StoreBlobStore(BlobStorage blobs) {
        this.blobs = blobs;
    }

    @Override
    public String put(byte[] content) {
        return blobs.put(content);
    }

    @Override
    public Stored put(java.io.InputStream content, long maxBytes) throws java.io.IOException {
        BlobStorage.Stored stored = blobs.put(content, maxBytes);
        return new Stored(stored.sha256(), stored.sizeBytes());
    }
}
