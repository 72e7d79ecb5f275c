package io.omnihub.ingest.sheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An {@code .xlsx} is a ZIP: before a single entry is inflated, its directory says how large each part
 * would become. A part that would expand beyond any real spreadsheet, or far beyond its compressed size,
 * is a zip bomb and the file is refused whole.
 */
final class ZipGuard {

    /** A 1,000,000-row sheet is about 100 MB of XML; ten times that is no spreadsheet. */
    static final long MAX_ENTRY_BYTES = 1024L * 1024 * 1024;
    /** Sheet XML compresses about 10-20 times; a part above this ratio (and of some size) is a bomb. */
    static final long MAX_RATIO = 200;
    private static final long RATIO_CHECKED_FROM = 16L * 1024 * 1024;
    private static final int MAX_ENTRIES = 10_000;

    private ZipGuard() {
    }

    static void check(Path file) {
        try (var zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new UnreadableFileException("not a spreadsheet: " + zip.size() + " parts in the archive");
            }
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size < 0 || size > MAX_ENTRY_BYTES) {
                    throw new UnreadableFileException("refused as a zip bomb: part " + entry.getName()
                            + " would expand to " + (size < 0 ? "an unknown size" : size + " bytes"));
                }
                if (size > RATIO_CHECKED_FROM && compressed > 0 && size / compressed > MAX_RATIO) {
                    throw new UnreadableFileException("refused as a zip bomb: part " + entry.getName()
                            + " expands " + size / compressed + " times");
                }
            }
        } catch (IOException e) {
            throw new UnreadableFileException("not a readable .xlsx (ZIP) file: " + e.getMessage(), e);
        }
    }
}
