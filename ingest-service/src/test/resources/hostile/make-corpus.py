import zipfile, io, json
from xml.sax.saxutils import escape

CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>%s</Types>'''
RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'''
WB = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'''
WBRELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>%s</Relationships>'''

def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def sheet(rows, prolog=''):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', prolog,
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        out.append('<row r="%d">' % r)
        for c, v in enumerate(row):
            ref = '%s%d' % (col(c), r)
            if isinstance(v, (int, float)):
                out.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            elif v is not None:
                out.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v)))
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return ''.join(out)

def xlsx(name, sheet_xml, shared=None):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT % ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared else ''))
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', WBRELS % ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if shared else ''))
        z.writestr('xl/worksheets/sheet1.xml', sheet_xml)
        if shared:
            z.writestr('xl/sharedStrings.xml', shared)

PH = ['Referência', 'EAN', 'Nome', 'Preço', 'Preço com desconto']
SH = ['EAN', 'Loja', 'Quantidade']
# a good small product file: the input that must import after every hostile one
xlsx('good-products.xlsx', sheet([PH, ['H-1', '7891000000007', 'Camiseta Boa', 129.9, 99.9], ['H-2', '7891000000014', 'Calça Boa', '199,90', '149,90']]))
xlsx('header-only-stock.xlsx', sheet([SH]))
xlsx('blank-rows-products.xlsx', sheet([PH, [None, '', ''], ['', '  ']]))
xlsx('wrong-columns-products.xlsx', sheet([['Produto Código', 'Cor', 'Valor'], ['1', 'azul', '10']]))
xlsx('field-twice-stock.xlsx', sheet([['EAN', 'GTIN', 'Loja', 'Quantidade'], ['7891000000007', '7891000000007', 'LJ001', 1]]))
# huge cells: 100,000-character name, a 40,000-character EAN, a 5,000-column-wide attribute header row
big = 'N' * 100_000
xlsx('huge-cells-products.xlsx', sheet([PH + ['Observação'], ['H-10', '7891000000007', big, 10, 9, 'ok'],
                                        ['H-11', '7' * 40_000, 'Nome', 10, 9, 'x' * 30_000],
                                        ['H-12', '7891000000014', 'Camiseta Normal', 10, 9, 'ok']]))
wide_header = PH + ['attr%d' % i for i in range(300)]
xlsx('too-many-attributes-products.xlsx', sheet([wide_header, ['H-20', '7891000000007', 'Nome', 10, 9] + ['v'] * 300,
                                                 ['H-21', '7891000000014', 'Nome', 10, 9]]))
# numbers that a crafted sheet may hold: a billion-digit exponent, infinity-sized, negative, fractional, text
xlsx('numbers-stock.xlsx', '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>EAN</t></is></c><c r="B1" t="inlineStr"><is><t>Loja</t></is></c><c r="C1" t="inlineStr"><is><t>Quantidade</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>7891000000007</t></is></c><c r="B2" t="inlineStr"><is><t>LJ001</t></is></c><c r="C2"><v>1E999999999</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>7891000000007</t></is></c><c r="B3" t="inlineStr"><is><t>LJ002</t></is></c><c r="C3"><v>1E+308</v></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>7891000000007</t></is></c><c r="B4" t="inlineStr"><is><t>LJ003</t></is></c><c r="C4"><v>-5</v></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><t>7891000000007</t></is></c><c r="B5" t="inlineStr"><is><t>LJ004</t></is></c><c r="C5"><v>2.5</v></c></row>
<row r="6"><c r="A6"><v>7.891000000007E12</v></c><c r="B6" t="inlineStr"><is><t>LJ005</t></is></c><c r="C6"><v>12</v></c></row>
<row r="7"><c r="A7"><v>1E-999999999</v></c><c r="B7" t="inlineStr"><is><t>LJ006</t></is></c><c r="C7"><v>3</v></c></row>
</sheetData></worksheet>''')
# invalid EANs, each on its own row, and one good row
xlsx('invalid-eans-stock.xlsx', sheet([SH, ['7891000000008', 'LJ001', 1], ['78910000000O7', 'LJ001', 1], ['789100', 'LJ001', 1],
                                       ['７８９１０００００００００７', 'LJ001', 1], ['', 'LJ001', 1], ['7891000000007', 'LJ001', 4]]))
# a ZIP that is no workbook (a word-processing document's parts)
with zipfile.ZipFile('not-a-workbook.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('word/document.xml', '<document/>')
# billion laughs in the shared strings
laughs = '<!DOCTYPE sst [<!ENTITY lol "lol">' + ''.join('<!ENTITY lol%d "%s">' % (i, ('&lol%d;' % (i - 1) if i > 1 else '&lol;') * 10) for i in range(1, 10)) + ']>\n'
xlsx('billion-laughs.xlsx', sheet([PH, ['H-30', '7891000000007', 'NAME', 10, 9]]).replace('<c r="C2" t="inlineStr"><is><t>NAME</t></is></c>', '<c r="C2" t="s"><v>0</v></c>'),
     shared='<?xml version="1.0" encoding="UTF-8"?>\n' + laughs + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>')

open('not-a-spreadsheet.pdf', 'wb').write(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
open('empty.xlsx', 'wb').write(b'')
open('products.csv', 'wb').write('reference;ean;name;price;discounted_price\nH-40;7891000000007;Camiseta;10,00;9,00\n'.encode())
open('empty-items.json', 'w').write('{"items": []}')
open('truncated.json', 'w').write('[{"reference": "H-50", "ean": "7891000000007", "name": "Camiseta", "price": 10, "discountedPrice": 9},\n {"reference": "H-51", "ean": ')
open('deep.json', 'w').write('[' * 10_000 + ']' * 10_000)
open('deep-in-item.json', 'w').write('[{"reference": "H-52", "attributes": {"a": ' + '[' * 10_000 + ']' * 10_000 + '}}]')
open('latin1-products.json', 'wb').write('[{"reference": "H-53", "ean": "7891000000007", "name": "Calção São João", "price": 10, "discountedPrice": 9}]'.encode('latin-1'))
open('utf16-products.json', 'wb').write('[{"reference": "H-54", "ean": "7891000000007", "name": "Calção São João", "price": 10, "discountedPrice": 9}]'.encode('utf-16'))
open('wrong-shape.json', 'w').write('{"products": [{"reference": "H-55"}]}')
open('numbers-stock.json', 'w').write('''{"asOf": "2026-11-28T10:00:00-03:00", "items": [
 {"ean": "7891000000007", "storeId": "LJ001", "quantity": 1e400},
 {"ean": "7891000000007", "storeId": "LJ002", "quantity": 99999999999999999999},
 {"ean": "7891000000007", "storeId": "LJ003", "quantity": -5},
 {"ean": "7891000000007", "storeId": "LJ004", "quantity": 1.5},
 {"ean": "7891000000007", "storeId": "LJ005", "quantity": "doze"},
 {"ean": "7891000000007", "storeId": "LJ006", "quantity": true},
 {"ean": "7891000000007", "storeId": "LJ007", "quantity": {"value": 3}},
 {"ean": 7891000000007, "storeId": ["LJ008"], "quantity": 3},
 {"ean": "7891000000007", "storeId": "LJ009", "quantity": 1e-999999999},
 "not an object",
 {"ean": "7891000000007", "storeId": "LJ010", "quantity": 7}
]}''')
open('invalid-eans-products.json', 'w').write(json.dumps([
    {"reference": "H-60", "ean": "7891000000008", "name": "a", "price": 10, "discountedPrice": 9},
    {"reference": "H-61", "ean": "78910000000", "name": "b", "price": 10, "discountedPrice": 9},
    {"reference": "H-62", "ean": "7891000000007", "name": "c", "price": "1e400", "discountedPrice": 9},
    {"reference": "H-63", "ean": "7891000000007", "name": "d", "price": 99999999999999999999, "discountedPrice": -1},
    {"reference": "H-64", "ean": "7891000000007", "name": "good", "price": 10, "discountedPrice": 9}]))
# a sheet whose XML breaks after two good rows (a buggy exporter): the rows before the break stay imported
broken = sheet([PH, ['H-90', '7891000000007', 'Boa', 10, 9], ['H-91', '7891000000014', 'Boa', 10, 9], ['H-92', '7891000000021', 'Boa', 10, 9]])
broken = broken.replace('<row r="4">', '<row r="4"><c r="A4" t="inlineStr"><is><t>H-92</t></is></x>')
xlsx('broken-halfway-products.xlsx', broken)
