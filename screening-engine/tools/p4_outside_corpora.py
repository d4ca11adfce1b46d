#!/usr/bin/env python3
"""Corpora for P4_GENERATED made outside the generator, from the shipped real abstracts (see screening-engine/README.md,
"P4 on small and mixed corpora").

  p4_outside_corpora.py model-half GENERATED_DIR OUT_DIR
      copies a generated corpus (patents.jsonl, patents-truth.jsonl), replacing each real abstract of the generator's
      half (the even-numbered lines of the shipped file) with probability one half by one of the language model's
      own half (odd-numbered lines), as a corpus mixing the shipped file in whole would hold them.
  p4_outside_corpora.py real-only OUT_DIR
      every shipped abstract (title and abstract, no claims) as a filing, and 100 salads of the same length cut from
      the generator's half in chunks of 2-6 (the first 50) and 3-8 characters, with their truth.

Then: bin/zhibao-screen evaluate --patents-only true --reuse true --work OUT_DIR
"""
import gzip
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# the engine's copy of the shipped abstracts (RealPatents reads the same file), in the shipped order
SHIPPED = os.path.join(HERE, '..', 'src', 'main', 'resources', 'org', 'zhibao', 'screening', 'corpus',
                       'cn-patents-g06f.jsonl.gz')


def shipped():
    with gzip.open(SHIPPED, 'rt', encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def model_half(generated, out):
    rng = random.Random(3)
    real = shipped()
    generators = {d['abstract'][:40] for d in real[0::2]}
    model = real[1::2]
    rng.shuffle(model)
    os.makedirs(out, exist_ok=True)
    used = 0
    with open(os.path.join(generated, 'patents.jsonl'), encoding='utf-8') as src, \
            open(os.path.join(out, 'patents.jsonl'), 'w', encoding='utf-8') as dst:
        for line in src:
            d = json.loads(line)
            if d['abstract'][:40] in generators and rng.random() < 0.5 and used < len(model):
                d['title'] = model[used]['title']
                d['abstract'] = model[used]['abstract']
                used += 1
            dst.write(json.dumps(d, ensure_ascii=False) + '\n')
    shutil.copy(os.path.join(generated, 'patents-truth.jsonl'), out)
    print(used, 'real abstracts replaced by the model\'s own')


def real_only(out):
    rng = random.Random(9)
    real = shipped()
    os.makedirs(out, exist_ok=True)

    def record(no, title, text):
        return {'applicationNo': no, 'kind': 'INVENTION', 'filingDate': '2024-01-01', 'title': title,
                'abstract': text, 'claims': '', 'ipc': ['G06F'], 'applicants': [{'name': 'x', 'address': 'y'}],
                'inventors': [], 'agency': None}

    with open(os.path.join(out, 'patents.jsonl'), 'w', encoding='utf-8') as dst, \
            open(os.path.join(out, 'patents-truth.jsonl'), 'w', encoding='utf-8') as truth:
        for i, d in enumerate(real):
            dst.write(json.dumps(record('R%05d' % i, d['title'], d['abstract']), ensure_ascii=False) + '\n')
        even = [d['abstract'] for d in real[0::2]]
        for i in range(100):
            n = rng.randint(150, 300)
            lo, hi = (2, 6) if i < 50 else (3, 8)
            s = ''
            while len(s) < n:
                t = rng.choice(even)
                k = rng.randint(lo, hi)
                p = rng.randint(0, max(0, len(t) - k))
                s += t[p:p + k]
            no = 'S%05d' % i
            dst.write(json.dumps(record(no, s[:12], s), ensure_ascii=False) + '\n')
            truth.write(json.dumps({'rule': 'P4_GENERATED', 'subjects': [no]}) + '\n')


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'model-half':
        model_half(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == 'real-only':
        real_only(sys.argv[2])
    else:
        sys.exit(__doc__)
