/**
 * Reads the ViT family out of a model name, as runs write it (open_clip config names such as
 * `ViT-H-14`, `ViT-H-14-CL8-Syntax-GAP`, `ViT-L-16-CL16-GAP`, `ViT-H-14-CLIPA-336`,
 * `ViT-B-16-plus-240`) and as papers write it (`H/14`, `bigG/14`, `G/14 (bigG/14)`, `H-14`, `G-14`,
 * `B/16+ (240x240)`).
 *
 * Decisions: CLIPA writes "G/14" for open_clip's bigG/14 (reference/README.md caveat 7), so an upper-case
 * `G` size means bigG while lower-case `g` stays ViT-g. `CL<n>` (the CLIPA forks' text context length)
 * gives the text tokens; a trailing resolution (`-336`, `(240x240)`) gives the image size. Anything that
 * is not a ViT name (RN50, convnext) is null: there is no family to compare.
 */
export interface ModelFamily {
  /** open_clip's size token: S, M, B, L, H, g, bigG, e, SO400M. */
  size: string;
  patch: number;
  /** B/16+ (open_clip `-plus`): wider towers than B/16. */
  plus: boolean;
  /** Image size stated in the name, e.g. 336 for `ViT-H-14-CLIPA-336`. */
  imageSize: number | null;
  /** Text tokens stated in the name (`CL8` → 8). */
  textTokens: number | null;
}

const FAMILY = /(?:^|ViT-|[\s(/_-])(bigG|SO400M|[SMBLHgGe])[/-](\d{1,2})(\+|-plus)?(?![0-9])/;

export function parseModelFamily(name: string | null | undefined): ModelFamily | null {
  if (!name) return null;
  const text = name.trim();
  const match = FAMILY.exec(text.startsWith('hf-hub:') ? text.slice(text.indexOf('/') + 1) : text);
  if (!match) return null;
  const patch = Number(match[2]);
  const rest = text.slice(match.index + match[0].length);
  const resolution = /\((\d{2,4})\s*[x×]\s*\1\)/.exec(rest) ?? /-(\d{3})(?=$|[-_\s])/.exec(rest);
  const context = /(?:^|[-_])CL(\d{1,3})(?=$|[-_])/.exec(rest);
  return {
    size: match[1] === 'G' ? 'bigG' : match[1]!,
    patch,
    plus: match[3] !== undefined,
    imageSize: resolution ? Number(resolution[1]) : null,
    textTokens: context ? Number(context[1]) : null,
  };
}

/** "H/14", "bigG/14", "B/16+": how papers write a family. */
export function formatModelFamily(family: Pick<ModelFamily, 'size' | 'patch' | 'plus'>): string {
  return `${family.size}/${family.patch}${family.plus ? '+' : ''}`;
}

export function isSameFamily(a: ModelFamily, b: ModelFamily): boolean {
  return a.size === b.size && a.patch === b.patch && a.plus === b.plus;
}
