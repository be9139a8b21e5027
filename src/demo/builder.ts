/**
 * Accumulates one batch of scenario records and hands out ids, references and timestamps.
 * Entities are built FollowTheMoney-style: multi-valued string properties; edges are
 * entities whose `source` and `target` properties hold entity ids.
 */
import type {
  Agency,
  Case,
  CaseEntityLink,
  CaseMember,
  CaseMemberCapacity,
  CaseSubject,
  Entity,
  SubjectRole,
} from '../domain/model';
import { captionFor } from '../domain/entity-validation';
import { getSchema, isEdgeSchema } from '../domain/schema-registry';
import type { AccountKey, AgencyKey, DemoUser, NodeDirectory } from './agencies';
import type { DemoCountry } from './places';
import type { Rng } from './rng';

/** The edge schemata the scenario uses (see schema/*.json). */
export type EdgeSchema = 'Employment' | 'Recruitment' | 'Ownership' | 'Travel' | 'Communication' | 'Payment' | 'Association' | 'Family';

export type StorylineKey = 'recruiter-network' | 'world-cup-ring';

/** A planted entity: the same real-world person, phone or organisation seen in several nodes. */
export interface CrossBorderNote {
  /** stable across the three countries' scenarios, e.g. "recruiter:jose-luis-hernandez-ruiz" */
  key: string;
  storyline: StorylineKey;
  schema: string;
  /** the canonical form (as the best-informed country records it) */
  label: string;
  /** the form this node recorded */
  variant: string;
  /** the countries whose scenarios hold this entity (this node included) */
  presentIn: DemoCountry[];
  /** this node's entity ids for it */
  entityIds: string[];
}

export interface ScenarioBatch {
  agencies: Agency[];
  users: DemoUser[];
  entities: Entity[];
  cases: Case[];
  subjects: CaseSubject[];
  members: CaseMember[];
  links: CaseEntityLink[];
  crossBorder: CrossBorderNote[];
}

export const emptyBatch = (): ScenarioBatch => ({
  agencies: [],
  users: [],
  entities: [],
  cases: [],
  subjects: [],
  members: [],
  links: [],
  crossBorder: [],
});

export type PropValue = string | number | readonly string[] | undefined | null | false;
export type Props = Record<string, PropValue>;

export interface EntityOptions {
  agency: AgencyKey;
  at: string;
  crossBorder?: boolean;
}

export class ScenarioBuilder {
  private batch: ScenarioBatch = emptyBatch();
  private edgesOut: Entity[] = [];
  private memberKeys = new Set<string>();
  private referenceSeq = 0;

  constructor(
    readonly country: DemoCountry,
    readonly dir: NodeDirectory,
  ) {}

  agencyId(key: AgencyKey): string {
    return this.dir.agencies[key].id;
  }

  user(key: AccountKey): DemoUser {
    return this.dir.users[key];
  }

  entity(rng: Rng, schema: string, props: Props, opts: EntityOptions): Entity {
    const properties: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false || v === '') continue;
      const values = typeof v === 'string' ? [v] : typeof v === 'number' ? [String(v)] : v.filter((x) => x !== '');
      if (values.length) properties[k] = [...values];
    }
    const spec = getSchema(schema);
    if (!spec) throw new RangeError(`unknown schema ${schema}`);
    const e: Entity = {
      id: rng.uuid(),
      schema,
      properties,
      caption: captionFor(spec, properties) || schema,
      owningAgencyId: this.agencyId(opts.agency),
      crossBorderCheck: opts.crossBorder ?? false,
      createdAt: opts.at,
      updatedAt: opts.at,
      version: 1,
    };
    // edges go after the entities of the batch, so that a loader writing in order never meets a dangling id
    if (isEdgeSchema(schema)) this.edgesOut.push(e);
    else this.batch.entities.push(e);
    return e;
  }

  edge(rng: Rng, schema: EdgeSchema, source: Entity, target: Entity, props: Props, opts: EntityOptions): Entity {
    return this.entity(rng, schema, { source: source.id, target: target.id, ...props }, opts);
  }

  nextReference(): string {
    this.referenceSeq += 1;
    return `${this.country}-2026-${String(this.referenceSeq).padStart(6, '0')}`;
  }

  addCase(kase: Case): Case {
    this.batch.cases.push(kase);
    return kase;
  }

  subject(kase: Case, entity: Entity, role: SubjectRole, at = kase.createdAt): void {
    this.batch.subjects.push({ caseId: kase.id, entityId: entity.id, role, addedAt: at });
  }

  link(kase: Case, entity: Entity, at = kase.createdAt): void {
    this.batch.links.push({ caseId: kase.id, entityId: entity.id, addedAt: at });
  }

  member(kase: Case, account: AccountKey, capacity: CaseMemberCapacity): void {
    const userId = this.user(account).id;
    const key = `${kase.id}/${userId}`;
    if (this.memberKeys.has(key)) return;
    this.memberKeys.add(key);
    this.batch.members.push({ caseId: kase.id, userId, capacity });
  }

  note(note: CrossBorderNote): void {
    this.batch.crossBorder.push(note);
  }

  addDirectory(): void {
    this.batch.agencies.push(...Object.values(this.dir.agencies));
    this.batch.users.push(...Object.values(this.dir.users));
  }

  pendingCases(): number {
    return this.batch.cases.length;
  }

  /** Hands over what was built since the last flush (entities first, then edges). */
  flush(): ScenarioBatch {
    const out = this.batch;
    out.entities.push(...this.edgesOut);
    this.batch = emptyBatch();
    this.edgesOut = [];
    this.memberKeys.clear();
    return out;
  }
}
