// Colours of the page (VIZ.md): Okabe–Ito, colour-blind safe. A variant keeps its
// colour in every view, chart and card; people's states use the remaining hues.

/** Variant colours in scenario order. */
export const VARIANT_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;

/** The colour of variant i (cycles after four). */
export function variantColour(i: number): string {
  return VARIANT_COLOURS[i % VARIANT_COLOURS.length]!;
}

/** People's states as 0xRRGGBB numbers for Pixi. */
export const PERSON = {
  idle: 0x9a9a9a,
  informed: 0x56b4e9,
  misinformed: 0xd55e00,
  halo: 0xf0e442,
  ring: 0x6b2a00,
  tie: 0x6f7780,
  tree: 0x4a5561,
} as const;

/** '#RRGGBB' → 0xRRGGBB. */
export function hexNumber(css: string): number {
  return parseInt(css.slice(1), 16);
}
