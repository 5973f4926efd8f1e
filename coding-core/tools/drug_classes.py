#!/usr/bin/env python3
"""Generates coding-core/src/main/resources/io/oncoaudit/core/tables/drug-classes.csv: a class and the public source of
that class for every HCPCS code of the shipped CMS ASP files that drugs.csv does not curate. Billing units and
effective quarters are NOT written here: DrugTable reads them from the shipped ASP files (tables.cms.AspQuarters).
Codes no rule below classifies are written as UNCLASSIFIED (no confident finding, a review item; OA-FAM-003).
Run from the repository root: python3 coding-core/tools/drug_classes.py (DrugClassesTests checks the output's coverage)."""
import csv, glob, re

TABLES = 'coding-core/src/main/resources/io/oncoaudit/core/tables/'
ASP = sorted(glob.glob('coding-core/src/main/resources/io/oncoaudit/core/tables/cms/asp/asp-*.csv'))

curated = {}
for r in csv.DictReader(l for l in open(TABLES + 'drugs.csv', encoding='utf-8') if not l.startswith('#')):
    curated.setdefault(r['hcpcs'], r)

codes = {}
for f in ASP:
    rows = list(csv.reader(open(f, encoding='utf-8')))
    hi = [i for i, r in enumerate(rows) if r and r[0].strip().upper() == 'HCPCS CODE'][0]
    for r in rows[hi + 1:]:
        if r and r[0].strip():
            codes[r[0].strip()] = r[1].strip()

# active ingredients of curated rows (first word(s) of the name), for products of the same ingredient
def ingredient(name):
    n = name.lower()
    n = re.split(r'[(,;]| \d', n)[0].strip()
    for w in (' sodium', ' hcl', ' hydrochloride', ' acetate', ' calcium', ' liposomal', ' injection', ' depot', ' injectable',
              ' protein-bound', ' pamoate', ' mesylate'):
        n = n.replace(w, '')
    return n.strip()

INGREDIENTS = {}
for c, r in curated.items():
    if r['class'] in ('UNCLASSIFIED',):
        continue
    ing = ingredient(r['name'])
    if len(ing) >= 6 and ' and ' not in ing and 'deleted' not in r['name']:
        INGREDIENTS.setdefault(ing, (c, r['class']))

BIOSIMILAR = {  # brand or suffixed INN in the ASP short description -> reference ingredient (FDA Purple Book licensure)
    'retacrit': 'epoetin', 'nyposi': 'filgrastim', 'nypozi': 'filgrastim', 'byooviz': 'ranibizumab', 'cimerli': 'ranibizumab',
    'tofidence': 'tocilizumab', 'tyenne': 'tocilizumab', 'wezlana': 'ustekinumab', 'ustekinumab': 'ustekinumab',
    'denosumab': 'denosumab', 'aflibercept': 'aflibercept', 'eculizumab': 'eculizumab',
}
HORMONAL = ['leuprolide', 'goserelin', 'triptorelin', 'histrelin', 'degarelix', 'fulvestrant', 'abarelix']
SUPPORTIVE = {
    'antiemetic': ['ondansetron', 'granisetron', 'palonosetron', 'fosaprepitant', 'aprepitant', 'fosnetupitant', 'prochlorperazine',
                   'promethazine', 'metoclopramide', 'droperidol'],
    'corticosteroid': ['dexamethasone', 'methylprednisolone', 'hydrocortisone', 'triamcinolone', 'betamethasone', 'prednisolone'],
    'antihistamine / H2 blocker': ['diphenhydramine', 'famotidine', 'hydroxyzine', 'cimetidine'],
    'myeloid growth factor': ['filgrastim', 'pegfilgrastim', 'eflapegrastim', 'efbemalenograstim', 'sargramostim', 'tbo-filgrastim'],
    'erythropoiesis-stimulating agent': ['epoetin', 'darbepoetin', 'methoxy polyethylene glycol-epoetin', 'luspatercept'],
    'iron replacement': ['iron', 'ferumoxytol', 'ferric'],
    'bone resorption inhibitor': ['zoledronic', 'pamidronate', 'ibandronate', 'denosumab'],
    'chemoprotectant / rescue agent': ['leucovorin', 'levoleucovorin', 'mesna', 'dexrazoxane', 'amifostine', 'palifermin', 'glucarpidase',
                                       'rasburicase', 'trilaciclib', 'uridine'],
    'stem-cell mobilizer': ['plerixafor', 'motixafortide'],
}
OTHER = {
    'antibacterial / antifungal / antiviral': ['cillin', 'cef', 'penem', 'vancomycin', 'daptomycin', 'gentamicin', 'tobramycin',
                                               'amikacin', 'azithromycin', 'levofloxacin', 'ciprofloxacin', 'moxifloxacin', 'clindamycin',
                                               'linezolid', 'tigecycline', 'micafungin', 'caspofungin', 'fluconazole', 'voriconazole',
                                               'amphotericin', 'acyclovir', 'ganciclovir', 'foscarnet', 'doxycycline', 'metronidazole',
                                               'aztreonam', 'colistimethate', 'polymyxin', 'oritavancin', 'dalbavancin', 'telavancin', 'eravacycline'],
    'vitamin': ['cyanocobalamin', 'hydroxocobalamin', 'thiamine', 'pyridoxine', 'vitamin', 'folic acid'],
    'androgen': ['testosterone'],
    'immune globulin': ['immune glob', 'immune globulin', ' ig ', 'ivig', 'hizentra', 'gammagard', 'privigen', 'octagam', 'gamunex'],
    'anticoagulant': ['heparin', 'enoxaparin', 'fondaparinux', 'dalteparin', 'argatroban', 'bivalirudin'],
}
MAB_NONCANCER_J9 = {  # J9-range monoclonal antibodies licensed for non-cancer indications (FDA labels)
    'emapalumab': 'FDA label: monoclonal antibody (interferon gamma blocker, HLH)',
    'nipocalimab': 'FDA label: monoclonal antibody (FcRn blocker, myasthenia gravis)',
    'rozanolixizum': 'FDA label: monoclonal antibody (FcRn blocker, myasthenia gravis)',
    'teplizumab': 'FDA label: monoclonal antibody (CD3-directed, type 1 diabetes delay)',
    'axatilimab': 'FDA label: monoclonal antibody (CSF-1R blocker, chronic GVHD)',
}
T129 = 'CMS Transmittal 129 / CR 3631 (monoclonal antibodies and other biologic response modifiers take chemotherapy administration codes)'
T129_SUP = 'CMS Transmittal 129 (anti-emetic, anti-anemia and other supportive drugs are not chemotherapy administration)'


def classify(code, desc):
    d = ' ' + desc.lower() + ' '
    if code[0] not in 'JQ':
        return 'UNCLASSIFIED', 'not a J/Q drug code (vaccine, blood product, device or supply): no administration class from a public source'
    for b, ing in BIOSIMILAR.items():
        if b in d:
            for i, (c, cls) in INGREDIENTS.items():
                if i.startswith(ing):
                    return cls, f'FDA biosimilar licensure: {ing} product (class of the reference ingredient, drugs.csv {c})'
    if code.startswith('J9'):
        for h in HORMONAL:
            if h in d:
                return 'HORMONAL_ANTINEOPLASTIC', 'FDA label class: GnRH agonist/antagonist or estrogen receptor antagonist for hormone-sensitive cancers; HCPCS J9000-J9999 chemotherapy drugs'
        for k, why in MAB_NONCANCER_J9.items():
            if k in d:
                return 'BIOLOGIC_RESPONSE_MODIFIER', why + '; ' + T129
        if 'efgart' in d:
            return 'UNCLASSIFIED', 'J9 range (chemotherapy drugs) but an Fc fragment for myasthenia gravis: no public source classifies its administration'
        return 'NON_HORMONAL_ANTINEOPLASTIC', 'HCPCS Level II J9000-J9999 (chemotherapy drugs); CPT 96401-96549 guidelines (antineoplastic agents)'
    for ing, (c, cls) in INGREDIENTS.items():
        if re.search(r'\b' + re.escape(ing[:10]), d):
            return cls, f'same active ingredient as drugs.csv {c} ({ing})'
    for k, words in SUPPORTIVE.items():
        for w in words:
            if w in d:
                return 'SUPPORTIVE', f'FDA label class: {k}; {T129_SUP}'
    for k, words in OTHER.items():
        for w in words:
            if w in d:
                return 'OTHER', f'FDA label class: {k} (not an antineoplastic: therapeutic administration codes, CPT 96365-96379)'
    return 'UNCLASSIFIED', 'no public source classifies it here'


out = []
for code in sorted(codes):
    if code in curated:
        continue
    cls, src = classify(code, codes[code])
    out.append((code, cls, src, codes[code]))
with open(TABLES + 'drug-classes.csv', 'w', encoding='utf-8', newline='') as f:
    f.write('# Class of every HCPCS code of the shipped CMS ASP files that drugs.csv does not curate, with the public source of the class.\n')
    f.write('# Generated by coding-core/tools/drug_classes.py; billing units and quarters come from the ASP files themselves (DrugTable).\n')
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['hcpcs', 'class', 'class_source', 'asp_short_description'])
    for r in out:
        w.writerow(r)
from collections import Counter
print(len(out), Counter(r[1] for r in out))
