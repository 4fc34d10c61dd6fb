'use client';

import Link from 'next/link';
import { useState } from 'react';
import { authClient } from '@/lib/auth/auth-client';

export function UserMenu({ email, isAdmin }: { email: string; isAdmin: boolean }) {
  const [signingOut, setSigningOut] = useState(false);
  const signOut = async () => {
    setSigningOut(true);
    await authClient.signOut();
    window.location.assign('/sign-in');
  };
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      {isAdmin && (
        <Link href="/admin/accounts" className="text-zinc-600 hover:text-zinc-900">
          Accounts
        </Link>
      )}
      <span className="text-zinc-500" title="Signed in">
        {email}
      </span>
      <button type="button" onClick={signOut} disabled={signingOut} className="text-zinc-600 underline-offset-2 hover:text-zinc-900 hover:underline">
        {signingOut ? 'Signing out…' : 'Sign out'}
      </button>
    </div>
  );
}
