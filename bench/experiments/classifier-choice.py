"""
How the entry classifier was chosen (issue 15: "choose the method by measurement"), 2026-12-04.

Trains models on the knowledge base's phrasings (answers' question and alternates, requests' and
referrals' label and examples, all languages, label = entry id) and reports how often each puts
the expected entry first for the questions and requests of the sets given, e.g.

    pip install scikit-learn pyyaml numpy scipy
    python3 bench/experiments/classifier-choice.py test/eval-used/HF test/eval-used/H17E

On HF + H17E (unseen then; 474 questions and requests), at 1510a5c: LinearSVC 97.5 %, averaged
multiclass hinge (what src/knowledge/EntryClassifier.ts implements) 95.6 %, 10 nearest phrasings
92.2 %, entry centroids 87.8 %; the word matcher alone got 84.7 % of those questions right. On HG +
H17F: 96.2, 95.8, 90.1 and 86.5 %. Top-1 only: the product also needs a refusal, which
`understand` gets from the matcher's candidates and the classifier's lead.
Not part of the tests; it needs Python and scikit-learn.
"""
import glob, math, re, sys, unicodedata, zlib
import numpy as np
import yaml
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC


def fold(s):
    s = unicodedata.normalize('NFD', s.lower())
    return ''.join(c for c in s if unicodedata.category(c) != 'Mn')


def phrasings():
    X, y = [], []
    for lang in ['en', 'fr', 'es']:
        for f in glob.glob(f'knowledge/{lang}/*.yaml'):
            name = f.split('/')[-1][:-5]
            if name in ('lexicon', 'danger'):
                continue
            d = yaml.safe_load(open(f))
            for kind in ('actions', 'referrals'):
                for e in d.get(kind, []) if name == kind else []:
                    for p in [e.get('label', '')] + e.get('examples', []):
                        X.append(fold(p)); y.append(e['id'])
            for e in d.get('entries', []):
                for p in [e['question']] + e.get('alternates', []):
                    X.append(fold(p)); y.append(e['id'])
    return X, np.array(y)


def tests(dirs):
    out = []
    for d in dirs:
        for lang in ['en', 'fr', 'es']:
            s = yaml.safe_load(open(f'{d}/{lang}.yaml'))
            out += [(fold(q['q']), [q['id']] + q.get('also', [])) for q in s.get('questions', [])]
            out += [(fold(q['q']), [q['action']]) for q in s.get('actions', [])]
    return out


def score(name, predictions, T):
    print(f'{name:34s} {100 * sum(p in t[1] for p, t in zip(predictions, T)) / len(T):.1f} % first')


X, y = phrasings()
T = tests(sys.argv[1:])
chars = TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), sublinear_tf=True, min_df=2)
words = TfidfVectorizer(analyzer='word', ngram_range=(1, 2), sublinear_tf=True, token_pattern=r'(?u)\b\w+\b')
A = normalize(hstack([chars.fit_transform(X), words.fit_transform(X)]).tocsr())
Q = normalize(hstack([chars.transform([t[0] for t in T]), words.transform([t[0] for t in T])]).tocsr())

svm = LinearSVC(C=0.5).fit(A, y)
score('LinearSVC', svm.classes_[svm.decision_function(Q).argmax(1)], T)

S = (Q @ A.T).toarray()
knn = []
for row in S:
    votes = {}
    for j in np.argsort(-row)[:10]:
        votes[y[j]] = votes.get(y[j], 0) + row[j]
    knn.append(max(votes, key=votes.get))
score('10 nearest phrasings', knn, T)

classes = sorted(set(y))
index = {c: i for i, c in enumerate(classes)}
from scipy.sparse import csr_matrix
M = csr_matrix((np.ones(len(y)), ([index[c] for c in y], np.arange(len(y)))), shape=(len(classes), len(y)))
score('entry centroids', [classes[i] for i in (Q @ normalize(M @ A).T).toarray().argmax(1)], T)

# Averaged multiclass hinge on hashed features, as EntryClassifier (same features, other hash).
F = 1 << 16
def feats(t):
    out, ws = {}, re.findall(r'\w+', t)
    for i, w in enumerate(ws):
        p = f' {w} '
        for n in range(2, 6):
            for k in range(len(p) - n + 1):
                h = zlib.crc32(('c' + p[k:k + n]).encode()) & (F - 1); out[h] = out.get(h, 0) + 1
        h = zlib.crc32(('w' + w).encode()) & (F - 1); out[h] = out.get(h, 0) + 1
        if i + 1 < len(ws):
            h = zlib.crc32(('b' + w + ' ' + ws[i + 1]).encode()) & (F - 1); out[h] = out.get(h, 0) + 1
    return out
D = [feats(x) for x in X]
df = np.zeros(F)
for d in D:
    for h in d: df[h] += 1
idf = np.log((1 + len(D)) / (1 + df)) + 1
def vec(d):
    ks = np.array(list(d.keys()), dtype=int); vs = np.array([1 + math.log(c) for c in d.values()]) * idf[ks]
    return ks, vs / (np.linalg.norm(vs) or 1)
V = [vec(d) for d in D]
Y = np.array([index[c] for c in y])
W = np.zeros((F, len(classes)), dtype=np.float32); U = np.zeros_like(W); step = 1
rng = np.random.default_rng(0)
for epoch in range(3):
    for i in rng.permutation(len(V)):
        ks, vs = V[i]; s = vs @ W[ks]; t = Y[i]; s[t] -= 1e9; wrong = s.argmax(); s[t] += 1e9
        if s[t] - s[wrong] < 1:
            W[ks, t] += vs; W[ks, wrong] -= vs; U[ks, t] += step * vs; U[ks, wrong] -= step * vs
        step += 1
W -= U / step
score('averaged multiclass hinge, 3 passes', [classes[(vs @ W[ks]).argmax()] for ks, vs in (vec(feats(t[0])) for t in T)], T)
