package io.omnihub.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a product spreadsheet as an ERP exports it: the columns of {@code fixtures/products.xlsx}, every row a
 * distinct valid product (reference and EAN as text, EAN a GTIN-13 with its check digit, prices as numbers), strings
 * in the shared-strings table as Excel and LibreOffice write them. Deterministic: the same row count gives the same
 * rows.
 */
public final class ProductSheet {

    /** The header row of {@code fixtures/products.xlsx}. */
    public static final List<String> HEADER = List.of("Referência", "EAN", "Nome", "Descrição", "Marca", "Categoria",
            "Cor", "Tamanho", "Preço", "Preço com desconto", "Fotos", "Ativo");

    private static final String[] BRANDS = {"Aurora", "Brisa", "Cacau Moda", "Dunas", "Estrela do Sul", "Flor de Lis",
        "Garoa", "Horizonte", "Ipê", "Jangada", "Kaiapó", "Litoral"};
    private static final String[][] KINDS = {
        {"Camiseta", "Roupas > Camisetas"}, {"Calça", "Roupas > Calças"}, {"Vestido", "Roupas > Vestidos"},
        {"Bermuda", "Roupas > Bermudas"}, {"Jaqueta", "Roupas > Casacos > Jaquetas"}, {"Tênis", "Calçados > Tênis"},
        {"Sandália", "Calçados > Sandálias"}, {"Bota", "Calçados > Botas"}, {"Bolsa", "Acessórios > Bolsas"},
        {"Cinto", "Acessórios > Cintos"}, {"Boné", "Acessórios > Bonés"}, {"Meia", "Roupas > Meias"}};
    private static final String[] COLORS = {"Azul", "Preto", "Branco", "Vermelho", "Verde", "Amarelo", "Cinza",
        "Rosa", "Marrom", "Bege"};
    private static final String[] CLOTHES_SIZES = {"PP", "P", "M", "G", "GG", "XG"};
    private static final String[] SHOE_SIZES = {"34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44"};
    private static final String[] SEASONS = {"verão", "inverno", "outono", "primavera"};
    private static final String PHOTO_BASE = "https://cdn.example-loja.com.br/img/";
    private static final int FIRST_REFERENCE = 1_000_001;
    private static final int FLUSH_EVERY = 1_000;

    private ProductSheet() {
    }

    /** Writes a header row and {@code rows} products to {@code file}. */
    public static void write(Path file, int rows) throws IOException {
        write(file, rows, 0);
    }

    /**
     * Writes a header row and products {@code first} to {@code first + rows - 1}: files written from different
     * {@code first}s share no reference and no EAN.
     */
    public static void write(Path file, int rows, int first) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook workbook = new Workbook(out, "omnihub-benchmarks", "1.0");
            Worksheet sheet = workbook.newWorksheet("Produtos");
            for (int column = 0; column < HEADER.size(); column++) {
                sheet.value(0, column, HEADER.get(column));
            }
            for (int row = 1; row <= rows; row++) {
                writeRow(sheet, row, first + row - 1);
                // rows already written leave memory: the writer streams like the reader should
                if (row % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
            }
            sheet.finish();
            workbook.finish();
        }
    }

    private static void writeRow(Worksheet sheet, int row, int n) {
        String[] kind = KINDS[n % KINDS.length];
        String brand = BRANDS[(n / KINDS.length) % BRANDS.length];
        String color = COLORS[(n / 7) % COLORS.length];
        boolean shoes = kind[1].startsWith("Calçados");
        String size = shoes ? SHOE_SIZES[n % SHOE_SIZES.length] : CLOTHES_SIZES[n % CLOTHES_SIZES.length];
        String reference = reference(n);
        BigDecimal price = BigDecimal.valueOf(2_990 + (n * 37L) % 47_000, 2);
        BigDecimal discounted = n % 3 == 0
                ? price.multiply(new BigDecimal("0.85")).setScale(2, RoundingMode.DOWN) : price;
        sheet.value(row, 0, reference);
        sheet.value(row, 1, ean(n));
        sheet.value(row, 2, kind[0] + " " + brand + " " + color + " " + size);
        sheet.value(row, 3, "Peça " + (n + 1) + " da coleção " + SEASONS[n % SEASONS.length]
                + ", confortável e durável; " + kind[0].toLowerCase(Locale.ROOT) + " " + color.toLowerCase(Locale.ROOT)
                + " da " + brand + ", tamanho " + size + ".");
        sheet.value(row, 4, brand);
        sheet.value(row, 5, kind[1]);
        sheet.value(row, 6, color);
        sheet.value(row, 7, size);
        sheet.value(row, 8, price);
        sheet.value(row, 9, discounted);
        String photos = photos(reference, n);
        if (!photos.isEmpty()) {
            sheet.value(row, 10, photos);
        }
        sheet.value(row, 11, n % 10 == 9 ? "Não" : "Sim");
    }

    /** The reference of product {@code n} (from 0): {@code 1000001}, {@code 1000002}, … */
    static String reference(int n) {
        return Integer.toString(FIRST_REFERENCE + n);
    }

    /** A distinct GTIN-13 for product {@code n}: Brazil's 789 prefix, nine digits, then the GS1 check digit. */
    public static String ean(int n) {
        String data = "789" + String.format("%09d", n);
        return data + checkDigit(data);
    }

    /** GS1 mod-10: from the rightmost data digit, weights 3, 1, 3, … */
    static int checkDigit(String data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            int digit = data.charAt(data.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** None for every fifth product, else one to three URLs separated by a space or a semicolon as ERPs do. */
    private static String photos(String reference, int n) {
        int count = n % 5 == 4 ? 0 : 1 + n % 3;
        StringBuilder urls = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            if (i > 1) {
                urls.append(n % 2 == 0 ? " " : ";");
            }
            urls.append(PHOTO_BASE).append(reference).append('-').append(i).append(".jpg");
        }
        return urls.toString();
    }
}
