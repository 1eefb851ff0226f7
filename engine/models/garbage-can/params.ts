// The garbage can's parameters: the 1972 program's four structural variables
// (net energy load, energy distribution, access structure, decision structure)
// and its two orders of entry; the sizes are the program's own (10 choices, 10
// decision makers, 20 problems).
import { z } from 'zod';

const structure = z.enum(['unsegmented', 'hierarchical', 'specialized', 'chart']);
const entry = z.union([z.literal(1), z.literal(2), z.literal('random')]);

export const garbageCanParams = z.object({
  load: z.enum(['light', 'moderate', 'heavy']).default('moderate')
    .meta({ description: 'net energy load: energy each problem requires (1.1, 2.2, 3.3)', unit: 'level' }),
  energyDistribution: z.enum(['increasing', 'equal', 'decreasing']).default('equal')
    .meta({ description: 'energy of decision makers 0…9: 0.1…1.0, all 0.55, or 1.0…0.1 (each times the solution coefficient)', unit: 'kind' }),
  access: structure.default('unsegmented')
    .meta({ description: 'access structure: which choices each problem may join (all; the important problems more; one each; chart: the bridge, a problem goes to the forum of the person who raised it or of anyone below them in a chart of span chartSpan)', unit: 'kind' }),
  decision: structure.default('unsegmented')
    .meta({ description: 'decision structure: which choices each decision maker may join (all; the important decision makers more; one each; chart: the bridge, each person works on their own forum and those of everyone below them in a chart of span chartSpan)', unit: 'kind' }),
  choiceEntry: entry.default(1)
    .meta({ description: "order in which the 10 choices enter (one a period): the 1972 program's sequence 1 or 2, or a random order from the run's stream", unit: 'sequence' }),
  problemEntry: entry.default(1)
    .meta({ description: "order in which the 20 problems enter (two a period): the 1972 program's sequence 1 or 2, or random", unit: 'sequence' }),
  chartSpan: z.int().min(1).max(9).default(3)
    .meta({ description: 'span of the chart of command over the 10 decision makers, as organization.formal.span (used by the chart structures; 1 is a chain, the 1972 hierarchical structure)', unit: 'reports per manager' }),
  solutionCoefficient: z.number().min(0.01).max(1).default(0.6)
    .meta({ description: 'share of a decision maker\'s energy that counts toward a choice', unit: 'share' }),
});

export type GarbageCanParams = z.output<typeof garbageCanParams>;
