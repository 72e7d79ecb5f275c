package io.omnihub.catalog.photo;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Newest-wins photos against a real MongoDB-wire server, without Kafka or S3 in the way. */
@DataMongoTest
@Import({PhotoService.class, PhotoServiceIT.Clocks.class})
class PhotoServiceIT {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("catalog-photos-" + UUID.randomUUID()));
    }

    @Autowired
    PhotoService photos;

    @Test
    void aPhotoIsKeptWhetherOrNotItsProductIsKnown() {
        String reference = reference();

        boolean applied = photos.apply(photo(reference, 1, "imp-1", MONDAY));

        assertThat(applied).isTrue();
        assertThat(photos.photosOf(reference)).extracting(PhotoResponse::sequence).containsExactly(1);
        assertThat(photos.file(reference, 1)).hasValueSatisfying(file -> {
            assertThat(file.bucket()).isEqualTo("omnihub-archive");
            assertThat(file.key()).isEqualTo("imp-1/photos/" + reference + " 1.png");
            assertThat(file.contentType()).isEqualTo("image/png");
        });
    }

    @Test
    void aLaterImageReplacesThePhotoOfItsSequenceAndAnEarlierOneDoesNot() {
        String reference = reference();
        photos.apply(photo(reference, 1, "imp-monday", MONDAY));

        assertThat(photos.apply(photo(reference, 1, "imp-tuesday", TUESDAY))).isTrue();
        assertThat(photos.apply(photo(reference, 1, "imp-sunday", MONDAY.minus(Duration.ofDays(1))))).isFalse();

        assertThat(photos.file(reference, 1)).hasValueSatisfying(file -> assertThat(file.key())
                .startsWith("imp-tuesday/"));
        assertThat(photos.photosOf(reference)).hasSize(1);
    }

    @Test
    void aRedeliveredImageIsIgnored() {
        String reference = reference();
        PhotoUpdate once = photo(reference, 2, "imp-1", MONDAY);
        photos.apply(once);

        assertThat(photos.apply(once)).isFalse();
        assertThat(photos.photosOf(reference)).hasSize(1);
    }

    @Test
    void manyImagesRacingInAnyOrderLeaveTheNewest() throws Exception {
        String reference = reference();
        List<PhotoUpdate> updates = new ArrayList<>();
        for (int minute = 1; minute <= 40; minute++) {
            updates.add(photo(reference, 1, "imp-" + minute, MONDAY.plus(Duration.ofMinutes(minute))));
        }
        Collections.shuffle(updates, new Random(7));

        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> applies = updates.stream()
                    .<Callable<Boolean>>map(update -> () -> photos.apply(update)).toList();
            for (Future<Boolean> result : pool.invokeAll(applies)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(photos.file(reference, 1)).hasValueSatisfying(file -> assertThat(file.key())
                .startsWith("imp-40/"));
    }

    @Test
    void answersThePhotosOfSeveralProductsEachInSequenceOrder() {
        String first = reference();
        String second = reference();
        photos.apply(photo(first, 3, "imp-1", MONDAY));
        photos.apply(photo(first, 1, "imp-1", MONDAY));
        photos.apply(photo(second, 2, "imp-1", MONDAY));
        photos.apply(photo(first, 2, "imp-1", MONDAY));

        var byReference = photos.photosOf(List.of(first, second, reference()));

        assertThat(byReference).containsOnlyKeys(first, second);
        assertThat(byReference.get(first)).extracting(PhotoResponse::sequence).containsExactly(1, 2, 3);
        assertThat(byReference.get(first)).extracting(PhotoResponse::url)
                .containsExactly("/api/v1/products/" + first + "/photos/1", "/api/v1/products/" + first + "/photos/2",
                        "/api/v1/products/" + first + "/photos/3");
        assertThat(byReference.get(second)).extracting(PhotoResponse::sequence).containsExactly(2);
        assertThat(photos.photosOf(List.of())).isEmpty();
    }

    @Test
    void anUnknownPhotoHasNoFile() {
        assertThat(photos.file(reference(), 1)).isEmpty();
    }

    private static String reference() {
        return "REF-" + UUID.randomUUID();
    }

    private static PhotoUpdate photo(String reference, int sequence, String importId, Instant receivedAt) {
        return new PhotoUpdate(reference, sequence, "image/png", 179, "omnihub-archive",
                importId + "/photos/" + reference + " " + sequence + ".png", importId, receivedAt);
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        Clock clock() {
            return Clock.system(ZoneOffset.UTC);
        }
    }
}
