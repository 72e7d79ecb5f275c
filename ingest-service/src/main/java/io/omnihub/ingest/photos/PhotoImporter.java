package io.omnihub.ingest.photos;

import io.omnihub.contracts.Buckets;
import io.omnihub.contracts.Topics;
import io.omnihub.contracts.catalog.PhotoAttached;
import io.omnihub.ingest.imports.Acknowledgements;
import io.omnihub.ingest.imports.ImportJob;
import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.imports.ImportOutcome;
import io.omnihub.ingest.imports.Importer;
import io.omnihub.ingest.sheet.UnreadableFileException;
import io.omnihub.platform.kafka.EventPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * A photo in {@code omnihub-inbox/photos/}: checked (name, image type, size), kept in the archive with the
 * other inputs, and announced to the catalog as {@link PhotoAttached}, keyed by the product's reference.
 */
@Component
class PhotoImporter implements Importer {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final EventPublisher publisher;

    PhotoImporter(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Set<ImportKind> kinds() {
        return Set.of(ImportKind.PHOTOS);
    }

    @Override
    public ImportOutcome run(ImportJob job, InputStream content) {
        var name = PhotoNames.parse(job.objectKey()).orElseThrow(() -> new UnreadableFileException(
                "a photo is named '<reference> <sequence>.<jpg|png|webp|gif>', e.g. '3266 2.jpg'"));
        String contentType = PhotoNames.contentType(head(content)).orElseThrow(
                () -> new UnreadableFileException("not a JPEG, PNG, WebP or GIF image"));
        if (job.size() > MAX_BYTES) {
            throw new UnreadableFileException("photo larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        var event = new PhotoAttached(name.reference(), name.sequence(), contentType, job.size(), Buckets.ARCHIVE,
                ImportJob.archiveKeyOf(job.id(), job.objectKey()), job.id(), job.receivedAt());
        var acknowledgements = new Acknowledgements();
        acknowledgements.track(publisher.publish(Topics.CATALOG_PRODUCTS, name.reference(), job.id() + ":1", event));
        acknowledgements.awaitAll(Duration.ofSeconds(60));
        var outcome = new ImportOutcome();
        outcome.accepted();
        return outcome;
    }

    private static byte[] head(InputStream content) {
        try {
            return content.readNBytes(12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
