// The garbage can's metrics, declared once. Run metrics are the 1972 program's
// summary statistics as its reimplementation counts them (docs/classics.md).
import type { MetricDeclaration } from '../../modules/metric-declaration.ts';

const run = (name: string, label: string, unit: string, description: string, type: 'integer' | 'number' = 'integer'): MetricDeclaration =>
  ({ name, label, unit, description, per: 'run', type, ...(type === 'number' ? { digits: 3 } : {}) });

export const garbageCanMetrics: readonly MetricDeclaration[] = [
  { name: 'choicesMade', label: 'Choices made', unit: 'choices', description: 'Choices made so far.', per: 'tick', agg: 'last', type: 'integer', higherIsBetter: true },
  { name: 'problemsResolved', label: 'Problems resolved', unit: 'problems', description: 'Problems resolved so far (attached to a choice when it was made).', per: 'tick', agg: 'last', type: 'integer', higherIsBetter: true },
  { name: 'problemsAttached', label: 'Problems in choices', unit: 'problems', description: 'Open problems attached to an open choice in the period.', per: 'tick', agg: 'mean', type: 'integer' },
  { name: 'makersAttached', label: 'Decision makers at work', unit: 'decision makers', description: 'Decision makers working on an open choice in the period.', per: 'tick', agg: 'mean', type: 'integer' },
  run('resolutions', 'Decisions by resolution', 'choices', 'Choices made after at least two periods open (the reimplementation\'s reading of resolution).'),
  run('oversights', 'Decisions by oversight', 'choices', 'Choices made that resolved no problem.'),
  run('flights', 'Decisions by flight', 'choices', 'Choices made in a period in which problems left them (less energy required than the period before).'),
  run('quickies', 'Choices made on entry', 'choices', 'Choices made in the period they entered.'),
  run('problemsUnsolved', 'Problems unresolved', 'problems', 'Problems not resolved at the end.'),
  run('problemShifts', 'Problem moves', 'moves', 'Times an attached problem moved to another choice.'),
  run('problemActive', 'Problem activity', 'problem-periods', 'Periods problems spent attached to a choice, unresolved.'),
  run('problemLatency', 'Problem latency', 'problem-periods', 'Periods problems spent open and attached to nothing.'),
  run('makerActive', 'Decision-maker activity', 'maker-periods', 'Periods decision makers spent on a choice.'),
  run('makerShifts', 'Decision-maker moves', 'moves', 'Times a decision maker moved to another choice.'),
  run('energySpent', 'Energy spent', 'energy units', 'Effective energy decision makers put into choices.', 'number'),
  run('energyExcess', 'Energy in excess', 'energy units', 'Energy spent on choices beyond what their problems required, when made.', 'number'),
  run('choicesUnmade', 'Choices not made', 'choices', 'Choices still open (or never entered) at the end.'),
  run('choicesActive', 'Choice activity', 'choice-periods', 'Periods choices spent open.'),
];
