#!/usr/bin/python3
"""Golden element dumps of the codec test corpus, made with an independent toolkit (pydicom 2.3.1).

Developer tool: the build never runs it. Regenerate the golden files on purpose, from the repository
root, with:

    /usr/bin/python3 tools/golden-dump.py

It reads src/test/resources/corpus/EXPECTED.tsv and, for every file whose expected outcome is not
`fails`, writes src/test/resources/corpus-golden/<path>.txt. Review the diff before committing.
`--root DIR --out DIR [paths...]` dumps other files (for example the whole development corpus, to
compare with the Java reader while investigating).

Format (UTF-8, LF). Lines starting with `#` are comments; the first two say which toolkit wrote the
file and how pydicom read the dataset (`# encoding: explicit|implicit little|big`). Then one line per
element of the dataset (File Meta Information excluded), depth first, tags ascending within each
dataset, three tab-separated columns:

    <tag path>  <VR>  <value>

- tag path: `(GGGG,EEEE)` with upper-case hex; inside sequences `(0040,A730)[0]/(0040,A160)` (item
  index in brackets, from 0); a fragment of encapsulated pixel data: `(7FE0,0010){0}` (the Basic
  Offset Table is item 0).
- VR: the two-letter VR; `SQ` for every element whose value is a sequence (see rule N1); `--` on
  fragment lines.
- value:
  - text VRs (AE AS CS DA DS DT IS LO LT PN SH ST TM UC UI UR UT): a JSON string of the values as
    pydicom decodes them (with the Specific Character Set in force), joined with a backslash; PN
    values as pydicom's `str(PersonName)` (component groups joined with `=`);
  - binary numbers: US SS UL SL SV UV in decimal, FL FD as Python's shortest `repr` (`nan`, `inf`,
    `-inf`), AT as `GGGGEEEE`; several values joined with a backslash;
  - OB OD OF OL OV OW UN and any other byte value: `len=<bytes> sha256=<hex>` of the value bytes
    exactly as stored in the file (file byte order, no padding added or removed);
  - a sequence: `items=<count>`, followed by the lines of its items;
  - encapsulated pixel data: `fragments=<count of items, Basic Offset Table included>`, followed by
    one `len=... sha256=...` line per item.

Normalisation rules: where pydicom and a conformant parser legitimately differ, the golden file
records the conformant view. The Java test (CorpusTest) lists the same rules.

- N1 Sequence VR. A sequence found in a UN element or in an element of unknown VR (implicit VR) is
  labelled SQ by pydicom and UN by our reader (which writes it back as UN). Every sequence-valued
  element is recorded as SQ.
- N2 UN stays UN. pydicom replaces UN with the dictionary VR when it converts an element (and
  decodes the value); a conformant reader keeps the VR that was written. The dump takes UN elements
  from pydicom's raw elements, before that conversion, and records their bytes.
- N3 Private elements in implicit VR. pydicom takes their VR from its private dictionary; the
  standard defines no such dictionary, and a conformant parser treats them as UN (PS3.5 6.2.2).
  Private data elements (gggg,xxyy) of implicit VR datasets (xx >= 10) and private elements below
  the creator range (gggg,0001-000F) are recorded as UN with their bytes; creators (gggg,0010-00FF)
  are LO, private group lengths UL.
- N4 Sequences hidden in UN (CP-246). A UN value of defined length (other than pixel data) that is
  a run of items - item headers chaining exactly to the end of the value, or an item of undefined
  length - is a sequence encoded as implicit VR little endian (PS3.5 6.2.2); pydicom parses those
  bytes as such a sequence (read_sequence) and the items are dumped.
- N5 Padding. Text values are compared without trailing spaces and NULs, and without leading spaces
  except for LT, ST, UT, UC and PN, where PS3.5 6.2 makes them significant; pydicom already strips
  trailing padding for most VRs, and the rule is applied to every value here.
- N6 Invalid VR codes. pydicom's default (`assume_implicit_vr_switch`) reads an element whose VR
  bytes are not letters as implicit VR, taking the VR and length bytes for a 32-bit length, and
  mis-parses the rest of the file (fo-dicom/GH179A.dcm: VR "  "). dcmtk reads a 16-bit length; the
  dump turns the switch off, reads the 2-byte length like dcmtk, and records the dictionary VR
  (first choice of "US or SS" style alternatives), as our reader's recovery does.
- N7 Ambiguous dictionary VRs in implicit VR ("US or SS", "OB or OW", "US or OW",
  "US or SS or OW") are resolved by pydicom (from Pixel Representation, Bits Allocated); its
  resolution is kept. Where pydicom leaves "OB or OW" unresolved (Curve Data (50xx,3000) of
  fo-dicom/RI6XDosiGap.dcm) the dump records OW, the VR of such values in implicit VR (PS3.5 A.1).
- N8 Text in a dictionary SQ. In implicit VR, an element whose dictionary VR is SQ but whose
  defined-length value is not a run of items (dcm4che/Tag-0040-A170-VR-CS.dcm: (0040,A170) holds
  the CS text "NAMED TYPE" of the retired trial SR) is parsed by pydicom as a sequence of garbage;
  dcmtk fails on it. The dump records it as UN bytes, as our reader and dcm4che keep it.
- N9 Headerless files pydicom misdetects. pydicom takes "DICM" at offset 128 for a Part 10 prefix
  (dcm4che/no_preamble_dicm_in_data, where it is part of a StationName value) and does not skip
  the stray byte before the first element of pydicom/no_meta.dcm; both then read as one garbage
  element. For the files listed in START_OVERRIDES the dump makes pydicom read the dataset from
  the given offset in explicit VR little endian, as `dcmdump -f -te` reads them.
- N10 Empty trailing PN component groups. pydicom's PersonName drops them, so the raw value
  "Wang^XiaoDong=<ideographic>=" (PS3.5 Annex K and the charset samples) prints without its last
  `=`; dcmtk (`dcmdump +U8`) and our reader keep the value as written. The dump appends one `=` per
  component group pydicom dropped (counted on pydicom's split of the raw value at `=`).
- N11 ISO 2022 IR 58 escape. pydicom 2.3.1 leaves the designation ESC $ ) A in text decoded from
  ISO 2022 IR 58 (fo-dicom/charset/chrGB2312.dcm prints "Zhang^XiaoDong=ESC$)A张^ESC$)A小东=");
  PS3.5 Annex K, dcmtk (`dcmdump +U8`: "Zhang^XiaoDong=张^小东=") and dcm2json drop escape
  sequences from decoded text. The dump removes that escape sequence.
"""

import argparse
import csv
import hashlib
import io
import os
import struct
import sys
import warnings

import pydicom
from pydicom import config
from pydicom.dataelem import RawDataElement
from pydicom.datadict import dictionary_VR
from pydicom.filereader import read_dataset, read_sequence
from pydicom.sequence import Sequence

config.assume_implicit_vr_switch = False

# Raw elements seen by pydicom's conversion, by (tag, value offset): the VR as written in the file.
RAW = {}


def remember_raw(raw, **_kwargs):
    RAW[(int(raw.tag), raw.value_tell)] = raw
    return raw


config.data_element_callback = remember_raw
config.settings.reading_validation_mode = config.IGNORE

TEXT_VRS = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC",
            "UI", "UR", "UT"}
LEADING_SIGNIFICANT = {"LT", "ST", "UT", "UC", "PN"}
INT_VRS = {"US", "SS", "UL", "SL", "SV", "UV"}
FLOAT_VRS = {"FL", "FD"}

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(REPO, "src", "test", "resources", "corpus")
GOLDEN = os.path.join(REPO, "src", "test", "resources", "corpus-golden")


def tag_text(tag):
    return "(%04X,%04X)" % (tag >> 16, tag & 0xFFFF)


def digest(data):
    data = bytes(data or b"")
    return "len=%d sha256=%s" % (len(data), hashlib.sha256(data).hexdigest())


def json_string(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ch in "\u2028\u2029\x7f":
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def trim(value, vr):
    value = value.rstrip(" \0")
    if vr not in LEADING_SIGNIFICANT:
        value = value.lstrip(" ")
    return value


def float_text(v):
    if v != v:
        return "nan"
    if v in (float("inf"), float("-inf")):
        return "inf" if v > 0 else "-inf"
    return repr(float(v))


def as_list(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)) or type(value).__name__ == "MultiValue":
        return list(value)
    return [value]


IR58_ESCAPE = "\x1b$)A"


def person_name(pn):
    """N10: pydicom's decoded component groups, with the empty trailing ones it dropped."""
    raw = getattr(pn, "original_string", None)
    text = str(pn)
    if isinstance(raw, bytes):
        groups = len(raw.rstrip(b" \0").split(b"="))
        text += "=" * max(0, groups - len(text.split("=")))
    return text


def vr_text(vr):
    """pydicom 2.3 VRs are str enums whose str() is 'VR.XX'."""
    return str(getattr(vr, "value", vr))


def text_value(elem):
    values = []
    for v in as_list(elem.value):
        if v is None:
            v = ""
        if isinstance(getattr(v, "original_string", None), str):
            v = v.original_string
        text = person_name(v) if vr_text(elem.VR) == "PN" else str(v)
        values.append(trim(text.replace(IR58_ESCAPE, ""), vr_text(elem.VR)))
    if values == [""]:
        values = []
    return json_string("\\".join(values))


def number_value(elem):
    vr = vr_text(elem.VR)
    values = as_list(elem.value)
    if vr == "AT":
        return "\\".join("%08X" % int(v) for v in values)
    if vr in FLOAT_VRS:
        return "\\".join(float_text(v) for v in values)
    return "\\".join(str(int(v)) for v in values)


def looks_like_items(data):
    """N4: a run of item headers chaining exactly to the end, or an item of undefined length."""
    pos, count = 0, 0
    while pos < len(data):
        if len(data) - pos < 8:
            return False
        tag, length = struct.unpack_from("<II", data, pos)
        if tag != 0xE000FFFE:
            return False
        if length == 0xFFFFFFFF:
            return True
        pos += 8 + length
        count += 1
    return pos == len(data) and count > 0


def fragments(data, little):
    order = "<" if little else ">"
    items, pos = [], 0
    while pos + 8 <= len(data):
        group, element, length = struct.unpack_from(order + "HHI", data, pos)
        if (group, element) != (0xFFFE, 0xE000):
            break
        items.append(data[pos + 8:pos + 8 + length])
        pos += 8 + length
    return items


def private_as_un(tag):
    """N3: private elements whose VR an implicit VR dataset cannot tell."""
    group, element = tag >> 16, tag & 0xFFFF
    if group % 2 == 0 or group <= 7 or group == 0xFFFF:
        return False
    return element >= 0x1000 or 0x0001 <= element <= 0x000F


class Dumper:
    def __init__(self, little):
        self.little = little
        self.lines = []

    def dataset(self, ds, prefix, implicit, encoding):
        for tag in sorted(int(t) for t in ds.keys()):
            path = prefix + tag_text(tag)
            raw = ds.get_item(tag)
            if isinstance(raw, RawDataElement) and raw.VR is not None and not ("AA" <= raw.VR <= "ZZ"):
                self.invalid_vr(path, tag, raw, ds)
                continue
            elem = ds[tag]
            raw = raw if isinstance(raw, RawDataElement) else RAW.get((tag, elem.file_tell))
            if raw is not None and raw.VR == "UN":
                self.un(path, tag, raw, encoding)
            elif raw is not None and raw.VR is None and implicit and private_as_un(tag):
                self.bytes_or_items(path, "UN", raw.value or b"", encoding)
            elif raw is not None and raw.VR is None and implicit and tag & 0xFFFF == 0:
                self.lines.append("%s\tUL\t%s" % (path, "\\".join(
                    str(v) for v in struct.unpack("<%dI" % (raw.length // 4), raw.value))))
            elif (raw is not None and raw.VR is None and vr_text(elem.VR) == "SQ" and raw.length
                  and raw.length != 0xFFFFFFFF and not looks_like_items(raw.value)):
                self.lines.append("%s\tUN\t%s" % (path, digest(raw.value)))
            else:
                self.element(path, elem, ds, implicit, encoding)

    def invalid_vr(self, path, tag, raw, ds):
        """N6: dictionary VR, first alternative."""
        vr = dictionary_VR(tag).split(" or ")[0]
        fake = RawDataElement(raw.tag, vr, raw.length, raw.value, raw.value_tell,
                              raw.is_implicit_VR, raw.is_little_endian)
        ds._dict[raw.tag] = fake
        self.element(path, ds[tag], ds, False, ds._character_set)

    def un(self, path, tag, raw, encoding):
        """N2: a UN element as written; undefined length means fragments or a sequence."""
        data = raw.value or b""
        if raw.length == 0xFFFFFFFF:
            items = fragments(data, self.little)
            self.lines.append("%s\tUN\tfragments=%d" % (path, len(items)))
            for i, item in enumerate(items):
                self.lines.append("%s{%d}\t--\t%s" % (path, i, digest(item)))
            return
        if tag == 0x7FE00010:
            self.lines.append("%s\tUN\t%s" % (path, digest(data)))
            return
        self.bytes_or_items(path, "UN", data, encoding)

    def bytes_or_items(self, path, vr, data, encoding):
        data = bytes(data)
        if len(data) >= 8 and looks_like_items(data):
            seq = read_sequence(io.BytesIO(data), True, True, len(data), encoding)
            self.sequence(path, seq, True, encoding)
        else:
            self.lines.append("%s\t%s\t%s" % (path, vr, digest(data)))

    def sequence(self, path, seq, implicit, encoding):
        self.lines.append("%s\tSQ\titems=%d" % (path, len(seq)))
        for i, item in enumerate(seq):
            item_implicit = getattr(item, "read_implicit_vr", None)
            if item_implicit is None:
                item_implicit = implicit
            self.dataset(item, "%s[%d]/" % (path, i), item_implicit, item._character_set)

    def element(self, path, elem, ds, implicit, encoding):
        vr = vr_text(elem.VR)
        if vr == "OB or OW":
            vr = "OW"
        value = elem.value
        if vr == "SQ" or isinstance(value, Sequence):
            self.sequence(path, value, implicit, encoding)
            return
        if vr in TEXT_VRS:
            self.lines.append("%s\t%s\t%s" % (path, vr, text_value(elem)))
            return
        if vr in INT_VRS or vr in FLOAT_VRS or vr == "AT":
            self.lines.append("%s\t%s\t%s" % (path, vr, number_value(elem)))
            return
        data = value if isinstance(value, (bytes, bytearray)) else b""
        if elem.is_undefined_length and vr in ("OB", "OW", "UN"):
            items = fragments(data, self.little)
            self.lines.append("%s\t%s\tfragments=%d" % (path, vr, len(items)))
            for i, item in enumerate(items):
                self.lines.append("%s{%d}\t--\t%s" % (path, i, digest(item)))
            return
        if vr == "UN" and elem.tag != 0x7FE00010:
            self.bytes_or_items(path, vr, data, encoding)
            return
        self.lines.append("%s\t%s\t%s" % (path, vr, digest(data)))


# N9: (offset of the first element, implicit VR, little endian), by path suffix.
START_OVERRIDES = {
    "pydicom/no_meta.dcm": (1, False, True),
    "dcm4che/no_preamble_dicm_in_data": (0, False, True),
}


def read(path):
    for suffix, (offset, implicit, little) in START_OVERRIDES.items():
        if path.replace(os.sep, "/").endswith(suffix):
            with open(path, "rb") as f:
                data = f.read()
            ds = read_dataset(io.BytesIO(data[offset:]), implicit, little)
            return ds, implicit, little
    ds = pydicom.dcmread(path, force=True)
    return ds, bool(ds.is_implicit_VR), bool(ds.is_little_endian)


def dump(path):
    RAW.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds, implicit, little = read(path)
        d = Dumper(little)
        d.dataset(ds, "", implicit, ds._character_set)
    header = [
        "# pydicom %s golden dump (tools/golden-dump.py); reviewed, regenerate only on purpose"
        % pydicom.__version__,
        "# encoding: %s %s" % ("implicit" if implicit else "explicit", "little" if little else "big"),
    ]
    return "\n".join(header + d.lines) + "\n"


def expected_files():
    with open(os.path.join(CORPUS, "EXPECTED.tsv"), encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return [r[0] for r in rows[1:] if r[1] != "fails"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=CORPUS, help="folder the paths are relative to")
    parser.add_argument("--out", default=GOLDEN, help="folder the dumps are written to")
    parser.add_argument("paths", nargs="*", help="relative paths (default: EXPECTED.tsv)")
    args = parser.parse_args()
    paths = args.paths or expected_files()
    failed = 0
    for rel in paths:
        target = os.path.join(args.out, rel + ".txt")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            text = dump(os.path.join(args.root, rel))
        except Exception as e:  # report and go on: one broken file must not hide the others
            failed += 1
            print("FAILED %s: %s: %s" % (rel, type(e).__name__, e), file=sys.stderr)
            continue
        with open(target, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    print("%d dumped, %d failed" % (len(paths) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
