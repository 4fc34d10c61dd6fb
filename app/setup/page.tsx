import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { firstAdminPending } from '@/lib/auth/setup-state';

export const metadata: Metadata = { title: 'Set up' };

/** One-time: while no account exists, whoever opens this creates the first admin. */
export default async function SetupPage() {
  if (!(await firstAdminPending())) redirect('/sign-in');
  return (
    <div className="mx-auto max-w-sm space-y-6 pt-8">
      <div className="space-y-2">
        <h1 className="text-xl font-semibold text-zinc-900">Set up Reproboard</h1>
        <p className="text-sm text-zinc-700">
          Create the first admin. This page works once, while no account exists; to skip it, start the server with
          REPROBOARD_ADMIN_EMAIL and REPROBOARD_ADMIN_PASSWORD.
        </p>
      </div>
      <SetupForm />
    </div>
  );
}
