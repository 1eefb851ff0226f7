#!/usr/bin/env node
// The `equipotent` command. The sources are TypeScript; tsx's loader compiles
// them on the fly so a clean `npm ci` is enough, with no build step.
import { register } from 'tsx/esm/api';
register();
await import('../cli/main.ts');
