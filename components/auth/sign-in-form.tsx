'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/auth/auth-client';
import { TextField } from './text-field';

/** Only app paths are followed after sign-in, never another site. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInForm({ next }: { next?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({ email: String(form.get('email')), password: String(form.get('password')) });
    if (failure) {
      setPending(false);
      setError(failure.status === 429 ? 'Too many attempts; wait a minute and try again.' : (failure.message ?? 'Sign-in failed.'));
      return;
    }
    // A full load, so the server renders the next page with the new session cookie.
    window.location.assign(safeNext(next));
  };
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Sign in">
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
