/**
 * Calls App Router handlers in-process with real Request objects, the way Next invokes them, so
 * integration tests cover parsing, auth, status codes and bodies without starting a server.
 */
import { createDb } from '../lib/db/client';
import { createSignedInUser, type TestUser } from './sessions';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  key?: string;
  /**
   * Who calls when no key is given: a signed-in user (`createSignedInUser`), 'anonymous', or by
   * default a site admin of the current database (created and signed in on first use), the way the
   * browser calls these routes. Access rules themselves are tested in test/api/access.test.ts.
   */
  as?: TestUser | 'anonymous';
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
  else if (options.as !== 'anonymous' && !headers.cookie) headers.cookie = (options.as ?? (await defaultAdmin())).cookie;
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

const admins = new Map<string, Promise<TestUser>>();

/** One signed-in admin per test database (DATABASE_URL, set by useFreshDatabase). */
function defaultAdmin(): Promise<TestUser> {
  const url = process.env.DATABASE_URL ?? '';
  let admin = admins.get(url);
  if (!admin) {
    admin = createSignedInUser(createDb(url), { admin: true, email: 'admin@lab.example' });
    admins.set(url, admin);
  }
  return admin;
}
