// The browser's simulation worker: one page host per worker (two side by side = two workers).
import * as Comlink from 'comlink';
import { createPageHost } from './page-host.ts';

Comlink.expose(createPageHost());
