import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { admin } from 'better-auth/plugins';
import { getDb, isPostgres } from '@/lib/db/client';
import { MIN_PASSWORD_LENGTH } from '@/lib/schemas/accounts';
import { readAuthSecret } from './auth-secret';
import { trustedOriginsFor } from './trusted-origins';

function createAuth() {
  return betterAuth({
    appName: 'Reproboard',
    secret: readAuthSecret(),
    baseURL: process.env.BETTER_AUTH_URL,
    trustedOrigins: (request) => trustedOriginsFor(request, process.env.REPROBOARD_TRUSTED_ORIGINS),
    database: prismaAdapter(getDb(), { provider: isPostgres() ? 'postgresql' : 'sqlite' }),
    // Accounts are made by an admin (a lab is a closed group), never by signing up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // Better Auth's own limiter keeps counters in process memory, per client IP; sign-in attempts
    // are limited per process, which is enough to stop password guessing without shared state.
    // Ten sign-ins a minute per IP (Better Auth's default is three per ten seconds) so that a lab
    // behind one NAT address, or a test suite, does not lock itself out.
    rateLimit: {
      enabled: process.env.NODE_ENV === 'production',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: 10 } },
    },
    telemetry: { enabled: false },
    // Secure cookies only when the public URL is https: a lab serving plain http on its network
    // (http://gpu-box:3000) would otherwise never get its session cookie back from the browser.
    advanced: { useSecureCookies: process.env.BETTER_AUTH_URL?.startsWith('https://') ?? false },
    plugins: [admin(), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const cache = globalThis as unknown as { reproboardAuth?: { db: unknown; auth: Auth } };

/** The process-wide Better Auth instance, rebuilt when the database client changes (tests). */
export function getAuth(): Auth {
  const db = getDb();
  if (cache.reproboardAuth?.db !== db) cache.reproboardAuth = { db, auth: createAuth() };
  return cache.reproboardAuth.auth;
}
