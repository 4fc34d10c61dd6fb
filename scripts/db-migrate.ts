/** `npm run db:migrate`: applies the committed migrations and loads the papers' reference data. */
import { prepareDatabase } from './lib/prepare-database';

prepareDatabase({ demo: false })
  .then(({ applied, reference }) => {
    console.log(`Applied ${applied.length} migration(s)${applied.length ? `: ${applied.join(', ')}` : ''}.`);
    console.log(`Reference data: ${reference.papers} papers, ${reference.results} reported results.`);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
