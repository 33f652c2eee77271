/**
 * The village view's state, folded from a cell's events: who has an open ticket, who
 * settled a dispute, the light and the speed bump, open defects, and counts by year.
 * Pure and incremental: feed events in day order, read the state. Unit-tested.
 */
import { Channel, Kind, type VillageEvent } from '../../sim/index.ts';

export interface YearCounts {
  tickets: number;
  hall: number;
  visits: number;
  flips: number;
  wechat: number;
}

export class VillageState {
  /** Open 12345 tickets per household. */
  open: Int32Array;
  /** 1 where the household settled a dispute. */
  settled: Uint8Array;
  /** Street light: 1 bright, 0 dim, null before any flip. */
  lights: number | null = null;
  /** Speed bump: 1 present, 0 absent, null before any flip. */
  bump: number | null = null;
  defectsOpen = 0;
  byYear = new Map<number, YearCounts>();
  /** Events folded so far (an index into the events array). */
  seen = 0;
  private startDay: number;

  constructor(
    public households: number,
    startDate: string,
  ) {
    const n = Math.max(1, households);
    this.open = new Int32Array(n);
    this.settled = new Uint8Array(n);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
    this.startDay = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 : 0;
  }

  /** Calendar year of a simulation day. */
  yearOf(day: number): number {
    return new Date((this.startDay + day) * 86400000).getUTCFullYear();
  }

  /** Household slot of an event (events for households beyond the drawn ones wrap around). */
  slot(household: number): number {
    const n = this.open.length;
    return household >= 0 ? household % n : -1;
  }

  private year(day: number): YearCounts {
    const y = this.yearOf(day);
    let c = this.byYear.get(y);
    if (!c) {
      c = { tickets: 0, hall: 0, visits: 0, flips: 0, wechat: 0 };
      this.byYear.set(y, c);
    }
    return c;
  }

  /** Fold one event. */
  apply(e: VillageEvent): void {
    const h = this.slot(e.household);
    switch (e.type) {
      case 'file':
        if (e.channel === Channel.HOTLINE) {
          this.year(e.day).tickets++;
          // A consultation is answered on the call: it never waits.
          if (h >= 0 && e.kind !== Kind.CONSULT) this.open[h]++;
        } else if (e.channel === Channel.HALL) this.year(e.day).hall++;
        else if (e.channel === Channel.WECHAT) this.year(e.day).wechat++;
        break;
      case 'hall':
        this.year(e.day).hall++;
        break;
      case 'wechat':
        this.year(e.day).wechat++;
        break;
      case 'close':
        if (h >= 0 && this.open[h] > 0) this.open[h]--;
        break;
      // The model files every call, then refuses some: a refused call stops waiting at once.
      case 'refuse':
        if (h >= 0 && this.open[h] > 0 && e.kind !== Kind.CONSULT) this.open[h]--;
        break;
      case 'visit':
        this.year(e.day).visits++;
        break;
      case 'settle':
        if (h >= 0) this.settled[h] = 1;
        break;
      case 'flip':
        this.year(e.day).flips++;
        if (e.good === 0) this.lights = e.state ? 1 : 0;
        else this.bump = e.state ? 1 : 0;
        break;
      case 'defect':
        this.defectsOpen++;
        break;
      case 'fix':
        this.defectsOpen = Math.max(0, this.defectsOpen - 1);
        break;
      default:
        break;
    }
  }

  /** Fold events[seen..] with day <= `day`; returns the newly folded ones. */
  advance(events: readonly VillageEvent[], day: number): VillageEvent[] {
    const fresh: VillageEvent[] = [];
    while (this.seen < events.length && events[this.seen].day <= day) {
      const e = events[this.seen++];
      this.apply(e);
      fresh.push(e);
    }
    return fresh;
  }

  counts(year: number): YearCounts {
    return this.byYear.get(year) ?? { tickets: 0, hall: 0, visits: 0, flips: 0, wechat: 0 };
  }
}
