// The kernel's committed bytes (engine/wasm/spread-bytes.ts) are what its source
// compiles to now, so neither CI nor the page trusts a stale binary. A failure
// here means: run `npm run build:wasm` and commit the result.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs build script without types
import { compileKernel, bytesModuleText, bytesModule } from '../../engine/wasm/assembly/build.mjs';
import { SPREAD_WASM_BASE64 } from '../../engine/wasm/spread-bytes.ts';

describe('the committed kernel bytes', () => {
  it('equal a fresh compile of engine/wasm/assembly/spread.ts', async () => {
    const fresh: Uint8Array = await compileKernel();
    expect(Buffer.from(SPREAD_WASM_BASE64, 'base64').equals(Buffer.from(fresh))).toBe(true);
    expect(readFileSync(bytesModule, 'utf8')).toBe(bytesModuleText(fresh));
  });

  it('are a valid WebAssembly module with the one export the loader calls', async () => {
    const module = new WebAssembly.Module(Buffer.from(SPREAD_WASM_BASE64, 'base64'));
    expect(WebAssembly.Module.exports(module).map((e) => e.name).sort()).toEqual(['memory', 'tick']);
    expect(WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`).sort()).toEqual(['env.log', 'env.memory']);
  });
});
