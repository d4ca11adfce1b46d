#!/usr/bin/env python3
"""Derive the per-character table the trademark detector reads besides unihan-chars.tsv (mark-chars.tsv).

Source: Unihan of the Unicode Character Database 15.0 as packaged by Debian's `unicode-data`
(/usr/share/unicode/Unihan_*.txt.bz2). Licence: Unicode License (see SOURCE.md). Run:
  python3 screening-engine/tools/derive_mark_chars.py > \
    screening-engine/src/main/resources/org/zhibao/screening/trademark/mark-chars.tsv

Columns: character; its modern Mandarin readings, toneless, comma-separated, kMandarin first, then those of
kXHC1983 (Xiandai Hanyu Cidian) and kTGHZ2013 (Tongyong Guifan Hanzi Zidian), ü written u ('-' if none);
total strokes (kTotalStrokes, first; '-' if none); phonetic series (kPhonetic, Casey's "Ten Thousand
Characters", space-separated, '*' dropped; '-' if none). Only BMP ideographs with a reading.
kHanyuPinyin is left out on purpose: it lists classical readings (哈 tà, shà) nobody reads a mark with.
"""
import bz2, re, unicodedata
from collections import defaultdict

DIR = '/usr/share/unicode/'
WANTED = {'kMandarin', 'kXHC1983', 'kTGHZ2013', 'kTotalStrokes', 'kPhonetic'}
fields = defaultdict(dict)
for name in ('Readings', 'DictionaryLikeData', 'IRGSources'):
    with bz2.open(DIR + 'Unihan_' + name + '.txt.bz2', 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cp, key, value = line.rstrip('\n').split('\t', 2)
            if key in WANTED:
                fields[int(cp[2:], 16)][key] = value


def toneless(reading):
    s = unicodedata.normalize('NFD', reading)
    return ''.join(ch for ch in s if not unicodedata.combining(ch)).lower()


for cp in sorted(fields):
    if not (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF):
        continue
    f = fields[cp]
    readings = []
    for r in f.get('kMandarin', '').split():
        readings.append(toneless(r))
    for key in ('kXHC1983', 'kTGHZ2013'):
        for entry in f.get(key, '').split():
            readings.append(toneless(entry.split(':', 1)[1]))
    readings = [r for i, r in enumerate(readings) if r and r not in readings[:i]]
    if not readings:
        continue
    strokes = f['kTotalStrokes'].split()[0] if 'kTotalStrokes' in f else '-'
    phonetic = ' '.join(dict.fromkeys(p.replace('*', '') for p in f.get('kPhonetic', '').split())) or '-'
    print('\t'.join([chr(cp), ','.join(readings), strokes, phonetic]))
