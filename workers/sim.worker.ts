// The browser's simulation worker: one host per worker (two side by side = two workers).
import * as Comlink from 'comlink';
import { createHost } from './host.ts';

Comlink.expose(createHost());
