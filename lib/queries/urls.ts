/**
 * Every URL the UI builds, API and pages alike. Slugs are safe by schema, but run keys may contain
 * spaces, brackets, quotes or slashes, so every path segment is encoded here and nowhere else.
 */
const segment = encodeURIComponent;

export const apiUrls = {
  projects: () => '/api/v1/projects',
  project: (slug: string) => `/api/v1/projects/${segment(slug)}`,
  runs: (slug: string) => `/api/v1/projects/${segment(slug)}/runs`,
  run: (slug: string, runKey: string) => `/api/v1/projects/${segment(slug)}/runs/${segment(runKey)}`,
  metrics: (slug: string, runKey: string, keys: readonly string[], maxPoints: number) =>
    `${apiUrls.run(slug, runKey)}/metrics?${new URLSearchParams({ keys: keys.join(','), maxPoints: String(maxPoints) })}`,
};

export const pageUrls = {
  projects: () => '/',
  project: (slug: string) => `/projects/${segment(slug)}`,
  run: (slug: string, runKey: string) => `/projects/${segment(slug)}/runs/${segment(runKey)}`,
};

/**
 * A dynamic route segment as the app wrote it. Next 16 hands pages the segment still
 * percent-encoded (`a%20b`) while generateMetadata may get it decoded; decoding a decoded key
 * containing a bare `%` would throw, so such a value is returned as it is.
 */
export function decodeRouteParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
