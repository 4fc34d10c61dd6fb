'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { UserMenu } from '@/components/auth/user-menu';
import { cn } from '@/components/ui/cn';

const NAV = [
  { href: '/', label: 'Projects', isActive: (path: string) => path === '/' || path.startsWith('/projects') },
  { href: '/papers', label: 'Papers', isActive: (path: string) => path.startsWith('/papers') },
];

/** `user` is null for a visitor without an account (the sign-in page, a share link's view). */
export function SiteHeader({ user }: { user: { email: string; isAdmin: boolean } | null }) {
  const pathname = usePathname() ?? '/';
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex h-12 w-full max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-sm font-semibold tracking-tight text-zinc-900">
          <span aria-hidden="true" className="grid size-5 place-items-center rounded bg-accent-600 text-[10px] font-bold text-white">
            R
          </span>
          Reproboard
        </Link>
        {user && (
          <nav aria-label="Main">
            <ul className="flex items-center gap-1">
              {NAV.map((item) => {
                const active = item.isActive(pathname);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? 'page' : undefined}
                      className={cn(
                        'rounded-md px-2.5 py-1.5 text-sm',
                        active ? 'bg-zinc-100 font-medium text-zinc-900' : 'text-zinc-600 hover:text-zinc-900',
                      )}
                    >
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        {user && <UserMenu email={user.email} isAdmin={user.isAdmin} />}
      </div>
    </header>
  );
}
