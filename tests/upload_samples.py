"""Real small files of every attachment kind, made in the test (no binary fixtures in the repository).

The PDF has a correct cross-reference table (pdftoppm renders it), the JPEG is a baseline greyscale image that
libjpeg decodes (one grey block per 8×8, one-code Huffman tables), the PNG has correct CRCs, the .docx holds the
three parts Word needs, and the .xlsx is written by openpyxl. Then the impostors: a Windows program, a Linux
program, a web page, an SVG, an old .doc (OLE), a macro-enabled .docm and a plain ZIP.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from openpyxl import Workbook

from tdkt.demo.files import pdf_bytes  # noqa: F401  (re-exported: the PDF of the samples)


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xcc\x00\x00" * width for _ in range(height))  # filter 0, red pixels
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def jpeg_bytes(width: int = 16, height: int = 8) -> bytes:
    def segment(marker: int, payload: bytes) -> bytes:
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload

    one_code = bytes([1] + [0] * 15) + b"\x00"  # one Huffman code, of length 1, for the symbol 0
    out = b"\xff\xd8"
    out += segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    out += segment(0xDB, b"\x00" + bytes([1] * 64))
    out += segment(0xC0, b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00")
    out += segment(0xC4, b"\x00" + one_code)  # DC: no difference (mid grey everywhere)
    out += segment(0xC4, b"\x10" + one_code)  # AC: end of block
    out += segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    bits = "00" * (((width + 7) // 8) * ((height + 7) // 8))
    bits += "1" * (-len(bits) % 8)
    return out + int(bits, 2).to_bytes(len(bits) // 8, "big") + b"\xff\xd9"


def zip_bytes(members: dict[str, bytes | str], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
         ' Target="word/document.xml"/></Relationships>')


def _content_types(main_type: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main_type}"/></Types>')


DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def docx_bytes(text: str = "Tờ trình đề nghị khen thưởng", *, main_type: str = DOCX_MAIN, extra=None) -> bytes:
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>')
    return zip_bytes({"[Content_Types].xml": _content_types(main_type), "_rels/.rels": _RELS,
                      "word/document.xml": document, **(extra or {})})


def docm_bytes() -> bytes:
    return docx_bytes(main_type=DOCM_MAIN, extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})


def xlsx_bytes() -> bytes:
    book = Workbook()
    book.active.append(["Họ và tên", "Danh hiệu"])
    book.active.append(["Nguyễn Văn An", "Chiến sĩ thi đua cơ sở"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run in DOS mode."
LINUX_PROGRAM = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 100
WEB_PAGE = b"<!DOCTYPE html>\n<html><body><script>document.location='http://evil.example/'</script></body></html>"
SVG_IMAGE = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
OLD_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
