/**
 * The ratings ledger: what closing tickets yields, for the day (the official satisfaction and
 * resolution series) and for each owner over the assessment period (what it is scored on).
 * A closed ticket is recorded in parts that gaming can pull apart: the close itself (on time?),
 * the rating the hotline records (reported), and what the resident truly thinks (truth).
 * Owner -1 records for the day only (councils, refused calls).
 * Every count is a whole number, so the order in which mechanisms record does not matter.
 */
export class Ratings {
  // per owner (units then departments), this assessment period
  /** Tickets dispatched to the owner (acceptance and requests per 10,000). */
  readonly dispatched: Float64Array;
  /** Tickets sent to the unit by mistake and returned (acceptance falls). */
  readonly returned: Float64Array;
  /** Tickets the owner closed, and those closed by their deadline (completion). */
  readonly closed: Float64Array;
  readonly onTime: Float64Array;
  /** Ratings the hotline recorded, and those satisfied (the reported satisfaction rate). */
  readonly reported: Float64Array;
  readonly reportedSatisfied: Float64Array;
  /** Residents' true ratings, and those satisfied (the truth behind it). */
  readonly rated: Float64Array;
  readonly trulySatisfied: Float64Array;
  /** Tickets excluded from the owner's score after an approved appeal. */
  readonly excluded: Float64Array;

  // the day's totals, all owners: the ratings the follow-up recorded, those satisfied, and those
  // that record the problem as solved (a bought rating or a substitute does)
  dayReported = 0;
  dayReportedSatisfied = 0;
  dayOfficialSolved = 0;

  constructor(owners: number) {
    this.dispatched = new Float64Array(owners);
    this.returned = new Float64Array(owners);
    this.closed = new Float64Array(owners);
    this.onTime = new Float64Array(owners);
    this.reported = new Float64Array(owners);
    this.reportedSatisfied = new Float64Array(owners);
    this.rated = new Float64Array(owners);
    this.trulySatisfied = new Float64Array(owners);
    this.excluded = new Float64Array(owners);
  }

  resetDay(): void {
    this.dayReported = this.dayReportedSatisfied = this.dayOfficialSolved = 0;
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

  /** A ticket dispatched to owner o. */
  dispatch(o: number): void {
    this.dispatched[o]++;
  }

  /** A ticket of unit u was misrouted and came back. */
  returnedToSender(u: number): void {
    this.returned[u]++;
  }

  /** A real ticket of owner o (-1: none scored) closed, on time or not. */
  close(o: number, onTime: boolean): void {
    if (o >= 0) {
      this.closed[o]++;
      if (onTime) this.onTime[o]++;
    }
  }

  /** The rating the hotline records (what the assessment sees), and whether it records the problem solved. */
  report(o: number, satisfied: boolean, solvedOnRecord: boolean): void {
    this.dayReported++;
    if (satisfied) this.dayReportedSatisfied++;
    if (solvedOnRecord) this.dayOfficialSolved++;
    if (o >= 0) {
      this.reported[o]++;
      if (satisfied) this.reportedSatisfied[o]++;
    }
  }

  /** What the resident of a ticket of owner o truly thinks of the outcome. */
  truth(o: number, satisfied: boolean): void {
    if (o >= 0) {
      this.rated[o]++;
      if (satisfied) this.trulySatisfied[o]++;
    }
  }

  /**
   * n substitute tickets of unit u (fake, or induced in place of a real one): dispatched, closed
   * on time, reported satisfied and solved, with no resident behind them to rate them truly.
   */
  substitute(u: number, n: number): void {
    this.dispatched[u] += n;
    this.closed[u] += n;
    this.onTime[u] += n;
    this.reported[u] += n;
    this.reportedSatisfied[u] += n;
    this.dayReported += n;
    this.dayReportedSatisfied += n;
    this.dayOfficialSolved += n;
  }

  /** A ticket of owner o excluded after an approved appeal: out of the score. */
  exclude(o: number): void {
    this.excluded[o]++;
  }

  /** The completion rate's denominator for owner o: tickets closed this period and `overdueOpen` still open past their deadline. */
  completionBase(o: number, overdueOpen: number): number {
    return this.closed[o] + overdueOpen;
  }

  /** Owner o's reported satisfaction rate so far this period (`fallback` before any rating). */
  reportedRate(o: number, fallback: number): number {
    return this.reported[o] > 0 ? this.reportedSatisfied[o] / this.reported[o] : fallback;
  }
}
