#!/usr/bin/env python3
"""Generate WidthTable.swift: the terminal column width of every Unicode scalar.

Why a generated table: krant's core must not depend on the process locale or
on the C library's wcwidth(), which differ between systems and Unicode
versions. One committed table gives every platform the same answer.

Input (all from one Unicode version, Debian package `unicode-data`):
    UnicodeData.txt                 general category (Cc, Cf, Mn, Me)
    PropList.txt                    Prepended_Concatenation_Mark
    EastAsianWidth.txt              East_Asian_Width W and F (+ its default-W ranges)
    DerivedCoreProperties.txt       Default_Ignorable_Code_Point
    emoji/emoji-data.txt            Emoji, Emoji_Presentation
    ReadMe.txt                      the version of UnicodeData.txt
The version read is checked to agree across all files and is written into the
generated file. Python's own unicodedata module is NOT used, because it may be
an older Unicode version than the data files.

Rerun (from the package root):
    apt-get install -y unicode-data          # provides /usr/share/unicode
    python3 Sources/KrantCore/Text/generate-width-table.py [--unicode-dir DIR]
It rewrites Sources/KrantCore/Text/WidthTable.swift next to this script.

Width rules, first match wins:
    Cc controls                                         0
    U+00AD SOFT HYPHEN                                  1  (terminals draw it)
    Mn, Me (combining marks)                            0
    Cf (format controls), except the visible            0
        Prepended_Concatenation_Marks (U+0600 ...)
    U+200B..200F, 2028..202E, 2060..206F, FEFF,         0
    FE00..FE0F, E0100..E01EF (variation selectors),
    1160..11FF, D7B0..D7FF (Hangul medial/final jamo)
    East_Asian_Width W or F, Emoji_Presentation=Yes     2
    Default_Ignorable_Code_Point                        0
    everything else                                     1
"""

import argparse
import os
import re
import sys

MAX_SCALAR = 0x10FFFF

EXPLICIT_ZERO = [
    (0x200B, 0x200F),  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    (0x2028, 0x202E),  # line/paragraph separators, bidi embeddings
    (0x2060, 0x206F),  # word joiner, invisible operators, bidi isolates
    (0xFEFF, 0xFEFF),  # zero-width no-break space / BOM
    (0xFE00, 0xFE0F),  # variation selectors 1-16
    (0xE0100, 0xE01EF),  # variation selectors 17-256
    (0x1160, 0x11FF),  # Hangul Jamo medial vowels and final consonants
    (0xD7B0, 0xD7FF),  # Hangul Jamo Extended-B (medial and final)
]

# East_Asian_Width defaults for code points the file does not list (see its header).
EAW_DEFAULT_WIDE = [
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
]


def parse_ranges(path, wanted):
    """Yield (first, last) for lines `X..Y ; value` whose value is in `wanted`."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [field.strip() for field in line.split(";")]
            if fields[1] not in wanted:
                continue
            first, _, last = fields[0].partition("..")
            yield int(first, 16), int(last or first, 16)


def parse_general_categories(path, wanted):
    """Yield (first, last) for UnicodeData.txt entries in the wanted categories."""
    range_start = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            code, name, category = int(fields[0], 16), fields[1], fields[2]
            if name.endswith(", First>"):
                range_start = code
                continue
            first = range_start if name.endswith(", Last>") else code
            range_start = None
            if category in wanted:
                yield first, code


def read_version(path, pattern):
    with open(path, encoding="utf-8") as f:
        head = f.read(4000)
    match = re.search(pattern, head)
    if not match:
        sys.exit(f"cannot find the Unicode version in {path}")
    return match.group(1)


def paint(table, ranges, value):
    for first, last in ranges:
        for code in range(first, last + 1):
            table[code] = value


def to_ranges(table, value):
    """Sorted, merged (first, last) ranges of scalars whose entry equals value."""
    ranges, start = [], None
    for code in range(MAX_SCALAR + 2):
        hit = code <= MAX_SCALAR and table[code] == value
        if hit and start is None:
            start = code
        elif not hit and start is not None:
            ranges.append((start, code - 1))
            start = None
    return ranges


def swift_array(name, values, doc):
    lines = [f"    /// {doc}", f"    static let {name}: [UInt32] = ["]
    for i in range(0, len(values), 8):
        chunk = ", ".join(f"0x{v:05X}" for v in values[i:i + 8])
        lines.append(f"        {chunk},")
    lines.append("    ]")
    return "\n".join(lines)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unicode-dir", default="/usr/share/unicode")
    parser.add_argument("--output", default=os.path.join(here, "WidthTable.swift"))
    args = parser.parse_args()
    ucd = args.unicode_dir

    files = {
        "UnicodeData": os.path.join(ucd, "UnicodeData.txt"),
        "EastAsianWidth": os.path.join(ucd, "EastAsianWidth.txt"),
        "DerivedCoreProperties": os.path.join(ucd, "DerivedCoreProperties.txt"),
        "PropList": os.path.join(ucd, "PropList.txt"),
        "emoji-data": os.path.join(ucd, "emoji", "emoji-data.txt"),
    }
    versions = {
        "UnicodeData": read_version(os.path.join(ucd, "ReadMe.txt"), r"Version (\d+\.\d+\.\d+) of the Unicode Standard"),
        "EastAsianWidth": read_version(files["EastAsianWidth"], r"EastAsianWidth-(\d+\.\d+\.\d+)\.txt"),
        "DerivedCoreProperties": read_version(files["DerivedCoreProperties"], r"DerivedCoreProperties-(\d+\.\d+\.\d+)\.txt"),
        "PropList": read_version(files["PropList"], r"PropList-(\d+\.\d+\.\d+)\.txt"),
        "emoji-data": read_version(files["emoji-data"], r"Emoji Version (\d+\.\d+)") + ".0",
    }
    major_minor = {v.rsplit(".", 1)[0] for v in versions.values()}
    if len(major_minor) != 1:
        sys.exit(f"data files disagree on the Unicode version: {versions}")
    version = versions["UnicodeData"]

    # Paint lowest precedence first so later rules overwrite earlier ones.
    table = bytearray([1]) * (MAX_SCALAR + 1)
    paint(table, parse_ranges(files["DerivedCoreProperties"], {"Default_Ignorable_Code_Point"}), 0)
    paint(table, parse_ranges(files["EastAsianWidth"], {"W", "F"}), 2)
    # Default-W applies only where the file is silent, so repaint listed non-W/F entries.
    eaw_listed = bytearray(MAX_SCALAR + 1)
    paint(eaw_listed, parse_ranges(files["EastAsianWidth"], {"A", "H", "N", "Na", "W", "F"}), 1)
    for first, last in EAW_DEFAULT_WIDE:
        paint(table, ((c, c) for c in range(first, last + 1) if not eaw_listed[c]), 2)
    paint(table, parse_ranges(files["emoji-data"], {"Emoji_Presentation"}), 2)
    paint(table, EXPLICIT_ZERO, 0)
    paint(table, parse_general_categories(files["UnicodeData"], {"Cf"}), 0)
    paint(table, parse_ranges(files["PropList"], {"Prepended_Concatenation_Mark"}), 1)
    paint(table, parse_general_categories(files["UnicodeData"], {"Mn", "Me"}), 0)
    paint(table, [(0x00AD, 0x00AD)], 1)
    paint(table, parse_general_categories(files["UnicodeData"], {"Cc"}), 0)

    # DisplayWidth's fast path assumes every non-control scalar below U+0300 is 1.
    for code in range(0x300):
        is_control = code < 0x20 or 0x7F <= code <= 0x9F
        if table[code] != (0 if is_control else 1):
            sys.exit(f"U+{code:04X} breaks the fast-path assumption")

    emoji = bytearray(MAX_SCALAR + 1)
    paint(emoji, parse_ranges(files["emoji-data"], {"Emoji"}), 1)
    # Only the emoji that are not already wide: those a VS16 can widen.
    text_emoji_table = bytearray(MAX_SCALAR + 1)
    for code in range(MAX_SCALAR + 1):
        if emoji[code] and table[code] != 2:
            text_emoji_table[code] = 1

    # One table of disjoint ranges for both widths keeps look-up to one search.
    special = sorted([(f, l, 0) for f, l in to_ranges(table, 0)] + [(f, l, 2) for f, l in to_ranges(table, 2)])
    text_emoji_ranges = to_ranges(text_emoji_table, 1)

    out = [
        "// GENERATED FILE, DO NOT EDIT.",
        "// Generated by Sources/KrantCore/Text/generate-width-table.py from the",
        f"// Unicode {version} data files (UnicodeData.txt, EastAsianWidth.txt, PropList.txt,",
        "// DerivedCoreProperties.txt, emoji/emoji-data.txt) of Debian's `unicode-data`.",
        "// Rerun: python3 Sources/KrantCore/Text/generate-width-table.py",
        "",
        "/// Column widths that differ from 1, so the core never consults the locale.",
        "///",
        "/// Ranges are sorted and disjoint; `DisplayWidth` binary-searches them.",
        "enum WidthTable {",
        "    /// The Unicode version the ranges were generated from.",
        f'    static let unicodeVersion = "{version}"',
        "",
        swift_array("starts", [f for f, _, _ in special], "First scalar of each range."),
        "",
        swift_array("ends", [l for _, l, _ in special], "Last scalar (inclusive) of each range."),
        "",
        "    /// Width of each range: 0 (combining, invisible) or 2 (wide, emoji).",
        "    static let widths: [UInt8] = [",
    ]
    widths = [w for _, _, w in special]
    for i in range(0, len(widths), 32):
        out.append("        " + ", ".join(str(w) for w in widths[i:i + 32]) + ",")
    out += [
        "    ]",
        "",
        swift_array("textEmojiStarts", [f for f, _ in text_emoji_ranges],
                    "Emoji drawn 1 column wide unless followed by U+FE0F: first scalars."),
        "",
        swift_array("textEmojiEnds", [l for _, l in text_emoji_ranges],
                    "Emoji drawn 1 column wide unless followed by U+FE0F: last scalars."),
        "}",
        "",
    ]
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print(f"wrote {args.output}: Unicode {version}, {len(special)} ranges, "
          f"{len(text_emoji_ranges)} text-emoji ranges")


if __name__ == "__main__":
    main()
