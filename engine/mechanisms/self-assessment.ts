// Imperfect self-knowledge (MODEL.md §10.3, model 2): each person's view of its
// own skill, drawn once from its own stream: selfShrink·mean + (1 − selfShrink)·skill
// + selfBias + N(0, selfNoise²), clamped to [0, 1] — regression toward the mean
// plus overconfidence (Moore & Healy 2008): the unskilled overrate, the skilled
// underrate. Peers volunteer on it. Defaults and sources: docs/ODD.md.
import { API_VERSION, type MechanismModule } from '../modules/types.ts';
import { param, probability } from '../scenario/blocks.ts';
import { z } from 'zod';

/** The keys of `population` the self-assessment reads. */
export const selfAssessmentKeys = {
  selfNoise: param(probability().default(0.22), 'skill units (sd)', 'sd of the noise in a person\'s view of its own skill', 2),
  selfBias: param(z.number().min(-1).max(1).default(0.09), 'skill units', 'overconfidence: added to everyone\'s view of its own skill', 2),
  selfShrink: param(probability().default(0.77), 'share', 'regression toward the mean: the weight of the domain\'s mean skill in a person\'s view of its own', 2),
};

const selfAssessment: MechanismModule = {
  kind: 'mechanism',
  name: 'self-assessment',
  apiVersion: API_VERSION,
  description: 'People judge their own skill with regression toward the mean, overconfidence and noise (model 2).',
  params: { population: selfAssessmentKeys },
  active: (s) => s.model === 2,
};
export default selfAssessment;
