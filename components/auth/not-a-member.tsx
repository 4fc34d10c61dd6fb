export function NotAMember({ slug, email }: { slug: string; email: string }) {
  return (
    <div role="status" className="mx-auto max-w-lg rounded-lg border border-zinc-200 bg-white p-6 text-sm text-zinc-700">
      <h1 className="mb-2 text-base font-semibold text-zinc-900">You are not a member of this project</h1>
      <p>
        You are signed in as <strong>{email}</strong>, which has no role in project <code className="font-mono">{slug}</code>. Ask one of
        its owners to add you, or open a share link of it.
      </p>
    </div>
  );
}
