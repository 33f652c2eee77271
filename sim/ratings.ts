/**
 * The ratings ledger: what closing tickets yields, for the day (the daily satisfaction and
 * resolution series) and for each unit over the assessment period (what the unit is scored on).
 * A closed ticket is recorded in parts that gaming can pull apart: the close itself (solved? on
 * time?), the rating the hotline records (reported), and what the resident truly thinks (true).
 * Owner -1 records for the day only (departments, councils, refused calls).
 * Every count is a whole number, so the order in which mechanisms record does not matter.
 */
export class Ratings {
  // per unit, this assessment period
  /** Tickets dispatched to the unit (acceptance and requests per 10,000). */
  readonly dispatched: Float64Array;
  /** Tickets sent to the unit by mistake and returned (acceptance falls). */
  readonly returned: Float64Array;
  /** Tickets the unit closed, and those closed by their deadline (completion). */
  readonly closed: Float64Array;
  readonly onTime: Float64Array;
  /** Ratings the hotline recorded, and those satisfied (the reported satisfaction rate). */
  readonly reported: Float64Array;
  readonly reportedSatisfied: Float64Array;
  /** Residents' true ratings, and those satisfied (the truth behind it). */
  readonly rated: Float64Array;
  readonly trulySatisfied: Float64Array;
  /** Tickets excluded from the unit's score after an approved appeal. */
  readonly excluded: Float64Array;

  // the day's totals, all owners
  dayReported = 0;
  dayReportedSatisfied = 0;
  dayRated = 0;
  dayTrulySatisfied = 0;
  /** Real tickets closed today (excluded ones included), and those whose problem was solved. */
  dayClosed = 0;
  daySolved = 0;

  constructor(units: number) {
    this.dispatched = new Float64Array(units);
    this.returned = new Float64Array(units);
    this.closed = new Float64Array(units);
    this.onTime = new Float64Array(units);
    this.reported = new Float64Array(units);
    this.reportedSatisfied = new Float64Array(units);
    this.rated = new Float64Array(units);
    this.trulySatisfied = new Float64Array(units);
    this.excluded = new Float64Array(units);
  }

  resetDay(): void {
    this.dayReported = this.dayReportedSatisfied = this.dayRated = this.dayTrulySatisfied = this.dayClosed = this.daySolved = 0;
  }

  resetPeriod(): void {
    for (const a of [
      this.dispatched,
      this.returned,
      this.closed,
      this.onTime,
      this.reported,
      this.reportedSatisfied,
      this.trulySatisfied,
      this.rated,
      this.excluded,
    ])
      a.fill(0);
  }

  /** n tickets dispatched to unit u. */
  dispatch(u: number, n = 1): void {
    this.dispatched[u] += n;
  }

  /** A ticket of unit u was misrouted and came back. */
  returnedToSender(u: number): void {
    this.returned[u]++;
  }

  /** A real ticket closed: solved or not, on time or not. */
  close(owner: number, solved: boolean, onTime: boolean): void {
    this.dayClosed++;
    if (solved) this.daySolved++;
    if (owner >= 0) {
      this.closed[owner]++;
      if (onTime) this.onTime[owner]++;
    }
  }

  /** The rating the hotline records (what the assessment sees). */
  report(owner: number, satisfied: boolean): void {
    this.dayReported++;
    if (satisfied) this.dayReportedSatisfied++;
    if (owner >= 0) {
      this.reported[owner]++;
      if (satisfied) this.reportedSatisfied[owner]++;
    }
  }

  /** What the resident truly thinks of the outcome. */
  truth(owner: number, satisfied: boolean): void {
    this.dayRated++;
    if (satisfied) this.dayTrulySatisfied++;
    if (owner >= 0) {
      this.rated[owner]++;
      if (satisfied) this.trulySatisfied[owner]++;
    }
  }

  /**
   * n substitute tickets of unit u (fake, or induced in place of a real one): dispatched, closed
   * on time and reported satisfied, with no resident behind them to rate them truly.
   */
  substitute(u: number, n: number): void {
    this.dispatched[u] += n;
    this.closed[u] += n;
    this.onTime[u] += n;
    this.reported[u] += n;
    this.reportedSatisfied[u] += n;
    this.dayReported += n;
    this.dayReportedSatisfied += n;
  }

  /** A ticket of unit u excluded after an approved appeal: out of the score; the resident's problem stays unsolved. */
  exclude(u: number): void {
    this.excluded[u]++;
    this.dayRated++;
    this.dayClosed++;
  }

  /** Unit u's reported satisfaction rate so far this period (`fallback` before any rating). */
  reportedRate(u: number, fallback: number): number {
    return this.reported[u] > 0 ? this.reportedSatisfied[u] / this.reported[u] : fallback;
  }
}
