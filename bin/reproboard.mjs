#!/usr/bin/env node
// Launcher for `npx reproboard …` from a checkout: registers tsx (the package's own copy, with the
// package's tsconfig, whatever the working directory) and runs the TypeScript CLI in this process,
// so signals reach it directly and killing this process kills the CLI.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
register({ tsconfig });
await import('../cli/main.ts');
