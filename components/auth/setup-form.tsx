'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/auth/auth-client';
import { MIN_PASSWORD_LENGTH } from '@/lib/schemas/accounts';
import { TextField } from './text-field';

/** Creates the first admin (the server allows it only while there is no account), then signs in. */
export function SetupForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get('name')), email: String(form.get('email')), password: String(form.get('password')) };
    setPending(true);
    setError(null);
    const response = await fetch('/api/v1/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setPending(false);
      setError(body?.error?.message ?? `Set-up failed (HTTP ${response.status}).`);
      return;
    }
    const { error: failure } = await authClient.signIn.email({ email: input.email, password: input.password });
    if (failure) {
      setPending(false);
      setError(failure.message ?? 'The admin was created, but signing in failed; sign in on the sign-in page.');
      return;
    }
    window.location.assign('/');
  };
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Create the first admin">
      <TextField label="Name" name="name" autoComplete="name" required autoFocus />
      <TextField label="Email" name="email" type="email" autoComplete="username" required />
      <TextField label={`Password (at least ${MIN_PASSWORD_LENGTH} characters)`} name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create admin and sign in'}
      </Button>
    </form>
  );
}
