#!/usr/bin/env python3
"""Derive the compact character table the screening engine ships (unihan-chars.tsv) from Unihan.

Source: the Unihan database of the Unicode Character Database, as packaged by Debian's `unicode-data`
(`apt-get install unicode-data`, files /usr/share/unicode/Unihan_*.txt.bz2). Licence: Unicode License
(see SOURCE.md beside the output). Run:  python3 screening-engine/tools/derive_unihan.py > \
    screening-engine/src/main/resources/org/zhibao/screening/unihan-chars.tsv

Columns: character, simplified form (kSimplifiedVariant, first; '-' when the same), toneless pinyin
(kMandarin, first reading; ü as v), four-corner code (kFourCornerCode, 4 digits, '-' if none),
radical.residual strokes (kRSUnicode, first), look-alike and variant characters (kSemanticVariant,
kZVariant, kSpoofingVariant, kSpecializedSemanticVariant; '-' if none). Only the BMP ideographs.
"""
import bz2, re, sys, unicodedata
from collections import defaultdict

DIR = '/usr/share/unicode/'
fields = defaultdict(dict)
WANTED = {'kSimplifiedVariant', 'kMandarin', 'kFourCornerCode', 'kRSUnicode', 'kSemanticVariant',
          'kZVariant', 'kSpoofingVariant', 'kSpecializedSemanticVariant'}
for name in ('Variants', 'Readings', 'DictionaryLikeData', 'IRGSources'):
    with bz2.open(DIR + 'Unihan_' + name + '.txt.bz2', 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cp, key, value = line.rstrip('\n').split('\t', 2)
            if key in WANTED:
                fields[int(cp[2:], 16)][key] = value

def chars(value):
    out = []
    for m in re.finditer(r'U\+([0-9A-F]+)', value):
        c = int(m.group(1), 16)
        if c <= 0xFFFF:
            out.append(chr(c))
    return out

def toneless(reading):
    s = unicodedata.normalize('NFD', reading.split()[0])
    s = s.replace('u\u0308', 'v')
    return ''.join(ch for ch in s if not unicodedata.combining(ch)).lower()

def bmp_ideograph(cp):
    return 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF

for cp in sorted(fields):
    if not bmp_ideograph(cp):
        continue
    f = fields[cp]
    simp = [c for c in chars(f.get('kSimplifiedVariant', '')) if c != chr(cp)]
    pinyin = toneless(f['kMandarin']) if 'kMandarin' in f else '-'
    corner = f['kFourCornerCode'].split()[0][:4] if 'kFourCornerCode' in f else '-'
    rs = f['kRSUnicode'].split()[0].replace("'", '') if 'kRSUnicode' in f else '-'
    variants = []
    for key in ('kSemanticVariant', 'kZVariant', 'kSpoofingVariant', 'kSpecializedSemanticVariant'):
        for c in chars(f.get(key, '')):
            if c != chr(cp) and c not in variants:
                variants.append(c)
    if pinyin == '-' and corner == '-' and not simp and not variants:
        continue
    print('\t'.join([chr(cp), simp[0] if simp else '-', pinyin, corner, rs, ''.join(variants) or '-']))
