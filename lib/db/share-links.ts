import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { shareLinkStatus, shareTokenSchema, type ShareLink, type ShareLinkCreated } from '@/lib/schemas/share-links';
import type { Db } from './client';

/** 24 random bytes = 192 bits (the issue asks for at least 128), 32 base64url characters in the link. */
const TOKEN_BYTES = 24;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Tokens are random like API keys (lib/db/api-keys.ts), so one SHA-256 is enough to store them:
 * they cannot be guessed, and the database never holds a usable link.
 */
export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type ShareLinkRow = Awaited<ReturnType<Db['shareLink']['findUniqueOrThrow']>>;

function toShareLink(row: ShareLinkRow, now = Date.now()): ShareLink {
  const link = {
    id: row.id,
    viewPath: row.viewPath,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
  return { ...link, status: shareLinkStatus(link, now) };
}

export function shareLinkUrl(token: string): string {
  return `/s/${token}`;
}

/** Stores a view (a validated app path) and returns the link with its token, which is never stored. */
export async function createShareLink(
  db: Db,
  projectId: string,
  input: { viewPath: string; title?: string; expiresInDays?: number },
): Promise<ShareLinkCreated> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
  const row = await db.shareLink.create({
    data: { projectId, tokenHash: hashShareToken(token), viewPath: input.viewPath, title: input.title ?? '', expiresAt },
  });
  return { shareLink: { ...toShareLink(row), url: shareLinkUrl(token) }, token };
}

export async function listShareLinks(db: Db, projectId: string): Promise<ShareLink[]> {
  const rows = await db.shareLink.findMany({ where: { projectId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  const now = Date.now();
  return rows.map((row) => toShareLink(row, now));
}

/** Revokes a link; revoking again keeps the first revocation time. Null when there is no such link. */
export async function revokeShareLink(db: Db, id: string): Promise<ShareLink | null> {
  const row = await db.shareLink.findUnique({ where: { id } });
  if (!row) return null;
  if (row.revokedAt) return toShareLink(row);
  await db.shareLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return toShareLink(await db.shareLink.findUniqueOrThrow({ where: { id } }));
}

export type ShareLinkResolution =
  | { status: 'active'; viewPath: string }
  | { status: 'revoked'; revokedAt: string }
  | { status: 'expired'; expiresAt: string }
  | { status: 'unknown' };

/**
 * What `/s/{token}` shows. The one repository call a page makes (app/s/[token]/page.tsx): the
 * page must answer with a redirect before anything renders, and fetching our own API from the
 * server would need the public origin, so it reads the database through this function instead.
 */
export async function resolveShareToken(db: Db, token: string): Promise<ShareLinkResolution> {
  if (!shareTokenSchema.safeParse(token).success) return { status: 'unknown' };
  const row = await db.shareLink.findUnique({ where: { tokenHash: hashShareToken(token) } });
  if (!row) return { status: 'unknown' };
  if (row.revokedAt) return { status: 'revoked', revokedAt: row.revokedAt.toISOString() };
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return { status: 'expired', expiresAt: row.expiresAt.toISOString() };
  return { status: 'active', viewPath: row.viewPath };
}

/** The projects that any of these tokens currently shares (revoked and expired links grant nothing). */
export async function findSharedProjectIds(db: Db, tokens: readonly string[]): Promise<string[]> {
  if (tokens.length === 0) return [];
  const rows = await db.shareLink.findMany({
    where: {
      tokenHash: { in: tokens.map(hashShareToken) },
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
    },
    select: { projectId: true },
  });
  return [...new Set(rows.map((row) => row.projectId))];
}

/** The slug of the project a link belongs to, for checking who may revoke it. */
export async function findShareLinkProjectSlug(db: Db, id: string): Promise<string | null> {
  const row = await db.shareLink.findUnique({ where: { id }, select: { project: { select: { slug: true } } } });
  return row?.project.slug ?? null;
}
