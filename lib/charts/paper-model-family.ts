/**
 * The ViT size a model name belongs to ("H/14", "bigG/14", "B/16+"), from open_clip config names
 * (`ViT-H-14-CL8-SyntaxMask-GAP`, `ViT-B-16-plus-240`) and paper names (`H/14`, `H-14`, `G/14 (bigG/14)`).
 * CLIPA writes "G/14" for open_clip's bigG/14 (reference/README.md caveat 7), so an upper-case G is
 * bigG; lower-case g stays ViT-g. Non-ViT names (RN50) have no size: null.
 */
const FAMILY = /(?:^|ViT-|[\s(/_-])(bigG|SO400M|[SMBLHgGe])[/-](\d{1,2})(\+|-plus)?(?![0-9])/;
const SIZE_ORDER = ['S', 'M', 'B', 'L', 'H', 'g', 'bigG', 'e', 'SO400M'];

export function toModelFamily(name: string | null | undefined): string | null {
  if (!name) return null;
  const match = FAMILY.exec(name.trim());
  if (!match) return null;
  const size = match[1] === 'G' ? 'bigG' : match[1]!;
  return `${size}/${match[2]}${match[3] ? '+' : ''}`;
}

/** Small to large, then by patch size. */
export function compareModelFamilies(a: string, b: string): number {
  const [sizeA, patchA] = a.split('/');
  const [sizeB, patchB] = b.split('/');
  return SIZE_ORDER.indexOf(sizeA!) - SIZE_ORDER.indexOf(sizeB!) || parseInt(patchA!, 10) - parseInt(patchB!, 10) || a.localeCompare(b);
}
