// The validation set as `equipotent check --quick` runs it (test/claims/claims-suite.ts):
// the claims' ids, the textbook results, and the claims and mechanism checks of the
// first, third, … scenarios; claims-rest.test.ts has the others (two files, two workers).
import { RunCache } from '../../validation/runner.ts';
import { readShippedData } from './real-orgs.ts';
import { idsTest, scenarioTests, textbookTests } from './claims-suite.ts';

const cache = new RunCache({ readData: readShippedData });
idsTest();
textbookTests(cache);
scenarioTests(cache, 0, 2);
