/**
 * The core's numeric enums and bit flags, in one file that imports nothing, so that any module
 * can read them at load time whatever the order in which the modules are evaluated.
 */

/** Kinds of need, as numeric constants (the ticket's `kind`). */
export const Kind = {
  CONSULT: 0,
  DEFECT: 1,
  INDIVIDUAL: 2,
  WISH: 3,
  CONTESTED: 4,
  DISPUTE: 5,
  VENT: 6,
  FAKE: 7,
  INDUCED: 8,
} as const;
export const KIND_NAMES = ['consult', 'defect', 'individual', 'wish', 'contested', 'dispute', 'vent', 'fake', 'induced'] as const;

/** Channels a resident can choose. */
export const Channel = { NONE: 0, WECHAT: 1, HALL: 2, HOTLINE: 3 } as const;
export const CHANNEL_NAMES = ['none', 'wechat', 'hall', 'hotline'] as const;

/**
 * A resident's record in `World.res`: RES_STRIDE bytes per resident, so that everything a
 * contact reads of one resident (flags, norm, trust, memory) sits in one cache line; at Beijing's
 * 21.9 million residents, separate arrays cost one cache miss each per contact.
 */
export const RES_STRIDE = 8;
/** Byte offsets in a resident's record: RF flag bits; personal norm knowledge, trust in the social
 * worker, memory of WeChat, the hall and 12345 (three bytes), true satisfaction, each x255. */
export const Res = { FLAGS: 0, NORM: 1, TRUST: 2, MEM: 3, SAT: 6 } as const;

/** Resident flag bits (`World.res` at Res.FLAGS). */
export const RF = {
  CLASS_MASK: 3, // propensity class 0..2
  WECHAT: 4,
  CARES_LIGHTS: 8,
  WANTS_BRIGHT: 16,
  CARES_BUMP: 32,
  WANTS_BUMP: 64,
} as const;

/**
 * Open defects' columns, by position in the open set (sim/tickets.ts PackedIdSet): cell, reports so
 * far, day of the last report, and the need the defect is.
 */
export const DEF = { CELL: 0, REPORTS: 1, LAST: 2, NEED: 3 } as const;
/** Dispute table columns (int). */
export const DIS = { CELL: 0, FILER: 1, HOUSEHOLDS: 2, BOUNDARY: 3, ROUNDS: 4, OPEN: 5, HOUSEHOLD: 6, INCOUNCIL: 7, NEED: 8 } as const;
/** Dispute table float columns: the parties' conviction now, and at the start (sim/dispute-flares.ts). */
export const DIS_F = { INTENSITY: 0, START: 1 } as const;
/** Council case columns. */
export const CASE = { KIND: 0, RESIDENT: 1, REF: 2, TICKET: 3, ROUNDS: 4, CELL: 5, NEED: 6, DAY: 7 } as const;

/** Ticket status. */
export const Status = { FREE: 0, OPEN: 1, APPEAL: 2 } as const;
/** Where a ticket went: a unit (street or town), a functional department or a village council. */
export const Route = { UNIT: 0, DEPT: 1, COUNCIL: 2 } as const;

/** Ticket flags (bit field). */
export const TF = {
  JUDGED_UNREASONABLE: 1,
  RETURNED: 2,
  COMPLEX: 4,
  APPEALED: 8,
  /** Appealed by a unit gaming its score (not judged unreasonable by the hotline). */
  GAMED_APPEAL: 16,
} as const;

/** What an owner's staff hours went to (the hours ledger, `sim/hours.ts`). */
export const Use = { TICKETS: 0, GAMING: 1, APPEALS: 2, LONGTERM: 3, OVERTIME: 4 } as const;
export const USE_COUNT = 5;

/** Complex kinds (contested goods, disputes): their own queue and the longer deadline. */
export function isComplex(kind: number): boolean {
  return kind === Kind.CONTESTED || kind === Kind.DISPUTE;
}

/** Kinds a hand-down policy sends to the village council (not the district's or town's to coordinate). */
export function handedDownKind(kind: number): boolean {
  return kind === Kind.INDIVIDUAL || kind === Kind.WISH || kind === Kind.CONTESTED || kind === Kind.DISPUTE || kind === Kind.VENT;
}
