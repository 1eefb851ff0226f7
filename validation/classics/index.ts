// The classics' validation cases, in the order `equipotent check` prints them.
import type { ValidationCase } from '../case.ts';
import { nkSearchCases } from './nk-search.ts';
import { marchCases } from './march.ts';
import { garbageCanCases } from './garbage-can.ts';
import { radnerCases } from './radner.ts';

export const classicCases: readonly ValidationCase[] = [...nkSearchCases, ...marchCases, ...garbageCanCases, ...radnerCases];
