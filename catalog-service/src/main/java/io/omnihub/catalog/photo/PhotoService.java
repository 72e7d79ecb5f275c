package io.omnihub.catalog.photo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Keeps each product photo's newest image, whether or not its product is known yet, and answers the photos
 * of products.
 */
@Service
public class PhotoService {

    private static final String COLLECTION = "photos";
    private static final Sort BY_REFERENCE_AND_SEQUENCE = Sort.by("reference", "sequence");

    private final MongoTemplate mongo;
    private final Clock clock;

    PhotoService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Stores the image as the photo's unless one received later (or the same one) is stored; answers whether
     * it did. Redelivery and out-of-order arrival are harmless: the newest image always ends up stored.
     */
    public boolean apply(PhotoUpdate update) {
        Photo photo = Photo.of(update, clock.instant());
        // as for products: one atomic write decides; the filter only matches an older image, and when none
        // matches the upsert's insert is refused by the unique _id if the photo exists, i.e. is as new or newer
        Query olderOrAbsent = Query.query(where("_id").is(photo.id()).and("version").lt(photo.version()));
        try {
            mongo.replace(olderOrAbsent, photo, ReplaceOptions.replaceOptions().upsert(), COLLECTION);
            return true;
        } catch (DuplicateKeyException newerStored) {
            return false;
        }
    }

    /** The product's photos, in sequence order. */
    public List<PhotoResponse> photosOf(String reference) {
        return photosOf(List.of(reference)).getOrDefault(reference, List.of());
    }

    /** The photos of several products in one query, by reference, each list in sequence order. */
    public Map<String, List<PhotoResponse>> photosOf(Collection<String> references) {
        Map<String, List<PhotoResponse>> byReference = new LinkedHashMap<>();
        if (references.isEmpty()) {
            return byReference;
        }
        Query query = Query.query(where("reference").in(references)).with(BY_REFERENCE_AND_SEQUENCE);
        for (Photo photo : mongo.find(query, Photo.class, COLLECTION)) {
            byReference.computeIfAbsent(photo.reference(), key -> new ArrayList<>())
                    .add(PhotoResponse.of(photo));
        }
        return byReference;
    }

    /** Where the image of the product's photo with this sequence is; empty when there is no such photo. */
    public Optional<PhotoFile> file(String reference, int sequence) {
        return Optional.ofNullable(mongo.findById(Photo.idOf(reference, sequence), Photo.class, COLLECTION))
                .map(PhotoFile::of);
    }
}
