'use client';

import { useState, type FormEvent } from 'react';
import { authInputClasses } from '@/components/auth/text-field';
import { Button } from '@/components/ui/button';
import { DataState } from '@/components/ui/data-state';
import { ErrorNotice } from '@/components/ui/error-notice';
import { Table, Td, Th } from '@/components/ui/table';
import { projectRoles, roleAbilities, type ProjectRole } from '@/lib/auth/roles';
import { useAddMember, useChangeMemberRole, useMembers, useRemoveMember } from '@/lib/queries/access';
import { useIsOwner } from './project-role';

function RoleSelect({ value, onChange, label, disabled }: { value: ProjectRole; onChange: (role: ProjectRole) => void; label: string; disabled?: boolean }) {
  return (
    <select aria-label={label} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as ProjectRole)} className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm">
      {projectRoles.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </select>
  );
}

/** Who is in the project; owners add accounts by email, change roles and remove members. */
export function MembersPanel({ slug }: { slug: string }) {
  const members = useMembers(slug);
  const isOwner = useIsOwner();
  const change = useChangeMemberRole(slug);
  const remove = useRemoveMember(slug);
  return (
    <section aria-labelledby="members-heading" className="space-y-3">
      <h2 id="members-heading" className="text-base font-semibold text-zinc-900">
        Members
      </h2>
      <ul className="text-xs text-zinc-600">
        {projectRoles.map((role) => (
          <li key={role}>
            <strong>{role}</strong>: {roleAbilities[role]}
          </li>
        ))}
      </ul>
      {(change.error || remove.error) && <ErrorNotice error={change.error ?? remove.error} title="Could not change the member" />}
      <DataState query={members} errorTitle="Could not load the members" isEmpty={(rows) => rows.length === 0} empty={<p className="text-sm text-zinc-600">No members yet.</p>}>
        {(rows) => (
          <Table label="Members">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Role</Th>
                {isOwner && <Th>Actions</Th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((member) => (
                <tr key={member.userId}>
                  <Td>{member.name}</Td>
                  <Td>{member.email}</Td>
                  <Td>
                    {isOwner ? (
                      <RoleSelect label={`Role of ${member.email}`} value={member.role} disabled={change.isPending} onChange={(role) => change.mutate({ userId: member.userId, role })} />
                    ) : (
                      member.role
                    )}
                  </Td>
                  {isOwner && (
                    <Td>
                      <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate(member.userId)}>
                        Remove
                      </Button>
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </DataState>
      {isOwner && <AddMemberForm slug={slug} />}
    </section>
  );
}

function AddMemberForm({ slug }: { slug: string }) {
  const add = useAddMember(slug);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProjectRole>('member');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ email: email.trim(), role }, { onSuccess: () => setEmail('') });
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Add a member">
      <label className="flex min-w-64 flex-col gap-1 text-xs font-medium text-zinc-700">
        Email of an existing account
        <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} className={authInputClasses} />
      </label>
      <RoleSelect label="Role of the new member" value={role} onChange={setRole} />
      <Button type="submit" variant="primary" disabled={add.isPending}>
        Add member
      </Button>
      {add.error && (
        <div className="w-full">
          <ErrorNotice error={add.error} title="Could not add the member" />
        </div>
      )}
    </form>
  );
}
