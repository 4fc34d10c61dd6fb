import { describe, expect, it } from 'vitest';
import { observeUrl, shownValue, writeValue, type UrlDraft } from './url-draft';

/** Writes each value while the URL stays where it is, then lets the URL catch up one write at a time. */
function simulate(start: string, written: string[]) {
  let url = start;
  let draft: UrlDraft | null = null;
  for (const value of written) draft = writeValue(draft, url, value);
  const shown: string[] = [];
  for (const value of written) {
    url = value;
    draft = observeUrl(draft, url);
    shown.push(shownValue(draft, url));
  }
  return { shown, draft };
}

describe('URL drafts', () => {
  it('shows the URL value until something is written', () => {
    expect(shownValue(null, 'sort=top1%3Adesc')).toBe('sort=top1%3Adesc');
  });

  it('shows the last write while the URL lags by any number of writes, then lets go', () => {
    let draft: UrlDraft | null = writeValue(null, '', 'q=b');
    draft = writeValue(draft, '', 'q=ba');
    expect(shownValue(draft, '')).toBe('q=ba');
    const { shown, draft: settled } = simulate('', ['q=b', 'q=ba', 'q=bat']);
    expect(shown).toEqual(['q=bat', 'q=bat', 'q=bat']);
    expect(settled).toBeNull();
  });

  it('copes with writing back an earlier value', () => {
    expect(simulate('', ['sel=a', '', 'sel=a']).shown).toEqual(['sel=a', 'sel=a', 'sel=a']);
  });

  it('yields to a URL value it did not write', () => {
    const draft = writeValue(null, 'q=old', 'q=new');
    expect(observeUrl(draft, 'group=model')).toBeNull();
    expect(shownValue(draft, 'group=model')).toBe('group=model');
  });

  it('yields to the value it started from once the URL has moved past it', () => {
    let draft: UrlDraft | null = writeValue(null, '', 'q=a');
    draft = writeValue(draft, '', 'q=ab');
    draft = observeUrl(draft, 'q=a');
    expect(shownValue(draft, 'q=a')).toBe('q=ab');
    // A link back to the bare page, before the URL reached "q=ab".
    draft = observeUrl(draft, '');
    expect(shownValue(draft, '')).toBe('');
  });
});
