package io.omnihub.ingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An {@code .xlsx} is a ZIP: before the reader sees it, its directory says how large each part would become,
 * and each part is then inflated once, counted and thrown away, so that a part whose directory lies about its
 * size is caught too. A part that would expand beyond any real spreadsheet, or far beyond its compressed
 * size, is a zip bomb and the file is refused whole. An XML part that declares a DOCTYPE is refused as
 * well: a spreadsheet never needs one, and its entities are what XXE and "billion laughs" attacks use.
 */
final class ZipGuard {

    /** A 1,000,000-row sheet is about 100 MB of XML; ten times that is no spreadsheet. Sheets are streamed. */
    static final long MAX_ENTRY_BYTES = 1024L * 1024 * 1024;
    /** The reader keeps the shared strings (and the small parts) in memory: their cap is lower. */
    static final long MAX_IN_MEMORY_PART_BYTES = 128L * 1024 * 1024;
    /** Sheet XML compresses about 10-20 times; a part above this ratio (and of some size) is a bomb. */
    static final long MAX_RATIO = 200;
    private static final long RATIO_CHECKED_FROM = 16L * 1024 * 1024;
    private static final int MAX_ENTRIES = 10_000;
    /** How much of the start of an XML part is searched for a DOCTYPE (it can only be in the prolog). */
    private static final int PROLOG_BYTES = 64 * 1024;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

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
                long limit = limitOf(entry.getName());
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size < 0 || size > limit) {
                    throw bomb(entry, "would expand to " + (size < 0 ? "an unknown size" : size + " bytes"));
                }
                if (size > RATIO_CHECKED_FROM && compressed > 0 && size / compressed > MAX_RATIO) {
                    throw bomb(entry, "expands " + size / compressed + " times");
                }
                if (!entry.isDirectory()) {
                    inflate(zip, entry, size);
                }
            }
        } catch (ZipException e) {
            throw new UnreadableFileException("not a readable .xlsx (ZIP) file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnreadableFileException("not a readable .xlsx (ZIP) file: " + e.getMessage(), e);
        }
    }

    private static long limitOf(String name) {
        return name.startsWith("xl/worksheets/") ? MAX_ENTRY_BYTES : MAX_IN_MEMORY_PART_BYTES;
    }

    /** Inflates the part without keeping it: more bytes than declared is a lie, i.e. a bomb. */
    private static void inflate(ZipFile zip, ZipEntry entry, long declared) throws IOException {
        boolean xml = entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels");
        byte[] prolog = new byte[xml ? PROLOG_BYTES : 0];
        int prologLength = 0;
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (prologLength < prolog.length) {
                    int copied = Math.min(read, prolog.length - prologLength);
                    System.arraycopy(buffer, 0, prolog, prologLength, copied);
                    prologLength += copied;
                }
                total += read;
                if (total > declared) {
                    throw bomb(entry, "expands beyond the " + declared + " bytes its directory declares");
                }
            }
        }
        if (xml && declaresDoctype(prolog, prologLength)) {
            throw new UnreadableFileException("refused: part " + entry.getName()
                    + " declares a DOCTYPE (a spreadsheet has none; its entities are never read)");
        }
    }

    /** A DOCTYPE before the root element, i.e. before the first '<' followed by a letter. */
    static boolean declaresDoctype(byte[] prolog, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (prolog[i] != '<') {
                continue;
            }
            if (Character.isLetter(prolog[i + 1])) {
                return false;
            }
            if (startsWith(prolog, length, i, DOCTYPE)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int length, int from, byte[] prefix) {
        if (from + prefix.length > length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static UnreadableFileException bomb(ZipEntry entry, String how) {
        return new UnreadableFileException("refused as a zip bomb: part " + entry.getName() + " " + how);
    }
}
