package io.omnihub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defence in depth behind the DOCTYPE check of {@code ZipGuard}: the .xlsx reader itself, given a sheet that
 * declares entities, neither reads a file, nor opens a connection, nor expands "billion laughs".
 */
class XlsxReaderEntitiesTests {

    @Test
    void theReaderResolvesNoExternalEntity(@TempDir Path dir) throws Exception {
        String secret = "SECRET-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("secret.txt"), secret);
        try (var listener = new ServerSocket(0)) {
            listener.setSoTimeout(1);

            String fromFile = readAll(HostileFiles.externalEntity(file.toUri().toString()));
            readAll(HostileFiles.externalEntity("http://127.0.0.1:" + listener.getLocalPort() + "/e"));

            assertThat(fromFile).doesNotContain(secret);
            boolean connected;
            try (var ignored = listener.accept()) {
                connected = true;
            } catch (SocketTimeoutException none) {
                connected = false;
            }
            assertThat(connected).isFalse();
        }
    }

    @Test
    void theReaderExpandsNoBillionLaughs() throws Exception {
        String text = readAll(HostileFiles.corpus("billion-laughs.xlsx"));

        assertThat(text.length()).isLessThan(10_000);
    }

    /** Every cell's text, or the reader's error: either way, what the sheet would have given. */
    private static String readAll(byte[] xlsx) {
        List<String> cells = new ArrayList<>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                var rows = workbook.getFirstSheet().openStream()) {
            rows.forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getText())));
        } catch (Exception e) {
            cells.add("error: " + e);
        }
        return String.join(" ", cells);
    }
}
