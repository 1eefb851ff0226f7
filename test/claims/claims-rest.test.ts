// The claims and mechanism checks of the second, fourth, … scenarios of the library
// (test/claims/claims-suite.ts); claims.test.ts has the others and the textbook results.
import { RunCache } from '../../validation/runner.ts';
import { readShippedData } from './real-orgs.ts';
import { scenarioTests } from './claims-suite.ts';

scenarioTests(new RunCache({ readData: readShippedData }), 1, 2);
