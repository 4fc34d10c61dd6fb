/**
 * Reads open_clip `docs/model_profile.csv` (shipped as `reference/openclip/model_profile.csv`): size and
 * per-sample inference cost of each model config at its own image size, for compute accounting.
 *
 * Units as the file gives them: parameters in millions, `gflops` = GFLOPs of one forward pass of one
 * sample. open_clip counts 2 FLOPs per multiply-add, so these are about twice the GMACs of the
 * scaling-laws repository and of the "FLOPs" printed in CLIPA-v2 (see reference/openclip/README.md).
 */
import { createCellReader, reportMissingColumns } from './cell-reader';
import { parseCsvTable, type CsvIssue, type CsvResult } from './csv';

export interface ModelProfile {
  /** open_clip model config name, e.g. "ViT-H-14-CLIPA-336". */
  model: string;
  imageSize: number;
  imageWidth: number;
  textWidth: number;
  embedDim: number;
  mparams: number;
  imageMparams: number;
  textMparams: number;
  gflops: number;
  imageGflops: number;
  textGflops: number;
}

const COLUMNS = ['model', 'image_size', 'image_width', 'text_width', 'embed_dim', 'mparams', 'image_mparams', 'text_mparams', 'gflops', 'image_gflops', 'text_gflops'] as const;

export function parseModelProfiles(text: string): CsvResult<ModelProfile[]> {
  const table = parseCsvTable(text);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  const missing = reportMissingColumns(header, COLUMNS);
  if (missing.length > 0) return { ok: false, errors: missing };

  const issues: CsvIssue[] = [];
  const seen = new Map<string, number>();
  const profiles = rows.map((row): ModelProfile => {
    const cells = createCellReader(row, header, issues);
    const model = cells.requiredText('model');
    const earlier = seen.get(model);
    if (earlier !== undefined) cells.report('model', `duplicate model "${model}", first on line ${earlier}`);
    seen.set(model, row.line);
    return {
      model,
      imageSize: cells.requiredNumber('image_size'),
      imageWidth: cells.requiredNumber('image_width'),
      textWidth: cells.requiredNumber('text_width'),
      embedDim: cells.requiredNumber('embed_dim'),
      mparams: cells.requiredNumber('mparams'),
      imageMparams: cells.requiredNumber('image_mparams'),
      textMparams: cells.requiredNumber('text_mparams'),
      gflops: cells.requiredNumber('gflops'),
      imageGflops: cells.requiredNumber('image_gflops'),
      textGflops: cells.requiredNumber('text_gflops'),
    };
  });
  return issues.length > 0 ? { ok: false, errors: issues } : { ok: true, value: profiles };
}
