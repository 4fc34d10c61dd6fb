/**
 * Bibliographic facts about the papers the shipped reference files cover, keyed by the `paper` column
 * value. Titles and arXiv ids are metadata, not results; every number still comes from the CSVs. A paper
 * name that is not listed here (an uploaded CSV) gets a seed derived from its name and file.
 */
import type { PaperSeed } from './seed-types';

export const CLIPA_REPORTED_FILE = 'reference/clipa_reported.csv';

interface CatalogEntry {
  id: string;
  title: string;
  shortName: string;
  arxivId: string | null;
  url: string | null;
  provenance: string;
}

const KNOWN_PAPERS = new Map<string, CatalogEntry>(Object.entries({
  CLIPA: {
    id: 'clipa',
    title: 'An Inverse Scaling Law for CLIP Training',
    shortName: 'CLIPA',
    arxivId: '2305.07017',
    url: 'https://arxiv.org/abs/2305.07017',
    provenance:
      'CLIPA LAION-400M models and the G/14 abstract claim, read from UCSC-VLAA/CLIPA@3800508 READMEs, CLIPA-v2 Table 1, open_clip@89fb801 docs/clipa.md and the CLIPA abstract (the paper\'s own tables were not available)',
  },
  'CLIPA-v2': {
    id: 'clipa-v2',
    title:
      'CLIPA-v2: Scaling CLIP Training with 81.1% Zero-shot ImageNet Accuracy within a $10,000 Budget; An Extra $4,000 Unlocks 81.8% Accuracy',
    shortName: 'CLIPA-v2',
    arxivId: '2306.15658',
    url: 'https://arxiv.org/abs/2306.15658',
    provenance:
      'CLIPA-v2 paper Tables 1-4 (read from UCSC-VLAA/CLIPA@c826094:CLIPA_V2.pdf, the version submitted to arXiv), UCSC-VLAA/CLIPA@3800508 READMEs and open_clip@89fb801 re-evaluations',
  },
  OpenCLIP: {
    id: 'openclip',
    title: 'Reproducible scaling laws for contrastive language-image learning',
    shortName: 'OpenCLIP',
    arxivId: '2212.07143',
    url: 'https://arxiv.org/abs/2212.07143',
    provenance:
      'OpenCLIP baselines as printed in CLIPA-v2 Table 4 and open_clip@89fb801 docs/PRETRAINED.md, plus open_clip re-evaluations',
  },
} satisfies Record<string, CatalogEntry>));

/** The paper of the open_clip benchmark tables, which are not a paper's own numbers but open_clip's evaluation. */
export const OPENCLIP_BENCHMARKS_PAPER: PaperSeed = {
  id: 'openclip-benchmarks',
  title: 'OpenCLIP pretrained model benchmarks',
  shortName: 'open_clip benchmarks',
  arxivId: null,
  url: 'https://github.com/mlfoundations/open_clip/blob/89fb801f1e6087880e951fc8354b8a2077b79c6d/docs/openclip_results.csv',
  source:
    'reference/openclip/openclip_results.csv + openclip_retrieval_results.csv: verbatim copies of mlfoundations/open_clip@89fb801 docs/ (last changed in 29b90b8, 2023-11-22); fractions x 100',
};

/** A URL- and database-safe id for a paper name: "CLIPA-v2" → "clipa-v2". */
export function slugifyPaperName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The Paper seed for a `paper` column value found in `fileName`. */
export function derivePaperSeed(paperName: string, fileName: string): PaperSeed {
  const known = KNOWN_PAPERS.get(paperName);
  if (known) {
    const { provenance, ...paper } = known;
    // The provenance note describes the shipped file only; another file naming the same paper says nothing about it.
    return { ...paper, source: fileName === CLIPA_REPORTED_FILE ? `${fileName}: ${provenance}` : fileName };
  }
  return { id: slugifyPaperName(paperName), title: paperName, shortName: paperName, arxivId: null, url: null, source: fileName };
}
