// A shock kind of your own (docs/extending.md): new technology makes part of what
// people know obsolete. In one domain, each person alive loses, with probability
// `share`, all but `keep` of their skill there. What the organization believes about
// them does not change with it: the hierarchy's directory and managers' estimates are
// refreshed only at the next review (protocol.reviewPeriod), and people's
// self-assessment is drawn once — so both ways of working send work to people who no
// longer have the skill, until outcomes (peers' trust) or a review catch up.
//
// Everything comes from `api`; the draws from the module's own stream.
export default function newTechnology(api) {
  const { z, param, integer, probability, stream, people: P } = api;
  return {
    kind: 'shock',
    name: 'new-technology',
    apiVersion: api.apiVersion,
    label: 'new technology',
    description: 'New technology makes part of what people know obsolete: in one domain, a share of people keep only part of their skill.',
    body: {
      domain: param(integer(0, 63).default(0), 'domain', 'new-technology: the domain whose skills lose their value'),
      share: param(probability().default(0.5), 'share of people', 'new-technology: the chance that a person alive is affected'),
      keep: param(z.number().min(0).max(1).default(0.3), 'share of skill', 'new-technology: the share of their skill in that domain that the people affected keep'),
    },
    checkShock(shock, scenario, base) {
      const D = scenario.population.domains;
      return shock.domain < D ? [] : [{ path: [...base, 'domain'], message: `domain ${shock.domain} does not exist: the organization has ${D} domains (0 … ${D - 1}); pick one of them` }];
    },
    apply(ctx, shock) {
      const D = ctx.scenario.population.domains, d = shock.domain;
      const skill = ctx.state.get(P.SKILL), alive = ctx.state.get(P.ALIVE);
      const rng = stream(ctx, 'new-technology', 'who');
      for (let v = 0; v < ctx.n; v++) if (alive[v] && rng.chance(shock.share)) skill[v * D + d] *= shock.keep;
    },
  };
}
