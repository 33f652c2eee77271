/**
 * docs/FIT.md and docs/PRIORS.md as text: FIT.md from a fit's output folder (the files
 * `hotline-lab fit` writes: fit.json, provenance.json, runs.csv, posterior.csv, predictive.csv),
 * PRIORS.md from the priors table (experiments/priors.ts). `npm run docs` writes both (cli/docs.ts)
 * and the docs test fails when either is stale, so no figure in them is typed by hand.
 *
 * The only prose that is not read from the files is the reasoning about targets no simulation of
 * the fit met (`WHY_UNMET`, keyed by target): it is printed only while the folder says the target
 * is unmet, and a target unmet without an entry is reported as unexplained. Its bounds are
 * computed from the model's constants (sim/constants.ts), not typed. Pure.
 */
import { KNOBS, type KnobName } from '../sim/index.ts';
import {
  CONTACTS_PER_OUTREACH_HOUR,
  RESP_FLOOR,
  SAT_BASE,
  SAT_ON_TIME,
  SAT_SOLVED,
  SOLVE_DEPT,
  SOLVE_UNIT,
  U_HALL,
  U_HOTLINE,
} from '../sim/constants.ts';
import { PRIOR_TABLE } from './priors.ts';
import { studies } from './targets.ts';
import { CARRY_SCALE, POLICIES, summarizeEffects, type EffectSummary } from './fit-carry.ts';

// ---------------------------------------------------------------- reading the files

/** Rows of a CSV with `#` comment lines, as objects by header (RFC 4180 quotes). */
export function readCsv(text: string): { comments: string[]; rows: Record<string, string>[] } {
  const comments: string[] = [];
  const records: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('#')) {
      comments.push(line.slice(1).trim());
      continue;
    }
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    records.push(cells);
  }
  const [head, ...body] = records;
  return { comments, rows: body.map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? '']))) };
}

/** The files of a fit's folder, as text (runs.csv may be absent). */
export interface FitFolderText {
  fitJson: string;
  provenanceJson: string;
  posteriorCsv: string;
  predictiveCsv: string;
  runsCsv?: string;
  /** policies.csv of `--policies N` (experiments/fit-carry.ts), when it was run. */
  policiesCsv?: string;
}

// ---------------------------------------------------------------- formatting

/** Three significant digits, no exponent for the ranges the fit prints. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return String(Math.round(x));
  return String(Number(x.toPrecision(3)));
}
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');
const cell = (s: string) => s.replace(/\|/g, '\\|');

// ---------------------------------------------------------------- why a target is unmet

/** The most a closed ticket of each kind can be truly rated satisfied: solved at full responsiveness (a department's chance where higher) and on time. */
function ratingCeiling(kind: number): number {
  return Math.min(1, SAT_BASE[kind] + SAT_SOLVED * Math.max(SOLVE_UNIT[kind], SOLVE_DEPT[kind]) + SAT_ON_TIME);
}
const KIND_NAMES: [number, string][] = [
  [1, 'a pothole (defect)'],
  [2, 'an individual matter'],
  [4, 'a contested good'],
  [5, 'a proxy complaint'],
  [3, 'an out-of-scope wish'],
  [6, 'venting'],
];
const dflt = (k: KnobName) => KNOBS.find((x) => x.name === k)?.default;
const prior = (k: KnobName) => {
  const e = PRIOR_TABLE[k];
  return e.kind === 'prior' ? e : null;
};

/**
 * Why no parameter set meets a target, reasoned from the model's mechanisms (keyed by target).
 * Each is a function so its figures come from the model's constants and the priors table.
 */
const WHY_UNMET: Record<string, () => string> = {
  'responsiveness: 2024 official satisfaction': () => {
    const ceil = KIND_NAMES.map(([k, name]) => `${name} ${fmt(ratingCeiling(k))}`).join(', ');
    const b = prior('basicallySatisfiedShare');
    const best = b ? 1 - 0.1 * b.min : NaN;
    return (
      "A closed ticket is rated satisfied with chance base + solved + on time, by kind (`SAT_BASE`, `SAT_SOLVED`, `SAT_ON_TIME` in sim/constants.ts), and a ticket is solved with the kind's chance times the owner's responsiveness (`SOLVE_UNIT`/`SOLVE_DEPT`, at least " +
      `${fmt(RESP_FLOOR)} of it at responsiveness 0). ` +
      `So even at full responsiveness and every ticket on time, the most each kind can be rated satisfied is: ${ceil}. ` +
      `The official rate then counts "basically satisfied" as 0.9 (\`basicallySatisfiedShare\`, prior ${b ? `${fmt(b.min)}..${fmt(b.max)}` : '–'}), a further factor of at most ${fmt(best)}. ` +
      `Only a pothole, the department's best case, can clear ${fmt(0.92 / best)} before that factor (0.92 after it). The rated tickets are requests (consultations are answered on the call and not rated), and in the study's world most are potholes and individual matters (the \`filed_defect\` and \`filed_individual\` series of a run), the latter capped at ${fmt(ratingCeiling(2))}: ` +
      'so the mix, however responsive the units and however prompt, stays below the band. ' +
      'Only gaming (ratings paid for, unsolved tickets withdrawn for substitutes rated satisfied, fake tickets) lifts the recorded rate above what residents feel, and no draw of the gaming knobs within their priors (`integrityMean`, `gamingPropensity`, `fakeShareAtFull` and the others in PRIORS.md) closed the gap in this fit. ' +
      `Beijing also drops tickets excluded on appeal from its rates; the study runs the default world, where appeal exclusion is ${dflt('appealExclusion') ? 'on' : 'off'}. ` +
      'No parameter the fit draws moves these ceilings: they are constants, and appeal exclusion is a policy (a scenario input), not a prior. ' +
      'Meeting 97.3% would need the rating constants as knobs (a different model of what residents answer at the follow-up), or the study to run with appeal exclusion (an excluded ticket is closed without a rating, so it leaves the official rates), whose effect on this row is untested.'
    );
  },
  'responsiveness: 2024 official resolution': () => {
    const ceil = KIND_NAMES.map(([k, name]) => `${name} ${fmt(Math.max(SOLVE_UNIT[k], SOLVE_DEPT[k]))}`).join(', ');
    const r = prior('overdueReplyDays');
    return (
      'The official resolution is the share of rated tickets the follow-up records as solved: solved, or recorded so by a bought rating or a substitute. ' +
      `A ticket is solved with its kind's chance times the owner's responsiveness (\`SOLVE_UNIT\`/\`SOLVE_DEPT\` in sim/constants.ts, at least ${fmt(RESP_FLOOR)} of it at responsiveness 0), so at full responsiveness the most each kind can be solved is: ${ceil}. ` +
      'Triage under a backlog and tired staff cut it further, and from model 0.3.0 tickets more than `overdueReplyDays` past their deadline are answered unsolved ' +
      `(prior ${r ? `${fmt(r.min)}..${fmt(r.max)}` : '–'} days): the study's 2019 start, with units passing the buck (\`initialResponsiveness\` 0.1), leaves queues that are answered unsolved while responsiveness grows. ` +
      'With individual matters, the largest kind of request, capped as above, the mix reaches the band only with every unit near full responsiveness and little triage, plus gaming to record the rest as solved; no set of the 200 drawn did both. ' +
      'Model 0.2.0 had sets that did (no overdue replies, no hours kept for long-term work): the row is a measure of how far 0.3.0 asks units to pay for the backlog they inherit.'
    );
  },
  'qingpu: requests 2022, outreach vs none': () => {
    const c = prior('wechatChurn');
    return (
      `Social workers' outreach adds WeChat contacts at \`CONTACTS_PER_OUTREACH_HOUR\` (${fmt(CONTACTS_PER_OUTREACH_HOUR)}) per hour of outreach, times the share not yet connected, and only residents on a worker's WeChat can take a matter to the worker instead of the hotline. ` +
      `From model 0.3.0 contacts also drift away (\`wechatChurn\`, prior ${c ? `${fmt(c.min)}..${fmt(c.max)}` : '–'} a year), so in outreach's first year (2022) a worker's list has grown by only part of what it reaches later, and the requests it diverts are a few percent where Qingpu's desks, in every village at once, cut 19%. ` +
      "The second year's row, and the halls' (`qingpu-halls`), are met: the gap is the first year's speed, which the outreach constant, not a prior knob, sets. " +
      'Model 0.2.0 (no churn) had sets that met it; a knob for contacts per outreach hour, or the study mapping Qingpu onto the halls only, would be the next step.'
    );
  },
  'wulimiao: all village requests 2025/2022': () => {
    const h = prior('hallCost');
    return (
      'The norm the hall teaches deters only out-of-scope wishes and venting (and, by a share `NORM_ON_PROXY`, proxy complaints): the kinds a hall deliberates (the rows above, which some parameter sets meet). ' +
      "Potholes and individual matters are the town's to fix; the norm does not touch them, and the hall, though open to every kind, starts less attractive for them than the hotline " +
      `(base utility ${fmt(U_HALL[1])} against ${fmt(U_HOTLINE[1])} for a pothole, ${fmt(U_HALL[2])} against ${fmt(U_HOTLINE[2])} for an individual matter: \`U_HALL\` and \`U_HOTLINE\` in sim/constants.ts, before memory and cost). ` +
      'Residents choose among the channels in proportion to the exponentials of their utilities, so the hall takes a share of those requests, not nearly all: ' +
      `the village keeps filing most of them to 12345, at rates (\`defectRate\`, \`defectNoticeRate\`, \`individualRate\`) that scale both years alike, and no hall cost within its prior (${h ? `${fmt(h.min)}..${fmt(h.max)}` : '–'}) tips the choice. ` +
      'The ratio of all requests 2025/2022 is therefore held up by those kinds whatever the knobs. ' +
      'The published "about 0" is the village secretary\'s count, which docs/CALIBRATION.md maps onto the hall\'s kinds; this row holds the model to the stricter reading (every request) and is expected to fail: the mapping, not a knob, is at issue.'
    );
  },
};

// ---------------------------------------------------------------- FIT.md

interface PostRow {
  knob: string;
  scale: string;
  min: number;
  max: number;
  median: number;
  q05: number;
  q95: number;
  width: number;
  place: number;
  verdict: string;
}

/** The method's name and why (the issue asks to say which and why). */
const METHOD =
  'Rejection approximate Bayesian computation with a local-linear regression adjustment (Beaumont, Zhang and Balding 2002), ' +
  'each knob adjusted on its own projection (the linear prediction of the knob from every discrepancy, fitted over all prior simulations; Fearnhead and Prangle 2012), ' +
  'because with some 30 targets and some 40 accepted sets a regression on every discrepancy at once overfits. ' +
  'Rejection rather than sequential Monte Carlo: every simulation is independent of every other (its parameters and seeds depend on the fit seed and its index alone), ' +
  'so the fit runs on any number of workers or shards, resumes after a kill, grows by adding simulations, and the same reference table serves another acceptance fraction without a single new run. ' +
  'Sequential Monte Carlo would spend the same budget more efficiently near the posterior, at the price of rounds that wait on each other.';

export function fitReport(f: FitFolderText, folder = 'docs/fit'): string {
  const fit = (JSON.parse(f.fitJson) as { hash: string; fit: Record<string, unknown> }).fit as {
    seed: number;
    sims: number;
    predictive: number;
    accept: number;
    studies: string[];
    priors: unknown[];
    targets: unknown[];
  };
  const hash = (JSON.parse(f.fitJson) as { hash: string }).hash;
  const prov = JSON.parse(f.provenanceJson) as { model: string; commit: string | null };
  const post = readCsv(f.posteriorCsv);
  const pred = readCsv(f.predictiveCsv);
  const runs = f.runsCsv ? readCsv(f.runsCsv).rows : [];
  const acceptedLine = post.comments.find((c) => c.startsWith('accepted ')) ?? '';
  const acc = /accepted (\d+) of (\d+) prior simulations; largest accepted distance ([\d.e+-]+)/.exec(acceptedLine);
  const knobs: PostRow[] = post.rows.map((r) => ({
    knob: r.knob,
    scale: r.scale,
    min: Number(r.prior_min),
    max: Number(r.prior_max),
    median: Number(r.median),
    q05: Number(r.q05),
    q95: Number(r.q95),
    width: Number(r.width_ratio),
    place: Number(r.median_place),
    verdict: r.verdict,
  }));
  const byStudy = new Map(studies().map((s) => [s.id, s]));

  const L: string[] = [];
  L.push('# The fit of the default model');
  L.push('');
  L.push(
    `Generated by \`npm run docs\` from the output of \`hotline-lab fit\` in \`${folder}/\` (${prov.model}, fit hash \`${hash.slice(0, 12)}\`, git commit \`${prov.commit ?? 'unknown'}\`). ` +
      'Do not edit: every figure below is read from those files. Issue 14; the priors are in [PRIORS.md](PRIORS.md), the targets in [CALIBRATION.md](CALIBRATION.md).',
  );
  L.push('');
  L.push('## Method');
  L.push('');
  L.push(METHOD);
  L.push('');

  // ---- budget and run time
  L.push('## Budget and run time');
  L.push('');
  const nTargets = pred.rows.length;
  L.push(
    `- **${fit.sims} prior simulations**, each a parameter set of ${knobs.length} knobs drawn from the priors and every target's scenario run once with it ` +
      `(${fit.studies.length} studies, ${nTargets} targets); **${acc ? acc[1] : '?'} accepted** (fraction ${fit.accept}, largest accepted distance ${acc ? fmt(Number(acc[3])) : '?'}, the root mean square of the targets' discrepancies in units of their scales).`,
  );
  L.push(
    `- **${fit.predictive} posterior predictive simulations**: parameter sets resampled from the posterior by weight, every scenario run again with fresh seeds.`,
  );
  L.push(
    `- Seed ${fit.seed}. The fit's scenarios are scaled down where the targets' measures allow (below); the calibration (\`hotline-lab calibrate\`) runs them at full size.`,
  );
  if (runs.length) {
    const total = runs.reduce((a, r) => a + Number(r.seconds), 0);
    const simsRun = runs.reduce((a, r) => a + Number(r.prior_sims) + Number(r.predictive_sims), 0);
    const workers = [...new Set(runs.map((r) => r.workers))].join(' and ');
    L.push(
      `- **Run time on this machine: ${fmt(total)} s** (${fmt(total / 60)} min) of wall time for ${simsRun} simulations on ${workers} worker${workers === '1' ? '' : 's'}, ` +
        `${fmt(total / Math.max(1, simsRun))} s per simulation (${runs.length} run${runs.length === 1 ? '' : 's'} of the command, \`${folder}/runs.csv\`; the machine's 2 cores were shared with other work).`,
    );
  } else L.push(`- Run time: not recorded (\`${folder}/runs.csv\` is missing).`);
  L.push('');
  L.push('Scale-downs of the fit (on top of the calibration scenario):');
  L.push('');
  for (const id of fit.studies) {
    const s = byStudy.get(id);
    if (!s) continue;
    const over = s.fitOver
      ? Object.entries(s.fitOver)
          .map(([k, v]) => `\`${k}\` ${String(v)}`)
          .join(', ')
      : 'none (runs the calibration scenario)';
    L.push(`- ${s.id}: ${over}${s.fitNote ? `. ${s.fitNote}` : ''}`);
  }
  L.push('');

  // ---- reproduce
  L.push('## How to reproduce');
  L.push('');
  L.push('```sh');
  const reps = f.policiesCsv ? /"replicates":(\d+)/.exec(f.policiesCsv)?.[1] : undefined;
  L.push(
    `npx hotline-lab fit --out ${folder} --seed ${fit.seed} --sims ${fit.sims} --predictive ${fit.predictive} --accept ${fit.accept} --workers 2${reps ? ` --policies ${reps}` : ''}`,
  );
  L.push('npm run docs   # rewrites docs/FIT.md and docs/PRIORS.md from the folder and the priors table');
  L.push('```');
  L.push('');
  L.push(
    'The files are the same for any `--workers` and for shards (`--shard i/n` on several machines, then `hotline-lab merge` and `fit --resume` for the predictive check); only `runs.csv` records the machine. ' +
      `\`${folder}/\` keeps the summary files; \`simulations.csv\` and \`sims/\` (every simulation's parameters and values) are left out of the repository for size and come back with the command above.`,
  );
  L.push('');

  // ---- posterior
  const dOf = (k: string) => KNOBS.find((x) => x.name === k)?.default as number;
  const order = [...knobs].sort((a, b) => a.width - b.width || a.knob.localeCompare(b.knob));
  const counts = (v: string) => knobs.filter((k) => k.verdict === v).length;
  L.push('## Posterior');
  L.push('');
  L.push(
    `Every fitted knob, most constrained first. Median and 90% interval are weighted quantiles of the ${acc ? acc[1] : ''} adjusted accepted sets. ` +
      "**Width** is the posterior 90% interval's width over the prior's, in the prior's own scale: 1 means the targets say nothing about the knob. " +
      'Verdict: constrained below 0.5, weakly constrained below 0.8. **Edge**: the median in the outer 5% of the prior range (the targets push against the prior). ' +
      "**Default**: the model's default, marked ✗ when it lies outside the 90% interval.",
  );
  L.push('');
  L.push(
    `${counts('constrained')} knobs are constrained, ${counts('weakly constrained')} weakly constrained, ${counts('not constrained')} not constrained by the targets.`,
  );
  L.push('');
  L.push('| knob | prior | default | median | 90% interval | width | verdict |');
  L.push('|---|---|---|---|---|---|---|');
  for (const k of order) {
    const d = dOf(k.knob);
    const out = !(d >= k.q05 && d <= k.q95);
    const edge = k.place < 0.05 || k.place > 0.95;
    L.push(
      `| \`${k.knob}\` | ${fmt(k.min)} .. ${fmt(k.max)}${k.scale === 'log' ? ' (log)' : ''} | ${fmt(d)}${out ? ' ✗' : ''} | ${fmt(k.median)}${edge ? ' (edge)' : ''} | ${fmt(k.q05)} .. ${fmt(k.q95)} | ${fmt(k.width)} | ${k.verdict} |`,
    );
  }
  L.push('');
  const outside = order.filter((k) => !(dOf(k.knob) >= k.q05 && dOf(k.knob) <= k.q95));
  const edges = order.filter((k) => k.place < 0.05 || k.place > 0.95);
  L.push(
    `Defaults outside their 90% interval (${outside.length}): ${outside.map((k) => `\`${k.knob}\` (${fmt(dOf(k.knob))}; posterior ${fmt(k.q05)} .. ${fmt(k.q95)})`).join(', ') || 'none'}. ` +
      `Medians at an edge of the prior (${edges.length}): ${edges.map((k) => `\`${k.knob}\``).join(', ') || 'none'}; for these the prior, not the data, bounds the posterior, and the range may be too narrow, or a target may pull the knob to make up for a mechanism the model lacks (below).`,
  );
  L.push('');
  L.push(
    'These are not new defaults: the budget is small for the number of knobs, and the predictive check below shows where the adjusted posterior predicts worse than the accepted sets did as simulated. ' +
      'A default moved on this evidence would need a larger fit first (issue 14).',
  );
  L.push('');

  // ---- predictive check
  const P = pred.rows.map((r) => ({
    study: r.study,
    label: r.target,
    key: `${r.study}: ${r.target}`,
    tol: r.tolerance,
    figure: Number(r.figure),
    lo: Number(r.lo),
    hi: Number(r.hi),
    priorIn: Number(r.prior_in_band),
    closest: Number(r.prior_closest),
    accIn: Number(r.accepted_in_band),
    median: Number(r.median),
    q05: Number(r.q05),
    q95: Number(r.q95),
    inBand: Number(r.in_band),
    met: r.met === 'true',
  }));
  const pass = (r: (typeof P)[number]) => r.median >= r.lo && r.median <= r.hi;
  L.push('## Posterior predictive check');
  L.push('');
  L.push(
    `Each target's figure and band against the ${fit.predictive} predictive simulations: their median and 90% interval, and the share in the band. ` +
      '**Pass** when the predictive median lies in the band (as `hotline-lab calibrate` judges a mean). ' +
      'For comparison, the share in the band among all prior simulations and among the accepted ones as simulated (before the adjustment), and the prior simulation closest to the figure. ' +
      '**Met** says whether any simulation of the fit, prior or predictive, landed in the band.',
  );
  L.push('');
  L.push(
    `${P.filter(pass).length} of ${P.length} targets pass; ${P.filter((r) => r.met).length} of ${P.length} are met by some simulation.`,
  );
  L.push('');
  L.push(
    '| study | target | figure | band | predictive median | 90% interval | in band | accepted in band | prior in band | closest prior | pass | met |',
  );
  L.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of P)
    L.push(
      `| ${r.study} | ${cell(r.label)} | ${fmt(r.figure)} | ${cell(r.tol)} | ${fmt(r.median)} | ${fmt(r.q05)} .. ${fmt(r.q95)} | ${pct(r.inBand)} | ${pct(r.accIn)} | ${pct(r.priorIn)} | ${fmt(r.closest)} | ${pass(r) ? 'pass' : '**fail**'} | ${r.met ? 'yes' : '**no**'} |`,
    );
  L.push('');
  const worse = P.filter((r) => r.inBand < r.accIn - 0.2);
  L.push(
    `The adjustment helps where the accepted sets are near the figure, but ${worse.length} target${worse.length === 1 ? '' : 's'} land${worse.length === 1 ? 's' : ''} in the band clearly less often under the adjusted posterior than the accepted sets did as simulated (by more than 20 points): ` +
      `${worse.map((r) => `${r.key} (${pct(r.inBand)} against ${pct(r.accIn)})`).join('; ') || 'none'}. ` +
      `The adjustment moves each of the ${knobs.length} knobs along a slope fitted on ${acc ? acc[1] : 'the'} accepted sets, all knobs at once; where a target responds to the knobs nonlinearly, or to their combination, the moved sets overshoot. A larger budget (more sets, a smaller acceptance fraction, so the adjustment moves them less) is the remedy, not a different target.`,
  );
  L.push('');

  // ---- carried through
  L.push(...carrySection(f, folder));

  // ---- unmet
  const unmet = P.filter((r) => !r.met);
  L.push('## Targets no parameter set meets');
  L.push('');
  if (unmet.length === 0) L.push('Every target is met by at least one simulation of the fit.');
  for (const r of unmet) {
    const why = WHY_UNMET[r.key];
    L.push(`### ${r.key}`);
    L.push('');
    L.push(
      `Figure ${fmt(r.figure)}, band ${fmt(r.lo)} .. ${fmt(r.hi)}; the closest of ${fit.sims} prior simulations is ${fmt(r.closest)}, the predictive interval ${fmt(r.q05)} .. ${fmt(r.q95)}.`,
    );
    L.push('');
    L.push(why ? why() : 'Not yet explained: no reasoning is recorded for this target (experiments/fit-report.ts, `WHY_UNMET`).');
    L.push('');
  }
  const failedButMet = P.filter((r) => r.met && !pass(r));
  if (failedButMet.length) {
    L.push(
      `Met by some simulation but failed by the posterior's median (${failedButMet.length}): ${failedButMet.map((r) => r.key).join('; ')}. ` +
        'For these a parameter set exists that reaches the figure, but not one that reaches it together with the other targets at this budget: either the targets pull the shared knobs apart, or the few sets that reach it were too far from the figures elsewhere to be accepted.',
    );
    L.push('');
  }
  return L.join('\n');
}

/** The policy comparisons with the knobs at their defaults and drawn from the posterior (policies.csv). */
function carrySection(f: FitFolderText, folder: string): string[] {
  const L: string[] = [];
  L.push('## Policy effects with parameter uncertainty');
  L.push('');
  if (!f.policiesCsv) {
    L.push(`Not run for this folder (\`hotline-lab fit --policies N\` writes \`${folder}/policies.csv\`).`);
    L.push('');
    return L;
  }
  const { rows } = readCsv(f.policiesCsv);
  const sets = /posterior-sample (\d+) sets/.exec(f.policiesCsv)?.[1] ?? '?';
  const sums = summarizeEffects(rows);
  const get = (policy: string, metric: string, c: string) =>
    sums.find((x) => x.policy === policy && x.metric === metric && x.condition === c);
  const n = get(POLICIES[0].id, POLICIES[0].metrics[0].metric, 'defaults')?.n ?? 0;
  L.push(
    `${POLICIES.length} of the article's policies against the same world without them (\`${folder}/policies.csv\`, experiments/fit-carry.ts), ${n} paired replicates each: ` +
      `once with every uncertain knob at its default (seed noise only), once with replicate k drawing its knobs from posterior set k of the fit's ${sets}-set posterior sample (seed noise and parameter uncertainty). ` +
      'Replicate k has the same seed in both arms and both conditions, so the conditions differ only in the knobs. ' +
      `The worlds are the policies' presets with ${Object.entries(CARRY_SCALE)
        .map(([k, v]) => `\`${k}\` ${String(v)}`)
        .join(', ')} (the default world at an eighth of its size, as the fit runs it). ` +
      "Relative effects are policy / none - 1; differences are policy - none. **Mean** with its 95% interval (as experiments report it); **90% of worlds**: the 5% and 95% quantiles of the replicates' effects, where the effect in one world falls. " +
      "**Spread**: the posterior's 90% range over the defaults'.",
  );
  L.push('');
  L.push(
    '| policy | effect on | defaults: mean (95%) | defaults: 90% of worlds | posterior: mean (95%) | posterior: 90% of worlds | spread |',
  );
  L.push('|---|---|---|---|---|---|---|');
  const show = (m: { effect: string }, x: number) => (m.effect === 'relative' ? `${fmt(x * 100)}%` : `${fmt(x * 100)} pt`);
  const notes: string[] = [];
  for (const p of POLICIES)
    for (const m of p.metrics) {
      const d = get(p.id, m.metric, 'defaults');
      const q = get(p.id, m.metric, 'posterior');
      if (!d || !q) continue;
      const iv = (e: EffectSummary) => `${show(m, e.mean)} (${show(m, e.lo)} .. ${show(m, e.hi)})`;
      const range = (e: EffectSummary) => `${show(m, e.q05)} .. ${show(m, e.q95)}`;
      L.push(
        `| ${cell(p.title)} | ${cell(m.label)} (\`${m.metric}\`) | ${iv(d)} | ${range(d)} | ${iv(q)} | ${range(q)} | ${fmt((q.q95 - q.q05) / (d.q95 - d.q05))}× |`,
      );
      const sign = (e: EffectSummary) => (e.lo > 0 ? 1 : e.hi < 0 ? -1 : 0);
      if (sign(d) !== 0 && sign(q) !== 0 && sign(d) !== sign(q))
        notes.push(
          `**${p.id}, ${m.label}**: the sign flips, ${show(m, d.mean)} at the defaults against ${show(m, q.mean)} under the posterior, each interval clear of zero`,
        );
      else if (sign(d) !== 0 && q.q05 < 0 && q.q95 > 0)
        notes.push(
          `**${p.id}, ${m.label}**: clear of zero at the defaults, but the posterior's worlds range from ${show(m, q.q05)} to ${show(m, q.q95)}`,
        );
    }
  L.push('');
  L.push(
    notes.length
      ? `What parameter uncertainty changes: ${notes.join('; ')}. A result read off the defaults alone would state these with a confidence the fit does not support.`
      : "Parameter uncertainty widens the intervals but changes no effect's sign.",
  );
  L.push('');
  L.push(
    'The posterior is the one above, with the weaknesses its predictive check shows; these rows say which conclusions hang on the uncertain knobs, not yet which answer is right. ' +
      'Any experiment can do the same: its `"posterior"` field (or `hotline-lab experiment FILE --posterior docs/fit/posterior-sample.json`, or the Experiments tab with the sample loaded) makes replicate k of every design point draw set k (docs/EXPERIMENTS.md, section 10).',
  );
  L.push('');
  return L;
}

// ---------------------------------------------------------------- PRIORS.md

export function priorsDoc(): string {
  const L: string[] = [];
  L.push('# Priors');
  L.push('');
  L.push(
    'Generated by `npm run docs` from experiments/priors.ts. Do not edit. What is known about every knob before the fit ([FIT.md](FIT.md), issue 14):',
  );
  L.push('');
  L.push(
    "- **prior**: the sources do not pin it down; the fit draws it uniformly between the bounds, on a log scale where only the order of magnitude is known. The range holds the default and stays within the knob's allowed range.",
  );
  L.push('- **source**: a published figure or the source article pins it; it stays fixed at its default.');
  L.push('- **input**: the scenario says it (the world, dates, policies and their settings); each study sets it, nothing is fitted.');
  L.push('');
  const kinds = KNOBS.map((k) => PRIOR_TABLE[k.name as KnobName].kind);
  L.push(
    `${kinds.filter((k) => k === 'prior').length} knobs have a prior, ${kinds.filter((k) => k === 'source').length} are fixed by the sources, ${kinds.filter((k) => k === 'input').length} are scenario inputs.`,
  );
  L.push('');
  L.push('| knob | kind | prior | default | reason |');
  L.push('|---|---|---|---|---|');
  for (const k of KNOBS) {
    const e = PRIOR_TABLE[k.name as KnobName];
    const range = e.kind === 'prior' ? `${fmt(e.min)} .. ${fmt(e.max)}${e.scale === 'log' ? ' (log)' : ''}` : '';
    const reason = e.kind === 'source' && k.source ? `${e.reason} (knob source: ${k.source})` : e.reason;
    L.push(`| \`${k.name}\` | ${e.kind} | ${range} | ${cell(String(k.default))} | ${cell(reason)} |`);
  }
  L.push('');
  return L.join('\n');
}
