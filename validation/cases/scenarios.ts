// The validation set's scenarios: the files in `scenarios/validation/`, imported
// as JSON so the cases run exactly what researchers run with `equipotent run`
// (the engine does no I/O; the bundler or loader brings the files in). Each case
// runs one variant of one of these over many seeds; the files leave the seed loop
// out. All use the textbook information model (`capacityLimited: false`, MODEL.md §6);
// Dodds, Watts & Sabel's exchanges (dws.json) are messages, read at no cost.
import pushComplete from '../../scenarios/validation/push-complete.json' with { type: 'json' };
import gossipModes from '../../scenarios/validation/gossip-modes.json' with { type: 'json' };
import rumourBlindCoin from '../../scenarios/validation/rumour-blind-coin.json' with { type: 'json' };
import cascadeEr from '../../scenarios/validation/cascade-er.json' with { type: 'json' };
import removalEr from '../../scenarios/validation/removal-er.json' with { type: 'json' };
import attackBa from '../../scenarios/validation/attack-ba.json' with { type: 'json' };
import giantUnionFind from '../../scenarios/validation/giant-union-find.json' with { type: 'json' };
import dws from '../../scenarios/validation/dws.json' with { type: 'json' };

/** A validation scenario file as read (validated by the cases through expandVariants). */
export type ValidationScenario = { name: string; description: string } & Record<string, unknown>;

export const validationScenarios = {
  'push-complete': pushComplete as ValidationScenario,
  'gossip-modes': gossipModes as ValidationScenario,
  'rumour-blind-coin': rumourBlindCoin as ValidationScenario,
  'cascade-er': cascadeEr as ValidationScenario,
  'removal-er': removalEr as ValidationScenario,
  'attack-ba': attackBa as ValidationScenario,
  'giant-union-find': giantUnionFind as ValidationScenario,
  dws: dws as ValidationScenario,
};

export type ValidationScenarioName = keyof typeof validationScenarios;
