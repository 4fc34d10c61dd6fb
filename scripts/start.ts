/**
 * `npm start`: prepares the database (migrations, reference data, a demo project on a new
 * database), builds the app when its sources changed, and serves it on PORT (default 3000).
 */
import { firstAdminPending } from '@/lib/auth/setup-state';
import { sendDemoRuns } from '@/lib/demo/send-demo-runs';
import { ensureCurrentBuild } from './lib/build-stamp';
import { buildNext, startNext, waitForServer } from './lib/next-process';
import { prepareDatabase } from './lib/prepare-database';

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const { target, applied, reference, admin, demo } = await prepareDatabase({ demo: process.env.REPROBOARD_DEMO !== '0' });
  console.log(
    `Database ${target.dialect === 'sqlite' ? target.filePath : '(PostgreSQL)'}: ${applied.length} migration(s) applied; ` +
      `reference data: ${reference.papers} papers, ${reference.results} reported results.`,
  );

  ensureCurrentBuild(() => {
    console.log('Building the app (first start or changed sources)…');
    buildNext();
  });

  const server = startNext(port, host);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));

  if (demo) {
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    await waitForServer(`${url}/api/v1/openapi.json`);
    const runs = await sendDemoRuns({ server: url, project: demo.slug, key: demo.key });
    console.log(`Demo project "${demo.slug}" loaded through the ingestion API (${runs} runs).`);
  }
  console.log(`Reproboard is serving http://${host}:${port}`);
  if (admin === 'created') console.log(`Admin account ${process.env.REPROBOARD_ADMIN_EMAIL} created; sign in at http://${host}:${port}/sign-in`);
  if (admin === 'not-configured' && (await firstAdminPending())) {
    console.log(`No account yet: open http://${host}:${port}/setup to create the first admin (once), or restart with REPROBOARD_ADMIN_EMAIL and REPROBOARD_ADMIN_PASSWORD.`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
