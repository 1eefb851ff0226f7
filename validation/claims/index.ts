// Every built-in scenario's claims (CONTRACT.md `check`), as data, grouped by
// scenario in the order `check` prints them: the classroom's first, then the
// scenario library (issue 6), the real organizations last (their data files
// come through the run cache's `readData`).
import type { Claim } from './claim.ts';
import { classroomClaims } from './classroom.ts';
import { hydraClaims } from './hydra.ts';
import { overloadClaims } from './overload.ts';
import { exchangesClaims } from './exchanges.ts';
import { rumourClaims } from './rumour.ts';
import { marketShiftClaims } from './market-shift.ts';
import { turnoverClaims } from './turnover.ts';
import { silosClaims } from './silos.ts';
import { stewardsClaims } from './stewards.ts';
import { whereHierarchyWinsClaims } from './where-hierarchy-wins.ts';
import { krackhardtClaims } from './krackhardt.ts';
import { lazegaClaims } from './lazega.ts';
import { karateClaims } from './karate.ts';
import { emailEuClaims } from './email-eu.ts';

export const claims: readonly Claim[] = [
  ...classroomClaims,
  ...hydraClaims,
  ...overloadClaims,
  ...exchangesClaims,
  ...rumourClaims,
  ...marketShiftClaims,
  ...turnoverClaims,
  ...silosClaims,
  ...stewardsClaims,
  ...whereHierarchyWinsClaims,
  ...krackhardtClaims,
  ...lazegaClaims,
  ...karateClaims,
  ...emailEuClaims,
];
