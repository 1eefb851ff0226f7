// Colours of the page (VIZ.md): Okabe–Ito, colour-blind safe. A variant keeps its
// colour in every view, chart and card; people's states use the remaining hues.
import { pageRegistry } from '../workers/page-modules.ts';

/** Variant colours in scenario order. */
export const VARIANT_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;

/** The colour of variant i (cycles after four). */
export function variantColour(i: number): string {
  return VARIANT_COLOURS[i % VARIANT_COLOURS.length]!;
}

/**
 * The colour a way of working keeps in every scenario: the first three the registry
 * declares (hierarchy, peers, stewards) take blue, orange and green; the fourth
 * colour is left for a second variant of one kind or another module's way.
 */
function kindColour(kind: string): number | undefined {
  const i = [...pageRegistry().protocols.keys()].indexOf(kind);
  return i >= 0 && i < VARIANT_COLOURS.length - 1 ? i : undefined;
}

/**
 * Colours of a scenario's variants: a way of working has the same colour in every
 * scenario (the hierarchy is blue in hydra and in krackhardt); a second variant of the
 * same kind, or another kind, takes the first colour not yet used, in palette order.
 */
export function variantColours(variants: readonly { label: string; kind: string }[]): string[] {
  const used = new Set<number>();
  const out: (number | null)[] = variants.map((v) => {
    const k = kindColour(v.kind);
    if (k === undefined || used.has(k)) return null;
    used.add(k);
    return k;
  });
  return out.map((k) => {
    if (k !== null) return VARIANT_COLOURS[k]!;
    let free = [3, 0, 1, 2].find((c) => !used.has(c));
    if (free === undefined) free = used.size % VARIANT_COLOURS.length;
    used.add(free);
    return VARIANT_COLOURS[free]!;
  });
}

/** The theme's text shade of a variant colour (CSS variable --v0 … --v3; see style.css). */
export function variantTextColour(colour: string): string {
  const i = VARIANT_COLOURS.indexOf(colour as (typeof VARIANT_COLOURS)[number]);
  return i < 0 ? colour : `var(--v${i}, ${colour})`;
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
  /** The flash around a person leaving, a highlighted person's ring, a followed message. */
  gone: 0x111418,
  highlight: 0x111418,
  follow: 0x111418,
  /** Canvas text and its outline (the page's ink and paper). */
  ink: 0x111418,
  paper: 0xffffff,
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
  gone: 0xeef1f4,
  highlight: 0xeef1f4,
  follow: 0xeef1f4,
  ink: 0xeef1f4,
  paper: 0x121417,
};

/**
 * Tints of the pieces an organization split into (a soft disc under each person cut
 * off), largest piece first: light hues apart from the states' colours (grey, sky blue,
 * vermillion, yellow) so a tinted person still shows its state on top.
 */
export const PIECE_TINTS = [0xb39ddb, 0x80cbc4, 0xf4a6b8, 0xc5d86d, 0x9fa8da, 0xffcc80, 0xa1887f, 0x90caf9];

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
