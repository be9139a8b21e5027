/**
 * Every migration, in order. To add one: write NNNN-name.ts exporting a StoreMigration and
 * add its line here. Names are sorted as strings, so keep the four-digit prefix.
 */
import type { StoreMigration } from './migration';
import accounts from './0001-accounts';
import entities from './0002-entities';
import cases from './0003-cases';
import search from './0004-search';
import audit from './0005-audit';
import jobs from './0006-jobs';
import caseListIndexes from './0007-case-list-indexes';
import federation from './0008-federation';
import resolution from './0009-resolution';
import crossBorder from './0010-cross-border';
import crossBorderParts from './0011-cross-border-parts';

export const MIGRATIONS: Readonly<Record<string, StoreMigration>> = {
  '0001-accounts': accounts,
  '0002-entities': entities,
  '0003-cases': cases,
  '0004-search': search,
  '0005-audit': audit,
  '0006-jobs': jobs,
  '0007-case-list-indexes': caseListIndexes,
  '0008-federation': federation,
  '0009-resolution': resolution,
  '0010-cross-border': crossBorder,
  '0011-cross-border-parts': crossBorderParts,
};

export type { StoreMigration } from './migration';
