/**
 * The explorer's query string as the page shows it. Writing the URL is synchronous, but Next
 * hands the new value to useSearchParams in a transition, a render or more later; a controlled
 * checkbox or input rendered from useSearchParams would snap back and flicker (and lose
 * keystrokes). So the explorer keeps a draft: the query it last wrote plus every value written
 * that the URL has not reached yet. While the URL walks through those values the draft is shown;
 * any other value (a link to the page, the back button) came from elsewhere and replaces it.
 * Queries are compared in URLSearchParams' own serialisation.
 */
export interface UrlDraft {
  value: string;
  /** The URL value the draft started from, then each value written, oldest first. */
  pending: readonly string[];
}

export function shownValue(draft: UrlDraft | null, urlValue: string): string {
  return draft && draft.pending.includes(urlValue) ? draft.value : urlValue;
}

/** The draft after writing `value` while the URL still shows `urlValue`. */
export function writeValue(draft: UrlDraft | null, urlValue: string, value: string): UrlDraft {
  const base = draft && draft.pending.includes(urlValue) ? draft.pending : [urlValue];
  return { value, pending: [...base, value] };
}

/** The draft once the URL shows a new value: values before it are done; a foreign value ends the draft. */
export function observeUrl(draft: UrlDraft | null, urlValue: string): UrlDraft | null {
  if (!draft) return null;
  const index = draft.pending.indexOf(urlValue);
  if (index < 0) return null;
  return index === draft.pending.length - 1 ? null : { value: draft.value, pending: draft.pending.slice(index) };
}
