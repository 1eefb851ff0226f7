// The "About this model" tab (NetLogo's Info tab): what the model is, how it works,
// a glossary, what to notice in this scenario, and things to try — the exercises of
// docs/students.md for this scenario, each applied in one click.
import type { App } from './app.ts';
import { parseExercises, type Exercise } from './exercises.ts';
import { mapSection } from './about-map.ts';
import students from '../docs/students.md?raw';

export const EXERCISES: Exercise[] = parseExercises(students);

const WHAT = [
  'equipotent compares two ways an organization works — a hierarchy (command and control: reports go up, orders come down) and peers (whoever is best placed steps up) — on the same people, the same work and the same shocks, tick by tick. It follows Mila Baker’s Peer-to-Peer Leadership.',
  'Every variant side by side runs from the same seed: the same people with the same skills, the same situations arriving at the same people. Only the way of working differs, so a difference you see is the way of working’s, not luck’s (check other seeds before you believe it).',
];

const HOW = [
  'Each tick: shocks happen; situations arrive at people; messages sent last tick are delivered; everyone reads a few messages (their capacity) and acts; work goes on; situations past their deadline are missed.',
  'In the hierarchy the person who sees a situation reports it to their manager; the report climbs to the head, who picks the most skilled free person from a directory and sends the order back down. Among peers the person who sees it leads if they are skilled enough, or calls a few colleagues, who volunteer or pass the call on. Stewards are peers plus a few people who command nobody and tend the network: they add ties where pieces came apart and link people to proven experts, and check facts.',
];

const GLOSSARY: [string, string][] = [
  ['tick', 'One step of time. Everything in a tick happens in a fixed order, the same in every variant.'],
  ['situation', 'A problem or an opportunity that arrives at one person. Someone skilled enough in its domain must work on it for a few ticks before its deadline.'],
  ['deadline', 'How many ticks a situation may wait before it counts as missed.'],
  ['message', 'One person telling another something: a report, an order, a call for help, a claim, an outcome, a rumour. It arrives the next tick.'],
  ['capacity (attention)', 'How many messages a person can read in a tick (times their engagement). The rest wait in their inbox: attention is the scarce resource.'],
  ['inbox, backlog', 'Messages waiting to be read by one person; situations waiting to be resolved by the organization.'],
  ['leader', 'In the hierarchy: the head of the formal tree, who decides. Among peers: whoever leads a situation now (drawn with a halo).'],
  ['steward', 'A person who commands nobody but tends the network: reconnects pieces, links people to experts, checks facts.'],
  ['directory', 'The head’s list of everyone’s skills, refreshed every review period; it goes stale as people leave.'],
  ['succession', 'A manager who leaves is replaced after a delay; until then their team’s reports wait.'],
  ['engagement', 'How much a person puts in (0 to 1): it grows when they take part and relaxes otherwise.'],
  ['hubs', 'The people with the most informal ties; their loss cuts a network into pieces.'],
  ['cut off', 'In the hierarchy: people whose chain of managers no longer reaches the head. Among peers: people outside the largest connected group. In the views, idle people take their piece\'s colour.'],
  ['rumour, believers', 'A false item of news; believers pass it on until someone who can tell corrects them (dialogue), or the official channel does.'],
  ['seed', 'The number every random draw starts from. Same seed, same run; another seed, another roll of the dice.'],
];

function para(text: string, tag = 'p'): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

export function renderAbout(app: App): void {
  const { ui, runner } = app;
  const src = runner.source;
  const input = (src?.input ?? {}) as { description?: unknown; notice?: unknown };
  const pane = ui.aboutPane;
  const dl = document.createElement('dl');
  for (const [t, d] of GLOSSARY) dl.append(para(t, 'dt'), para(d, 'dd'));
  const tries = document.createElement('div');
  tries.className = 'try';
  const mine = EXERCISES.filter((e) => e.scenario === src?.name);
  for (const e of mine) {
    const b = document.createElement('button');
    b.textContent = `${e.n}. ${e.title} — try it`;
    b.title = e.text;
    b.addEventListener('click', () => void app.loader.change({ overrides: Object.fromEntries(e.sets), only: e.variant ? [e.variant] : undefined }));
    const what = para(e.text);
    what.className = 'fine';
    tries.append(b, what);
  }
  if (!mine.length) tries.append(para('Change one parameter at a time in the Parameters tab, and compare the cards and charts with the run as shipped. docs/students.md has 26 exercises for the scenarios of the menu.'));
  pane.replaceChildren(
    para('What it is', 'h3'), ...WHAT.map((t) => para(t)),
    para('How it works', 'h3'), ...HOW.map((t) => para(t)),
    para('This scenario', 'h3'), para(typeof input.description === 'string' ? input.description : 'A scenario file.'),
    para('Things to notice', 'h3'), para(typeof input.notice === 'string' ? input.notice : 'Press play, then try the shock buttons and watch the charts.'),
    para('Things to try', 'h3'), tries,
    ...mapSection(),
    para('Glossary', 'h3'), dl,
  );
}
