import 'server-only';
import { getDb } from '@/lib/db/client';
import { needsFirstAdmin } from './initial-admin';

/** Whether the one-time set-up page is open (no account exists yet). */
export async function firstAdminPending(): Promise<boolean> {
  return needsFirstAdmin(getDb());
}
