import { describe, expect, it } from 'vitest';
import {
  changeState,
  clearFilters,
  compareHref,
  decodeExplorerState,
  decodeList,
  DEFAULT_STATE,
  encodeExplorerState,
  encodeList,
  hasFilters,
  toQueryString,
  type ExplorerState,
} from './url-state';

const full: ExplorerState = {
  search: 'warm up',
  filter: 'batch_size >= 32768',
  statuses: ['running', 'stale'],
  tags: ['h14', 'a,b'],
  sort: { column: 'metric.val/imagenet-zeroshot-val-top1', direction: 'desc' },
  group: 'model',
  columns: ['name', 'config.lr', 'metric.train/loss'],
  selected: ['run a', 'run,b', '100%'],
  page: 3,
};

describe('URL state', () => {
  it('round-trips every part of the view', () => {
    const params = encodeExplorerState(full);
    expect(decodeExplorerState(new URLSearchParams(params.toString()))).toEqual(full);
  });

  it('uses the documented parameter names and leaves defaults out', () => {
    const params = encodeExplorerState({ ...DEFAULT_STATE, sort: { column: 'top1', direction: 'desc' }, group: 'model', selected: ['k1', 'k2'] });
    expect(toQueryString(params)).toBe('sort=top1:desc&group=model&sel=k1,k2');
    expect(toQueryString(encodeExplorerState(DEFAULT_STATE))).toBe('');
  });

  it('writes a readable query string that reads back to the same state', () => {
    const query = toQueryString(encodeExplorerState(full));
    expect(query).toBe(
      'q=warm%20up&filter=batch_size%20%3E%3D%2032768&status=running,stale&tag=h14,a%252Cb' +
        '&sort=metric.val/imagenet-zeroshot-val-top1:desc&group=model&cols=name,config.lr,metric.train/loss&sel=run%20a,run%252Cb,100%2525&page=3',
    );
    expect(decodeExplorerState(new URLSearchParams(query))).toEqual(full);
  });

  it('keeps parameters it does not own', () => {
    const params = encodeExplorerState({ ...DEFAULT_STATE, search: 'x' }, new URLSearchParams('tab=runs&q=old&page=4'));
    expect(params.toString()).toBe('tab=runs&q=x');
  });

  it('reads an empty query as the default view', () => {
    expect(decodeExplorerState(new URLSearchParams())).toEqual(DEFAULT_STATE);
  });

  it('drops malformed values instead of failing', () => {
    const state = decodeExplorerState(new URLSearchParams('status=running,exploded,running&page=-2&sort=name&cols=,&group='));
    expect(state).toMatchObject({ statuses: ['running'], page: 1, sort: { column: 'name', direction: 'asc' }, columns: null, group: null });
    expect(decodeExplorerState(new URLSearchParams('page=2.5')).page).toBe(1);
  });

  it('escapes only commas and percent signs inside list items', () => {
    expect(encodeList(['a,b', '50%', 'plain'])).toBe('a%2Cb,50%25,plain');
    expect(decodeList('a%2Cb,50%25,plain')).toEqual(['a,b', '50%', 'plain']);
    expect(decodeList(encodeList(['%2C', '%,', ',25']))).toEqual(['%2C', '%,', ',25']);
  });
});

describe('state changes', () => {
  const onPage3 = { ...DEFAULT_STATE, page: 3 };

  it('goes back to page 1 when the rows or their order change', () => {
    expect(changeState(onPage3, { filter: 'tag:x' }).page).toBe(1);
    expect(changeState(onPage3, { sort: { column: 'name', direction: 'asc' } }).page).toBe(1);
    expect(changeState(onPage3, { group: 'model' }).page).toBe(1);
  });

  it('keeps the page when selecting runs or choosing columns', () => {
    expect(changeState(onPage3, { selected: ['a'] }).page).toBe(3);
    expect(changeState(onPage3, { columns: ['name'] }).page).toBe(3);
    expect(changeState(onPage3, { page: 2 }).page).toBe(2);
  });

  it('clears filters only', () => {
    const cleared = clearFilters(full);
    expect(hasFilters(full)).toBe(true);
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared).toMatchObject({ sort: full.sort, group: 'model', columns: full.columns, selected: full.selected, page: 1 });
  });
});

describe('compareHref', () => {
  it('links the compare page with the selected run keys', () => {
    expect(compareHref('clipa', ['b16-256', 'h14 [x]'])).toBe('/projects/clipa/compare?runs=b16-256,h14%20%5Bx%5D');
    const runs = new URL(compareHref('clipa', ['a,b', 'c']), 'http://x').searchParams.get('runs');
    expect(decodeList(runs)).toEqual(['a,b', 'c']);
  });
});
