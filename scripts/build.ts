/** Builds the app unless the existing build is from the same sources (shared by npm start and npm test). */
import { ensureCurrentBuild } from './lib/build-stamp';
import { buildNext } from './lib/next-process';

if (!ensureCurrentBuild(buildNext)) console.log('The production build is up to date.');
