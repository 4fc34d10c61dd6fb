'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { ShareButton } from '@/components/share/share-button';
import { cn } from '@/components/ui/cn';
import { useCanEdit, useProjectRole } from './project-role';

const TABS = [
  { label: 'Runs', suffix: '', matches: (rest: string) => rest === '' || rest.startsWith('/runs') || rest.startsWith('/compare') },
  { label: 'Scorecard', suffix: '/scorecard', matches: (rest: string) => rest.startsWith('/scorecard') },
  { label: 'Paper charts', suffix: '/charts', matches: (rest: string) => rest.startsWith('/charts') },
  { label: 'Plan', suffix: '/plan', matches: (rest: string) => rest.startsWith('/plan') },
  { label: 'Settings', suffix: '/access', matches: (rest: string) => rest.startsWith('/access') },
];

/** The project's sections; the active one follows the URL so every sub-page shows where it is. */
export function ProjectTabs({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/projects/${encodeURIComponent(slug)}`;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : '';
  const canEdit = useCanEdit();
  const { viaShareLink } = useProjectRole();
  const tabs = viaShareLink ? TABS.filter((tab) => tab.suffix !== '/access') : TABS;
  return (
    <nav aria-label="Project sections" className="mb-4 flex items-end justify-between gap-3 border-b border-zinc-200">
      <ul className="flex gap-1">
        {tabs.map((tab) => {
          const active = tab.matches(rest);
          return (
            <li key={tab.label}>
              <Link
                href={`${base}${tab.suffix}`}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  '-mb-px inline-block border-b-2 px-3 py-2 text-sm',
                  active ? 'border-indigo-600 font-medium text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800',
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="pb-1">
        {canEdit ? (
          <ShareButton slug={slug} />
        ) : (
          <span className="text-xs text-zinc-500">{viaShareLink ? 'Shared view · read-only' : 'Viewer · read-only'}</span>
        )}
      </div>
    </nav>
  );
}
