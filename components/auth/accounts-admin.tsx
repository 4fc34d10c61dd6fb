'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { DataState } from '@/components/ui/data-state';
import { ErrorNotice } from '@/components/ui/error-notice';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, Td, Th } from '@/components/ui/table';
import { useCreateUser, useUsers } from '@/lib/queries/access';
import { MIN_PASSWORD_LENGTH } from '@/lib/schemas/accounts';
import { TextField } from './text-field';

/** Admins see every account and create new ones; project owners then add them to projects. */
export function AccountsAdmin() {
  const users = useUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-zinc-900">Accounts</h1>
      <DataState query={users} errorTitle="Could not load the accounts">
        {(rows) => (
          <Table label="Accounts">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Site role</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.id}>
                  <Td>{user.name}</Td>
                  <Td>{user.email}</Td>
                  <Td>{user.isAdmin ? 'admin' : 'user'}</Td>
                  <Td>
                    <RelativeTime iso={user.createdAt} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </DataState>
      <CreateAccountForm />
    </div>
  );
}

function CreateAccountForm() {
  const create = useCreateUser();
  const [formKey, setFormKey] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate(
      { name: String(form.get('name')), email: String(form.get('email')), password: String(form.get('password')), admin: form.get('admin') === 'on' },
      { onSuccess: () => setFormKey((key) => key + 1) },
    );
  };
  return (
    <form key={formKey} onSubmit={submit} aria-label="Create an account" className="max-w-md space-y-3">
      <h2 className="text-base font-semibold text-zinc-900">Create an account</h2>
      <TextField label="Name" name="name" required />
      <TextField label="Email" name="email" type="email" required />
      <TextField label={`First password (at least ${MIN_PASSWORD_LENGTH} characters)`} name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input type="checkbox" name="admin" /> Site admin (creates accounts, owner of every project)
      </label>
      {create.error && <ErrorNotice error={create.error} title="Could not create the account" />}
      {create.data && <p role="status" className="text-sm text-green-800">Created {create.data.user.email}.</p>}
      <Button type="submit" variant="primary" disabled={create.isPending}>
        Create account
      </Button>
    </form>
  );
}
