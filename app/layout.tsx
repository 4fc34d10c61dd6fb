import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { getPageUser } from '@/lib/auth/page-access';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Reproboard', template: '%s · Reproboard' },
  description: "Track a lab's reproduction of a paper's results: runs, training curves and the paper's numbers side by side.",
  icons: { icon: '/favicon.svg' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser();
  return (
    <html lang="en">
      <body>
        <Providers>
          <SiteHeader user={user && { email: user.email, isAdmin: user.isAdmin }} />
          <main className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
