/**
 * Calls App Router handlers in-process with real Request objects, the way Next invokes them, so
 * integration tests cover parsing, auth, status codes and bodies without starting a server.
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  key?: string;
  json?: unknown;
  text?: string | Buffer;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
}

export async function callRoute<T = any>(handler: Handler, method: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const url = new URL('http://localhost/api/test');
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value));
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.text !== undefined) {
    headers['content-type'] ??= 'text/plain';
    body = typeof options.text === 'string' ? options.text : new Uint8Array(options.text);
  }
  const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
