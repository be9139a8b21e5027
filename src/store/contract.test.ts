/**
 * The store contract: one suite, run against every adapter — SQLite always, PostgreSQL when
 * DATABASE_URL is set or the CI default answers (otherwise skipped, with the reason printed).
 */
import { afterAll, describe } from 'vitest';
import { accountsContract } from './contract/accounts.contract';
import { contractAdapters } from './contract/adapters';
import { auditContract } from './contract/audit.contract';
import { casesContract } from './contract/cases.contract';
import { crossBorderContract } from './contract/cross-border.contract';
import { entitiesContract } from './contract/entities.contract';
import { jobsContract } from './contract/jobs.contract';
import { searchContract } from './contract/search.contract';
import { transactionsContract } from './contract/transactions.contract';

const adapters = await contractAdapters();

for (const adapter of adapters) {
  describe(`store contract on ${adapter.name}`, () => {
    afterAll(() => adapter.cleanup());
    accountsContract(adapter);
    entitiesContract(adapter);
    casesContract(adapter);
    transactionsContract(adapter);
    searchContract(adapter);
    auditContract(adapter);
    jobsContract(adapter);
    crossBorderContract(adapter);
  });
}
