// Colours of the page (VIZ.md): Okabe–Ito, colour-blind safe. A variant keeps its
// colour in every view, chart and card; people's states use the remaining hues.

/** Variant colours in scenario order. */
export const VARIANT_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;

/** The colour of variant i (cycles after four). */
export function variantColour(i: number): string {
  return VARIANT_COLOURS[i % VARIANT_COLOURS.length]!;
}

/** The page's two themes (VIZ.md): light high-contrast (the projector default) and dark. */
export type Theme = 'light' | 'dark';

const PERSON_LIGHT = {
  idle: 0x9a9a9a,
  informed: 0x56b4e9,
  misinformed: 0xd55e00,
  halo: 0xf0e442,
  ring: 0x6b2a00,
  tie: 0x6f7780,
  tree: 0x4a5561,
};

// On a dark ground the dark ring and dark ties would vanish: lighter ring and ties,
// the states' hues unchanged (the same meaning in both themes).
const PERSON_DARK: typeof PERSON_LIGHT = {
  idle: 0x8f969e,
  informed: 0x56b4e9,
  misinformed: 0xd55e00,
  halo: 0xf0e442,
  ring: 0xffc49a,
  tie: 0xa7b0ba,
  tree: 0xc4ccd5,
};

/** People's states as 0xRRGGBB numbers for Pixi (follows the theme: see setPersonTheme). */
export const PERSON = { ...PERSON_LIGHT };

/** Switches PERSON's colours to a theme (the views repaint themselves afterwards). */
export function setPersonTheme(theme: Theme): void {
  Object.assign(PERSON, theme === 'dark' ? PERSON_DARK : PERSON_LIGHT);
}

/** '#RRGGBB' → 0xRRGGBB. */
export function hexNumber(css: string): number {
  return parseInt(css.slice(1), 16);
}
