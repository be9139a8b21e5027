/** Request schemas shared by the routes (JSON Schema via TypeBox; unknown fields are refused). */
import { Type, type TSchema } from 'typebox';
import {
  CASE_MEMBER_CAPACITIES,
  CASE_STATUSES,
  CASE_TYPES,
  ILO_INDICATORS,
  OUTCOME_STAGES,
  PALERMO_ACTS,
  PALERMO_MEANS,
  PALERMO_PURPOSES,
  SUBJECT_ROLES,
  TLP_LEVELS,
} from '../../domain/model';

export const Enum = (values: readonly string[]): TSchema => Type.Union(values.map((v) => Type.Literal(v)));

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
export const ShortText = Type.String({ maxLength: 300 });
export const LongText = Type.String({ maxLength: 20000 });

export const Handling = Type.Object(
  {
    tlp: Enum(TLP_LEVELS),
    purpose: Type.String({ minLength: 1, maxLength: 100 }),
    retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    originatorConsentRequiredToForward: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const Properties = Type.Record(Type.String({ maxLength: 64 }), Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 50 }), {
  maxProperties: 60,
});

export const NewEntity = Type.Object({ schema: Type.String({ minLength: 1, maxLength: 64 }), properties: Properties }, { additionalProperties: false });

export const Indicator = Type.Object(
  { indicator: Enum(ILO_INDICATORS), present: Type.Boolean(), evidence: Type.String({ maxLength: 5000 }) },
  { additionalProperties: false },
);

export const Palermo = Type.Object(
  {
    acts: Type.Array(Enum(PALERMO_ACTS), { maxItems: 10 }),
    means: Type.Array(Enum(PALERMO_MEANS), { maxItems: 10 }),
    purposes: Type.Array(Enum(PALERMO_PURPOSES), { maxItems: 10 }),
    victimIsChild: Type.Boolean(),
    notes: Type.String({ maxLength: 5000 }),
  },
  { additionalProperties: false },
);

export const Outcome = Type.Object(
  {
    stage: Enum(OUTCOME_STAGES),
    date: Type.String({ maxLength: 10 }),
    detail: Type.String({ maxLength: 5000 }),
    sentenceMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 2000 })),
  },
  { additionalProperties: false },
);

export const NewCase = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    type: Enum(CASE_TYPES),
    polarisType: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
    jurisdiction: Type.Optional(Type.String({ maxLength: 2 })),
    narrative: Type.Optional(LongText),
    handling: Handling,
    labourProgram: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    eventId: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const CaseEdit = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    type: Type.Optional(Enum(CASE_TYPES)),
    polarisType: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
    status: Type.Optional(Enum(CASE_STATUSES)),
    narrative: Type.Optional(LongText),
    handling: Type.Optional(Handling),
    labourProgram: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    eventId: Type.Optional(Type.Union([Type.String({ maxLength: 80 }), Type.Null()])),
    indicators: Type.Optional(Type.Array(Indicator, { maxItems: 11 })),
    palermo: Type.Optional(Palermo),
    outcomes: Type.Optional(Type.Array(Outcome, { maxItems: 100 })),
    namedUserIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const AddSubject = Type.Object(
  { role: Enum(SUBJECT_ROLES), entityId: Type.Optional(Id), entity: Type.Optional(NewEntity) },
  { additionalProperties: false },
);

export const LinkEntity = Type.Object({ entityId: Type.Optional(Id), entity: Type.Optional(NewEntity) }, { additionalProperties: false });

export const AddMember = Type.Object({ userId: Id, capacity: Enum(CASE_MEMBER_CAPACITIES) }, { additionalProperties: false });

export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

export const CaseListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    status: Type.Optional(Enum(CASE_STATUSES)),
    type: Type.Optional(Enum(CASE_TYPES)),
    tlp: Type.Optional(Enum(TLP_LEVELS)),
    lang: Type.Optional(Type.String({ maxLength: 5 })),
    ...Paging,
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Id });
