/**
 * A stable colour per series: the same key gets the same colour on every chart and every reload, as
 * long as no other key in the same chart already holds it (then the next free palette slot is used,
 * so two lines of one chart never share a colour). Known keys have fixed slots; others hash.
 */
export const SERIES_PALETTE = [
  '#4f46e5', // indigo (accent)
  '#d97706', // amber
  '#059669', // emerald
  '#e11d48', // rose
  '#0284c7', // sky
  '#7c3aed', // violet
  '#0d9488', // teal
  '#ea580c', // orange
  '#475569', // slate
  '#c026d3', // fuchsia
] as const;

const FIXED_SLOTS: Record<string, number> = {
  'train/loss': 0,
  'train/contrastive_loss': 1,
  'train/lr': 0,
  'train/logit_scale': 0,
  'train/scale': 0,
  'train/samples_per_second': 0,
  'train/samples_per_second_per_gpu': 1,
  'train/data_time': 1,
  'train/batch_time': 0,
  'val/imagenet-zeroshot-val-top1': 0,
  'val/imagenet-zeroshot-val-top5': 1,
  'val/clip_val_loss': 0,
};

function hashKey(key: string): number {
  let hash = 2166136261;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

export function preferredColorSlot(key: string): number {
  return FIXED_SLOTS[key] ?? hashKey(key) % SERIES_PALETTE.length;
}

export function assignSeriesColors(keys: readonly string[]): Map<string, string> {
  const ordered = [...new Set(keys)].sort((a, b) => {
    const fixedA = a in FIXED_SLOTS ? 0 : 1;
    const fixedB = b in FIXED_SLOTS ? 0 : 1;
    return fixedA - fixedB || (a < b ? -1 : a > b ? 1 : 0);
  });
  const used = new Set<number>();
  const colors = new Map<string, string>();
  for (const key of ordered) {
    let slot = preferredColorSlot(key);
    for (let tries = 0; used.has(slot) && tries < SERIES_PALETTE.length; tries += 1) {
      slot = (slot + 1) % SERIES_PALETTE.length;
    }
    used.add(slot);
    colors.set(key, SERIES_PALETTE[slot]!);
  }
  return colors;
}
