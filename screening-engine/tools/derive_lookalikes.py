#!/usr/bin/python3
"""Derive the look-alike character pairs the trademark corpus generator plants (lookalike-pairs.txt).

Why a separate source: the detector (KnownMarkIndex, Hanzi.looksAlike) judges shape by Unihan four-corner
codes, radicals, stroke counts and variant links. If the generator planted look-alikes chosen by the same
relation, the evaluation would only measure that the detector agrees with itself. Here look-alikes are
chosen by what a person sees: the glyphs are rendered and compared as pictures, with no Unihan field at all.

Characters: the common simplified characters of HanLP's CoreSynonym thesaurus (words of general Chinese,
not patent text), those in at least 3 of its words and not converted by HanLP's t2s table (so not
traditional forms). Glyphs: WenQuanYi Zen Hei (Debian fonts-wqy-zenhei) at 56 px on a 64 x 64 canvas,
binarised. Distance of two glyphs: symmetric chamfer distance (mean distance in pixels from each inked
pixel of one to the nearest inked pixel of the other, capped at 8, averaged both ways). Dense glyphs are
close to everything, so the distance is divided by the geometric mean of the two characters' median
distance to all others. A pair is a look-alike when that ratio is <= 0.42 and the raw distance <= 1.0 px
(examples kept: 师/帅 0.32, 桃/挑 0.24, 未/末 0.11, 康/唐 0.47 is left out; 己/已 0.62 is left out in
this font, so the set misses some famous pairs: it is a sample of look-alikes, not all of them).

Needs: apt-get install python3-numpy python3-pil fonts-wqy-zenhei; the HanLP portable jar (Maven
com.hankcs:hanlp:portable-1.8.6). Run (about a minute on one core):
  /usr/bin/python3 screening-engine/tools/derive_lookalikes.py ~/.m2/repository/com/hankcs/hanlp/portable-1.8.6/hanlp-portable-1.8.6.jar \
    > screening-engine/src/main/resources/org/zhibao/screening/corpus/lookalike-pairs.txt
"""
import sys
import zipfile
from collections import Counter

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = ImageFont.truetype('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 56, index=0)
SIZE = 64
CAP = 8


def glyph(c):
    im = Image.new('L', (SIZE, SIZE), 0)
    ImageDraw.Draw(im).text((4, 54), c, fill=255, font=FONT, anchor='ls')
    return np.array(im) > 100


def dilate(a):
    b = a.copy()
    b[1:, :] |= a[:-1, :]
    b[:-1, :] |= a[1:, :]
    b[:, 1:] |= a[:, :-1]
    b[:, :-1] |= a[:, 1:]
    return b


def distance_map(a):
    d = np.full(a.shape, CAP, dtype=np.float32)
    cur = a.copy()
    d[cur] = 0
    for k in range(1, CAP):
        cur = dilate(cur)
        d[(d == CAP) & cur] = k
    return d


def main(jar):
    with zipfile.ZipFile(jar) as z:
        thesaurus = z.read('data/dictionary/synonym/CoreSynonym.txt').decode('utf-8-sig')
        t2s = z.read('data/dictionary/tc/t2s.txt').decode('utf-8')
    traditional = {line.split('=')[0] for line in t2s.splitlines() if '=' in line}
    count = Counter()
    for line in thesaurus.splitlines():
        for word in line.split()[1:]:
            for c in word:
                if '\u4e00' <= c <= '\u9fff':
                    count[c] += 1
    chars = sorted(c for c, n in count.items() if n >= 3 and c not in traditional)
    ink = np.zeros((len(chars), SIZE * SIZE), np.float32)
    dist = np.zeros((len(chars), SIZE * SIZE), np.float32)
    for i, c in enumerate(chars):
        g = glyph(c)
        ink[i] = g.ravel()
        dist[i] = distance_map(g).ravel()
    one_way = (ink @ dist.T) / ink.sum(1)[:, None]
    chamfer = (one_way + one_way.T) / 2
    np.fill_diagonal(chamfer, 99)
    median = np.median(chamfer, axis=1)
    ratio = chamfer / np.sqrt(np.outer(median, median))
    print('# look-alike character pairs by rendered glyphs (see screening-engine/tools/derive_lookalikes.py)')
    for i, j in zip(*np.where((ratio <= 0.42) & (chamfer <= 1.0))):
        if i < j:
            print(chars[i] + chars[j])


if __name__ == '__main__':
    main(sys.argv[1])
