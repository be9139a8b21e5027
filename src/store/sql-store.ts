/**
 * The store: every repository of ./ports over one Kysely instance, SQLite or PostgreSQL.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './db-types';
import type { Repositories, Store } from './ports';
import { SqlAgencyRepository } from './repositories/agency-repository';
import { SqlAuditRepository } from './repositories/audit-repository';
import { SqlCrossBorderRepository } from './repositories/cross-border-repository';
import { SqlCaseRepository } from './repositories/case-repository';
import { SqlEntityRepository } from './repositories/entity-repository';
import { SqlJobRepository } from './repositories/job-repository';
import { SqlResolutionRepository } from './repositories/resolution-repository';
import { SqlSearchRepository } from './repositories/search-repository';
import { SqlSessionRepository } from './repositories/session-repository';
import { SqlSettingsRepository } from './repositories/settings-repository';
import { SqlUserRepository } from './repositories/user-repository';
import { StoreContext, type Db, type StoreDialect, type TxFrame } from './store-context';

function repositories(ctx: StoreContext): Repositories {
  return {
    agencies: new SqlAgencyRepository(ctx),
    users: new SqlUserRepository(ctx),
    sessions: new SqlSessionRepository(ctx),
    entities: new SqlEntityRepository(ctx),
    cases: new SqlCaseRepository(ctx),
    search: new SqlSearchRepository(ctx),
    audit: new SqlAuditRepository(ctx),
    jobs: new SqlJobRepository(ctx),
    settings: new SqlSettingsRepository(ctx),
    resolution: new SqlResolutionRepository(ctx),
    crossBorder: new SqlCrossBorderRepository(ctx),
  };
}

export class SqlStore implements Store {
  readonly agencies: Repositories['agencies'];
  readonly users: Repositories['users'];
  readonly sessions: Repositories['sessions'];
  readonly entities: Repositories['entities'];
  readonly cases: Repositories['cases'];
  readonly search: Repositories['search'];
  readonly audit: Repositories['audit'];
  readonly jobs: Repositories['jobs'];
  readonly settings: Repositories['settings'];
  readonly resolution: SqlResolutionRepository;
  readonly crossBorder: SqlCrossBorderRepository;
  private readonly ctx: StoreContext;
  private readonly txRepositories = new WeakMap<TxFrame, Repositories>();
  private closed = false;
  private readonly auditRepository: SqlAuditRepository;

  constructor(
    readonly dialect: StoreDialect,
    /** The Kysely instance, for repositories added inside src/store. */
    readonly kysely: Db,
    /** SQLite only: the better-sqlite3 handle (online backup). */
    readonly sqliteHandle?: BetterSqlite3.Database,
    /** SQLite only: the database file. */
    readonly sqliteFile?: string,
  ) {
    this.ctx = new StoreContext(dialect, kysely, new AsyncLocalStorage<TxFrame>());
    const r = repositories(this.ctx);
    this.auditRepository = r.audit as SqlAuditRepository;
    this.agencies = r.agencies;
    this.users = r.users;
    this.sessions = r.sessions;
    this.entities = r.entities;
    this.cases = r.cases;
    this.search = r.search;
    this.audit = r.audit;
    this.jobs = r.jobs;
    this.settings = r.settings;
    this.resolution = new SqlResolutionRepository(this.ctx);
    this.crossBorder = new SqlCrossBorderRepository(this.ctx);
  }

  /** The executor for raw queries: the ambient transaction inside `transaction`, the pool otherwise. */
  currentDb(): Db {
    return this.ctx.db();
  }

  /** Repositories bound to the transaction; calls on the store itself inside `fn` join it too. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.ctx.atomic((_db, frame) => {
      let tx = this.txRepositories.get(frame);
      if (!tx) {
        tx = repositories(this.ctx.bind(frame));
        this.txRepositories.set(frame, tx);
      }
      return fn(tx);
    });
  }

  /** Waits for pending audit appends, then closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.auditRepository.idle();
    await this.kysely.destroy();
  }
}

export type { Database };
