/**
 * Story mode's steps, as data: a guided classroom path through the article, one idea a step.
 * Each step names the scenario it runs (a preset plus knob changes, a seed, the view to show,
 * whether to compare with the preset unchanged), asks the class to predict, and says what to
 * read off the run afterwards. A step is a link: `?story=article&step=<n>&preset=...`; a story
 * link without `preset=` opens its step's scenario (`storyLink`).
 *
 * Nothing here assumes the model's numbers. The figures a step shows are computed from the run's
 * daily series by `storyFigure`; each answer the class may predict carries its claim as tests
 * over those figures (`Test`), and `judgeStep` reads the verdict off the figures as shown. The
 * step's explanation is shown only when its own tests hold on the run on screen.
 */
import { KNOBS, type KnobChange, type Knobs, type KnobValue } from '../sim/index.ts';
import { checkTimeline, formatKnobValue } from './loader.ts';
import { presetKnobs, presetTimeline, type Bilingual } from './presets.ts';
import { sameTimeline, type TimelineChange } from './timeline.ts';

export const STORY_ID = 'article';

export type StoryView = 'charts' | 'district' | 'village';

export interface StoryFigure {
  label: Bilingual;
  /** Daily metrics summed together (per calendar year when `byYear`). */
  metrics: string[];
  /** Divide by the sum of these metrics instead of showing a count. */
  over?: string[];
  byYear?: boolean;
  /** Read from the compare run (the preset unchanged) instead of the main run. */
  from?: 'main' | 'baseline';
  format: 'int' | 'pct';
}

/** A value on screen: figure `fig` (index into the step's figures), year `year` (0-based; negative counts from the last), or the figure's only value. */
export interface At {
  fig: number;
  year?: number;
}

/**
 * A statement about the figures on screen that the run either bears out or not. Bounds are
 * inclusive and either may be left out; rates are fractions (a `diff` of 0.02 is 2 points).
 * - `each`: every value of a figure, from its `skip`-th year on (negative: the last -skip years),
 *   lies within [min, max];
 * - `trend`: every year from the `skip`-th on is within [min, max] times the year before,
 *   or at most `few` (a count down to a few cannot keep halving);
 * - `ratio`: a / b lies within [min, max];
 * - `diff`: a - b lies within [min, max].
 */
export type Test =
  | { test: 'each'; fig: number; skip?: number; min?: number; max?: number }
  | { test: 'trend'; fig: number; skip?: number; min?: number; max?: number; few?: number }
  | { test: 'ratio'; a: At; b: At; min?: number; max?: number }
  | { test: 'diff'; a: At; b: At; min?: number; max?: number };

/** An answer the class may predict, and its claim: tests that all hold when the run shows it. */
export interface Outcome extends Bilingual {
  claim: Test[];
}

/** Figures from outside the model a step compares with (the village secretary's counts), by year. */
export interface Reference {
  /** Who counted, e.g. "the village secretary". */
  source: Bilingual;
  /** The step's figure the counts are set against. */
  fig: number;
  values: { year: string; value: number /** The count as the source words it ("almost none"). */; text?: Bilingual }[];
}

/** A change the step suggests trying, with what the run should then show and why. */
export interface TryIt {
  label: Bilingual;
  knobs: Partial<Knobs>;
  /** The option the run should then bear out. */
  expect: number;
  /** Shown when the run has these knobs and bears out `expect`. */
  explain: Bilingual;
}

export interface StoryStep {
  /** Short id, for tests and anchors. */
  id: string;
  title: Bilingual;
  /** The article's words this step is about: the Chinese original (`zh`) and a translation (`en`). */
  passage: Bilingual;
  /** What the class is about to see, before predicting. */
  setup: Bilingual;
  preset: string;
  knobs: Partial<Knobs>;
  seed: number;
  view: StoryView;
  /** Run the preset unchanged beside it (the app's compare mode). */
  compare: boolean;
  /** `answer`: the option the article's account amounts to, the step's claim. */
  predict: { question: Bilingual; options: Outcome[]; answer: number };
  figures: StoryFigure[];
  /** Why the answer comes about; shown only when the answer's claim and `explainIf` hold on the run. */
  explain: Bilingual;
  /** Further tests the explanation rests on (beyond the answer's claim). */
  explainIf?: Test[];
  reference?: Reference;
  tryIt?: TryIt;
}

const b = (en: string, zh: string): Bilingual => ({ en, zh });
/** An answer and its claim. */
const o = (en: string, zh: string, ...claim: Test[]): Outcome => ({ en, zh, claim });
/** The last year of a figure (or its only value). */
const last = (fig: number): At => ({ fig, year: -1 });
const first = (fig: number): At => ({ fig, year: 0 });
const one = (fig: number): At => ({ fig });

export const STORY: readonly StoryStep[] = [
  {
    id: 'speed-bump',
    title: b('The speed bump and the lights', '减速带与路灯'),
    passage: b(
      'Residents complained that there was no speed bump at the factory gate, which was dangerous. But once a bump was put in, other residents complained that it was dangerous for motorcycles. In the end the bump had to be removed. A resident complained that the lights in the compound were too dim and people tripped; after the lights were turned up, another resident complained that they were too bright and spoiled the atmosphere.',
      '有居民投诉厂区门口没有减速带,危险。但安装减速带后,另外的居民投诉,减速带影响骑摩托,危险。最后不得不拆除减速带。有居民投诉小区灯太暗,走路容易摔跤,调亮灯光后,另一个居民投诉,灯太亮,没有氛围。',
    ),
    setup: b(
      'A community of 3,000 by a factory gate. Some residents want a speed bump and brighter lights, others want neither. Every complaint is a ticket, and the street does what the filer asks.',
      '厂区门口一个约3000人的社区。有人想要减速带、想把灯调亮，也有人都不想要。每个投诉都是工单，街道按投诉人的要求办。',
    ),
    preset: 'speed-bump-and-lights',
    knobs: {},
    seed: 1,
    view: 'charts',
    compare: false,
    predict: {
      question: b('Over four years, how often will the bump and the lights be changed?', '四年里，减速带和路灯会被改动多少次？'),
      options: [
        o(
          'Once or twice, then it settles',
          '一两次，然后就定下来了',
          { test: 'diff', a: first(0), b: last(0), min: 1 },
          { test: 'each', fig: 0, skip: 1, max: 2 },
        ),
        o('Dozens of times a year, with no end', '每年几十次，没完没了', { test: 'each', fig: 0, min: 20 }),
        o('Never: the street refuses', '从不：街道会拒绝', { test: 'each', fig: 0, max: 0 }),
      ],
      answer: 1,
    },
    figures: [
      {
        label: b('changes of the bump or lights, by year', '减速带或路灯被改动次数（按年）'),
        metrics: ['contested_flips'],
        byYear: true,
        format: 'int',
      },
      { label: b('complaints about them, by year', '相关投诉（按年）'), metrics: ['filed_contested'], byYear: true, format: 'int' },
    ],
    explain: b(
      "Each answered complaint makes the other side unhappy, and they complain in turn, so the good flips back and forth and the complaints go on. Answering every ticket fast cannot settle what residents disagree about. Try it: turn on hand-down (下交群评) and see whether a council's consensus stops the flipping.",
      '每回应一次投诉，另一方就不满意，接着投诉，于是来回改，投诉也不停。快速回应每张工单，解决不了居民之间的分歧。试一试：打开“下交群评”，看议事会达成共识后是否不再来回改。',
    ),
    explainIf: [{ test: 'each', fig: 1, min: 10 }],
    tryIt: {
      label: b('turn on hand-down (下交群评)', '打开“下交群评”'),
      knobs: { handDown: true },
      expect: 0,
      explain: b(
        'With hand-down, a contested request goes to the community council, which deliberates once and settles it for everyone; nobody files to change it back.',
        '打开下交群评后，有争议的诉求交给社区议事会，大家商量一次就定下来，没人再投诉要求改回去。',
      ),
    },
  },
  {
    id: 'proxy',
    title: b('The complaint that keeps coming back', '换个理由再投诉'),
    passage: b(
      'Neighbours who quarrel call 12345 on purpose to complain that the other side disturbs them. Even when the local government settles the nuisance complaint, the real conflict is the quarrel between neighbours, and the complainant calls 12345 again with another reason.',
      '有邻居吵架,故意打12345投诉对方扰民。即便基层政府帮忙解决了扰民的诉求,但核心矛盾在邻里纠纷,投诉人还会换另一个理由打12345继续投诉。',
    ),
    setup: b(
      'A village of 1,500 with neighbours who have quarrelled for years. Each quarrel sends 12345 a complaint about something else: noise, parking, rubbish. The street handles each complaint; nobody handles the quarrel.',
      '一个约1500人的村，几户邻居多年不和。每次吵架，就有人打12345投诉别的事：噪音、停车、垃圾。街道处理了每一件投诉，却没人处理矛盾本身。',
    ),
    preset: 'xilijin-boundary',
    knobs: { handDown: false },
    seed: 1,
    view: 'charts',
    compare: false,
    predict: {
      question: b('Year after year, what happens to the number of these proxy complaints?', '一年又一年，这类借题投诉的数量会怎样？'),
      options: [
        o('Falls, since each one is handled', '减少，因为每件都处理了', { test: 'ratio', a: last(0), b: first(0), max: 0.83 }),
        o('Stays about the same', '大致不变', { test: 'ratio', a: last(0), b: first(0), min: 0.84, max: 1.19 }),
        o('Grows, as disputes pile up', '增加，因为纠纷越积越多', { test: 'ratio', a: last(0), b: first(0), min: 1.2 }),
      ],
      answer: 1,
    },
    figures: [
      {
        label: b('proxy complaints to 12345, by year', '打到12345的借题投诉（按年）'),
        metrics: ['filed_dispute'],
        byYear: true,
        format: 'int',
      },
      { label: b('disputes settled, by year', '化解的纠纷（按年）'), metrics: ['disputes_settled'], byYear: true, format: 'int' },
    ],
    explain: b(
      'Closing the noise complaint leaves the dispute alive, so it returns under another pretext; new quarrels take the place of those that fade by themselves, so year after year about as many complaints come in, however many are handled. "A group of people circles one unreasonable request." The hotline counts every one of them as work done.',
      '办结了扰民投诉，纠纷还在，于是换个理由再来；新的矛盾接替了自行平息的旧矛盾，所以不管办结多少件，每年的投诉都差不多。“一群人绕着一个无理诉求打转。”而热线把每一件都算作办结的工作。',
    ),
    tryIt: {
      label: b('turn on hand-down (下交群评)', '打开“下交群评”'),
      knobs: { handDown: true },
      expect: 0,
      explain: b(
        'With hand-down, the village council takes the disputes themselves; a settled dispute sends no more proxy complaints. The next step looks at how.',
        '打开下交群评后，村议事团处理纠纷本身；纠纷化解了，就不再有借题投诉。下一步看看是怎么做到的。',
      ),
    },
  },
  {
    id: 'three-visits',
    title: b('The boundary dispute and the three visits', '宅基地纠纷与三次登门'),
    passage: b(
      'The visit was meant to mediate, but the first time the elders could not talk the parties round. Undeterred, the veteran party members brought relatives and friends in the village who knew the four households, formed a mediation team and went again. On their third visit they brought a tape measure and other tools and, with everyone watching, clearly marked the boundaries between the four neighbours.',
      '此行的目的是调解矛盾,但老人们第一次却没说动对方改变主意。老党员们不气馁,又叫上村子里和这4户人家熟悉的亲戚、朋友,组成调解队再次上门。老党员们的第三次登门,带上卷尺等工具,在众人的注视下,清晰划分了四邻的边界。',
    ),
    setup: b(
      'The same village, now with a council of four veteran party members from 2022. A first visit rarely works; relatives and friends help on the second; from the third, the tape measure settles the boundary in front of everyone. In 2021 there is no council yet.',
      '还是这个村，2022年起由4位老党员组成议事团。第一次上门很少成功；第二次叫上亲戚朋友；第三次起带上卷尺，在众人注视下划清边界。2021年还没有议事团。',
    ),
    preset: 'xilijin-boundary',
    knobs: {},
    seed: 1,
    view: 'charts',
    compare: false,
    predict: {
      question: b('Once the council visits from 2022, what happens to the proxy complaints?', '2022年议事团开始上门后，借题投诉会怎样？'),
      options: [
        o(
          'They fall back instead of growing',
          '不再增加，逐渐回落',
          { test: 'ratio', a: last(0), b: first(0), max: 0.83 },
          { test: 'each', fig: 0, skip: 2, min: 1 },
        ),
        o('They keep coming, as in the last step', '像上一步一样照旧不断', { test: 'ratio', a: last(0), b: first(0), min: 0.84 }),
        o('They vanish at once', '立刻消失', { test: 'each', fig: 0, skip: 2, max: 0 }),
      ],
      answer: 0,
    },
    figures: [
      {
        label: b('proxy complaints to 12345, by year', '打到12345的借题投诉（按年）'),
        metrics: ['filed_dispute'],
        byYear: true,
        format: 'int',
      },
      { label: b('disputes settled, by year', '化解的纠纷（按年）'), metrics: ['disputes_settled'], byYear: true, format: 'int' },
      { label: b('council visits, by year', '议事团上门次数（按年）'), metrics: ['council_visits'], byYear: true, format: 'int' },
    ],
    explain: b(
      'The council settles disputes the hotline could only log: its visits succeed more often with each round, with people who know the families and, for a boundary, with evidence. Once a dispute is settled its proxy complaints stop, and the count falls back. Handing the request down to people who know the parties did what fast dispatch could not.',
      '议事团化解了热线只能登记的纠纷：每多一轮上门、有熟人参与、边界纠纷有了证据，成功的机会就更大。纠纷一旦化解，借题投诉就停了，数量开始回落。把诉求交给了解当事人的人，做到了快速派单做不到的事。',
    ),
    explainIf: [{ test: 'each', fig: 2, skip: 1, min: 1 }],
  },
  {
    id: 'village-hall',
    title: b("The village hall and Wulimiao's falling count", '村民议事厅与五里庙村的诉求数'),
    passage: b(
      'Other villagers sat in on the deliberations and gradually learned which requests can be solved and which are unreasonable and cannot be solved even by calling 12345. Sui Zhanliang gave the figures of recent years: in 2022 Wulimiao village had 50 requests to 12345; in 2023 they fell to 24; in 2024 to 5; in 2025 Wulimiao had almost none.',
      '其他村民旁听议事,渐渐分清哪些诉求能解决、哪些诉求不合理,即便打12345也无法解决。隋占良拿出了这几年的数据举例:2022年,五里庙村的12345诉求有50件;2023年降低为24件;2024年降到5件;2025年五里庙村几乎没有诉求。',
    ),
    setup: b(
      'Wulimiao: a village of 2,500. In July 2022 it opens a deliberation hall; elders deliberate, and villagers who watch learn which requests even 12345 cannot solve. The village secretary counted 50 requests in 2022, 24 in 2023, 5 in 2024 and almost none in 2025.',
      '五里庙村：约2500人。2022年7月开设村民议事厅；老人们议事，旁听的村民渐渐分清哪些诉求即便打12345也解决不了。村支书统计：2022年50件，2023年24件，2024年5件，2025年几乎没有。',
    ),
    preset: 'wulimiao-village',
    knobs: {},
    seed: 1,
    view: 'village',
    compare: false,
    predict: {
      question: b(
        "Will the model's village show the same fall in unreasonable requests and proxy complaints?",
        '模型里的村，不合理诉求和借题投诉也会这样下降吗？',
      ),
      options: [
        o(
          'Yes, roughly halving each year toward a few',
          '会，大约逐年减半，降到个位数',
          { test: 'trend', fig: 0, skip: 2, min: 0.15, max: 0.75, few: 10 },
          { test: 'each', fig: 0, skip: -1, max: 10 },
        ),
        o('No, the count stays the same', '不会，数量不变', { test: 'ratio', a: last(0), b: first(0), min: 0.84, max: 1.19 }),
        o('It drops to zero at once', '一下子降到零', { test: 'each', fig: 0, skip: 2, max: 0 }),
      ],
      answer: 0,
    },
    figures: [
      {
        label: b('unreasonable requests and proxy complaints to 12345, by year', '打到12345的不合理诉求和借题投诉（按年）'),
        metrics: ['filed_wish', 'filed_vent', 'filed_dispute', 'filed_contested'],
        byYear: true,
        format: 'int',
      },
      {
        label: b('matters brought to the hall, by year', '到议事厅反映的事项（按年）'),
        metrics: ['hall_cases'],
        byYear: true,
        format: 'int',
      },
    ],
    explain: b(
      "Matters go to the hall instead, and villagers who watch learn which requests the hall can settle and which even 12345 cannot solve, so the count falls year on year. Potholes and lost cats still go to 12345: the hall takes what is the village's to settle.",
      '事情改到议事厅反映，旁听的村民学会分辨哪些诉求议事厅能解决、哪些打12345也解决不了，数量于是逐年下降。坑洼和丢猫仍然打12345：议事厅接的是村里自己能解决的事。',
    ),
    explainIf: [{ test: 'each', fig: 1, skip: 2, min: 1 }],
    reference: {
      source: b("the village secretary's counts", '村支书的统计'),
      fig: 0,
      values: [
        { year: '2022', value: 50 },
        { year: '2023', value: 24 },
        { year: '2024', value: 5 },
        { year: '2025', value: 0, text: b('almost none', '几乎没有') },
      ],
    },
  },
  {
    id: 'ranking',
    title: b('Ranking pressure and the gaming it invites', '排名压力与造假'),
    passage: b(
      'Several social workers interviewed gave examples: some unit leaders paid residents to say they were satisfied; when a request could not be solved, grassroots workers had the resident raise another request and solved that one instead, so the resident would be satisfied; grassroots staff even \u201cstaged it themselves\u201d, filing simple requests, solving them quickly and reporting satisfaction.',
      '多位受访的社工举例,有单位领导花钱请居民说满意;解决不了这单诉求,为了让居民满意,基层工作者让居民再提出别的诉求并予以解决;基层工作人员甚至“自导自演”,自己上报简单的诉求并快速解决,说出满意。',
    ),
    setup: b(
      'A district of 460,000 whose streets are ranked every month; the bottom fifth is summoned and put under supervision. Leaders choose how much to game from their pressure and integrity: paid ratings, substitute requests, self-filed easy tickets. The dashed lines are the ordinary monthly ranking.',
      '一个46万人的区，街道每月排名；末位五分之一被约谈、挂牌督办。领导根据压力和操守决定造假多少：花钱买满意、让居民换个诉求、自己上报简单工单。虚线是普通的月度排名。',
    ),
    preset: 'baseline',
    knobs: { penaltySeverity: 3, penaltyBottomShare: 0.2, rankVisibility: 0.8, integrityMean: 0.45 },
    seed: 1,
    view: 'charts',
    compare: true,
    predict: {
      question: b(
        'Under hard ranking, how will reported satisfaction compare with how satisfied residents truly are?',
        '严厉排名之下，上报的满意度和居民真实的满意度相比会怎样？',
      ),
      options: [
        o('Reported is higher than true', '上报的高于真实的', { test: 'diff', a: one(0), b: one(1), min: 0.02 }),
        o('They are the same', '两者相同', { test: 'diff', a: one(0), b: one(1), min: -0.019, max: 0.019 }),
        o('Reported is lower than true', '上报的低于真实的', { test: 'diff', a: one(0), b: one(1), max: -0.02 }),
      ],
      answer: 0,
    },
    figures: [
      { label: b('official satisfaction', '官方满意度'), metrics: ['official_satisfaction'], over: ['tickets_rated'], format: 'pct' },
      { label: b('true satisfaction', '真实满意度'), metrics: ['true_satisfaction'], over: ['needs_met', 'needs_unmet'], format: 'pct' },
      {
        label: b('acts of gaming (paid, induced, fake)', '造假次数（买满意、诱导、自导自演）'),
        metrics: ['gaming_paid', 'gaming_induced', 'gaming_fake'],
        format: 'int',
      },
      {
        label: b('acts of gaming under ordinary ranking', '普通排名下的造假次数'),
        metrics: ['gaming_paid', 'gaming_induced', 'gaming_fake'],
        from: 'baseline',
        format: 'int',
      },
    ],
    explain: b(
      "Pressure times weak integrity buys satisfied ratings and fills the books with easy tickets: reported satisfaction rises above the true one, and staff hours go into gaming instead of long-term work. The score measures the gaming as much as the service (Goodhart's law).",
      '压力乘以薄弱的操守，换来了买来的满意和大量简单工单：上报满意度高于真实满意度，工时花在了造假而不是长远的工作上。分数衡量的既是服务，也是造假（古德哈特定律）。',
    ),
    explainIf: [{ test: 'ratio', a: one(2), b: one(3), min: 1.5 }],
  },
  {
    id: 'exclusion',
    title: b('Exclusion reports instead of filled potholes', '写剔除报告代替填坑'),
    passage: b(
      "Once the appeal-and-exclusion system existed, some streets stopped solving residents' requests and put their minds to filling in exclusion reports: \u201cYou can never exclude them all; people's problems still have to be truly solved. If there is a pothole to fix, people are only satisfied once it is filled.\u201d",
      '有了申诉-剔除的制度后,一些街道不给居民解决诉求,把心思放在填写剔除报告上,“靠剔除永远剔除不完,老百姓的问题还是要真正解决,比如有个坑要修,那只有把坑填平了,老百姓才满意。”',
    ),
    setup: b(
      'Under hard ranking, from 2022 streets may appeal to have a ticket excluded from their score; the city approves 80%. The dashed lines are the same district under the same ranking, without appeals.',
      '严厉排名之下，从2022年起街道可以申诉把工单从考核中剔除，市里通过80%。虚线是同样排名、但没有申诉制度的同一个区。',
    ),
    preset: 'ranking-pressure',
    knobs: { appealExclusion: true, appealStart: '2022-01-01', appealApprovalRate: 0.8 },
    seed: 1,
    view: 'charts',
    compare: true,
    predict: {
      question: b(
        'With exclusions, what happens to the share of requests that are truly solved?',
        '有了剔除制度，真正解决的诉求比例会怎样？',
      ),
      options: [
        o('It rises: staff have more time', '上升：基层有了更多时间', { test: 'diff', a: one(2), b: one(3), min: 0.005 }),
        o('It falls: effort goes into reports', '下降：精力花在写报告上', { test: 'diff', a: one(2), b: one(3), max: -0.005 }),
        o('No change', '没有变化', { test: 'diff', a: one(2), b: one(3), min: -0.004, max: 0.004 }),
      ],
      answer: 1,
    },
    figures: [
      { label: b('tickets excluded from scores', '从考核中剔除的工单'), metrics: ['tickets_excluded'], format: 'int' },
      { label: b('staff hours writing appeals', '写申诉材料的工时'), metrics: ['staff_hours_appeals'], format: 'int' },
      {
        label: b('requests truly solved', '真正解决的诉求比例'),
        metrics: ['resolution_rate'],
        over: ['needs_met', 'needs_unmet'],
        format: 'pct',
      },
      {
        label: b('requests truly solved without appeals', '没有申诉制度时真正解决的比例'),
        metrics: ['resolution_rate'],
        over: ['needs_met', 'needs_unmet'],
        from: 'baseline',
        format: 'pct',
      },
      {
        label: b('residents truly satisfied', '居民真实满意度'),
        metrics: ['true_satisfaction'],
        over: ['needs_met', 'needs_unmet'],
        format: 'pct',
      },
      {
        label: b('residents truly satisfied without appeals', '没有申诉制度时居民真实满意度'),
        metrics: ['true_satisfaction'],
        over: ['needs_met', 'needs_unmet'],
        from: 'baseline',
        format: 'pct',
      },
    ],
    explain: b(
      'Tickets leave the score without being solved, and staff hours go into writing the appeals instead of the work. Fewer requests are truly solved and fewer residents are truly satisfied. "You can never exclude them all; a pothole must be filled."',
      '工单没有解决就离开了考核，工时花在写申诉上而不是办事上。真正解决的诉求少了，真正满意的居民少了。“靠剔除永远剔除不完，有个坑要修，只有把坑填平了，老百姓才满意。”',
    ),
    explainIf: [
      { test: 'each', fig: 0, min: 1 },
      { test: 'diff', a: one(4), b: one(5), max: -0.005 },
    ],
  },
  {
    id: 'relaxed',
    title: b('The 2026 relaxation', '2026年的松绑'),
    passage: b(
      'A grassroots worker in Beijing who handles 12345 requests said that work in 2026 was much easier than in 2024 and 2025. First, village deliberation and other forms of self-government were added and solved many unreasonable requests; second, assessment pressure eased: the district-level assessment was abolished, and requests no longer went only to communities and streets, more went to functional departments.',
      '北京一位处理12345热线诉求的基层工作人员说,相比2024年、2025年,2026年的工作轻松许多。一是增加了村民议事等基层自治的方式,解决许多不合理诉求;二是考核压力减小了,取消了区级考核,且诉求不只派给社区、街道,派给职能部门的诉求变多。',
    ),
    setup: b(
      'The same district, assessed the 2026 way: every two months, in grade bands instead of ranks, no district-level layer, half the dispatchable tickets sent to departments, and village deliberation in place. The dashed lines are the ordinary monthly ranking.',
      '同一个区，按2026年的方式考核：双月考核，分档不排名，取消区级考核，一半可派工单派给职能部门，村民议事已经开展。虚线是普通的月度排名。',
    ),
    preset: 'baseline',
    knobs: {
      cadence: 'bimonthly',
      rankingMode: 'grades',
      districtLayer: false,
      deptShare: 0.5,
      handDown: true,
      handDownStart: '2021-01-01',
      hallStart: '2021-01-01',
    },
    seed: 1,
    view: 'charts',
    compare: true,
    predict: {
      question: b('Once assessment is relaxed, what happens to gaming?', '考核松绑后，造假会怎样？'),
      options: [
        o('It falls sharply', '大幅减少', { test: 'ratio', a: one(0), b: one(1), max: 0.5 }),
        o('It stays the same', '不变', { test: 'ratio', a: one(0), b: one(1), min: 0.84, max: 1.19 }),
        o('It grows: nobody is watching', '增加：没人盯着了', { test: 'ratio', a: one(0), b: one(1), min: 1.2 }),
      ],
      answer: 0,
    },
    figures: [
      { label: b('acts of gaming, relaxed', '松绑后的造假次数'), metrics: ['gaming_paid', 'gaming_induced', 'gaming_fake'], format: 'int' },
      {
        label: b('acts of gaming, monthly ranking', '月度排名下的造假次数'),
        metrics: ['gaming_paid', 'gaming_induced', 'gaming_fake'],
        from: 'baseline',
        format: 'int',
      },
      {
        label: b('requests truly solved, relaxed', '松绑后真正解决的诉求比例'),
        metrics: ['resolution_rate'],
        over: ['needs_met', 'needs_unmet'],
        format: 'pct',
      },
      {
        label: b('requests truly solved, monthly ranking', '月度排名下真正解决的诉求比例'),
        metrics: ['resolution_rate'],
        over: ['needs_met', 'needs_unmet'],
        from: 'baseline',
        format: 'pct',
      },
    ],
    explain: b(
      'Grade bands hide a unit’s place within its band and the district layer is gone, so only the poor band still feels pressure and leaders game far less; councils settle what the village can, and departments take their own work. When pressure eases, responsiveness drifts back toward what leaders keep by themselves: that is the open question the article ends on, the balance between supervising laziness and filtering unreasonable requests.',
      '分档让单位在档内的位置不再公开，区级考核也取消了，只有“较差”一档还有压力，领导造假大大减少；议事会解决村里能解决的，职能部门承担自己的工作。压力减小后，响应度会回落到领导自身能保持的水平：这正是文章留下的问题——在监督基层惰性和过滤无理诉求之间寻找平衡。',
    ),
    explainIf: [{ test: 'diff', a: one(2), b: one(3), max: -0.005 }],
  },
  {
    id: 'bigger-things',
    title: b('"Let 12345 handle bigger things"', '“让12345处理一些更大的事”'),
    passage: b(
      '\u201cLet 12345 handle bigger things,\u201d he hopes. Chen Feng recalled that the old slogan \u201ccall 110 for anything\u201d once overwhelmed the police, until they began explaining what 110 is for; he believes 12345 will take a similar path.',
      '“让12345处理一些更大的事。”他期待。陈锋回忆,以前有“有事找110”的口号,一度让公安系统不堪重负,后来才开始宣传什么事该找110,他认为,12345也将走相似的路。',
    ),
    setup: b(
      'Everything together from 2022: village councils and halls, social workers adding residents on WeChat, and a campaign about what 12345 is for. The dashed lines are the zero-threshold hotline alone.',
      '2022年起多管齐下：村议事团和议事厅、社工加居民微信、宣传12345是做什么的。虚线是只有零门槛热线的情形。',
    ),
    preset: 'baseline',
    knobs: {
      handDown: true,
      handDownStart: '2022-01-01',
      hallStart: '2022-01-01',
      outreachHoursPerWeek: 10,
      outreachStart: '2022-01-01',
      educationCampaign: true,
    },
    seed: 1,
    view: 'charts',
    compare: true,
    predict: {
      question: b(
        "What happens to the hotline's load, and to the staff hours left for long-term work?",
        '热线的工作量，以及留给长远工作的工时，会怎样？',
      ),
      options: [
        o(
          'Load falls and long-term work grows',
          '工作量下降，长远工作增加',
          { test: 'ratio', a: last(0), b: last(1), max: 0.95 },
          { test: 'ratio', a: last(3), b: last(4), min: 1.05 },
        ),
        o(
          'Both stay the same',
          '都不变',
          { test: 'ratio', a: last(0), b: last(1), min: 0.951, max: 1.049 },
          { test: 'ratio', a: last(3), b: last(4), min: 0.951, max: 1.049 },
        ),
        o('Load rises: more channels, more requests', '工作量上升：渠道多了，诉求也多了', {
          test: 'ratio',
          a: last(0),
          b: last(1),
          min: 1.05,
        }),
      ],
      answer: 0,
    },
    figures: [
      { label: b('12345 contacts, by year', '12345来电（按年）'), metrics: ['tickets_filed'], byYear: true, format: 'int' },
      {
        label: b('the same, hotline alone', '只有热线时的12345来电'),
        metrics: ['tickets_filed'],
        byYear: true,
        from: 'baseline',
        format: 'int',
      },
      { label: b('unreasonable requests, by year', '不合理诉求（按年）'), metrics: ['unreasonable_filed'], byYear: true, format: 'int' },
      {
        label: b('staff hours for long-term work, by year', '长远工作的工时（按年）'),
        metrics: ['staff_hours_longterm'],
        byYear: true,
        format: 'int',
      },
      {
        label: b('the same, hotline alone', '只有热线时的长远工作工时'),
        metrics: ['staff_hours_longterm'],
        byYear: true,
        from: 'baseline',
        format: 'int',
      },
    ],
    explain: b(
      "Small matters find closer channels, unreasonable ones fade as people learn, and the hours freed go into the long-term work that prevents problems. That is the article's hope: a hotline for bigger things. Now the sandbox is yours: change any knob, compare, and share the link.",
      '小事找到了更近的渠道，不合理诉求随着大家了解而减少，腾出的工时用于预防问题的长远工作。这正是文章的期待：让12345处理更大的事。现在进入自由模式：改变任何参数，对比，分享链接。',
    ),
    explainIf: [{ test: 'ratio', a: last(2), b: first(2), max: 0.83 }],
  },
];

/** Step n (1-based), or undefined. */
export function storyStep(n: number): StoryStep | undefined {
  return Number.isInteger(n) && n >= 1 && n <= STORY.length ? STORY[n - 1] : undefined;
}

/** The link query of step n: the story parameters and the step's scenario. */
export function storyQuery(
  n: number,
  lang?: 'en' | 'zh',
  toQuery?: (x: { preset: string; knobs: Partial<Knobs>; seed: number; lang?: 'en' | 'zh' }) => string,
): string {
  const s = storyStep(n);
  if (!s) return '';
  const base = toQuery ? toQuery({ preset: s.preset, knobs: s.knobs, seed: s.seed, lang }) : `?preset=${s.preset}&seed=${s.seed}`;
  let q = `${base}&story=${STORY_ID}&step=${n}`;
  if (s.view !== 'charts') q += `&view=${s.view}`;
  if (s.compare) q += '&compare=1';
  return q;
}

export interface FigureValue {
  /** One value, or one per calendar year (label = the year). */
  values: { label: string; value: number }[];
}

/** A step's figure from a run's daily series (first `day` days valid, dated from `startDate`). */
export function storyFigure(
  f: StoryFigure,
  run: { startDate: string; day: number; daily: Record<string, ArrayLike<number>> },
): FigureValue {
  const year0 = Number(run.startDate.slice(0, 4));
  const start = Date.UTC(year0, Number(run.startDate.slice(5, 7)) - 1, Number(run.startDate.slice(8, 10)));
  const yearOf = (d: number) => new Date(start + d * 86400000).getUTCFullYear();
  const sums = new Map<string, { num: number; den: number }>();
  for (let d = 0; d < run.day; d++) {
    const key = f.byYear ? String(yearOf(d)) : '';
    let e = sums.get(key);
    if (!e) {
      e = { num: 0, den: 0 };
      sums.set(key, e);
    }
    if (f.over) {
      let w = 0;
      for (const m of f.over) w += run.daily[m]?.[d] ?? 0;
      for (const m of f.metrics) e.num += (run.daily[m]?.[d] ?? 0) * w;
      e.den += w;
    } else {
      for (const m of f.metrics) e.num += run.daily[m]?.[d] ?? 0;
    }
  }
  return {
    values: [...sums.entries()].map(([label, e]) => ({ label, value: f.over ? (e.den > 0 ? e.num / e.den : 0) : e.num })),
  };
}

/** A run as the story reads it: its start date, days done, daily series. */
export interface StoryRun {
  startDate: string;
  day: number;
  daily: Record<string, ArrayLike<number>>;
}

/** A value as the story shows it (counts whole, rates to a tenth of a point): the tests read these, not more digits than the class sees. */
export function shownValue(v: number, format: StoryFigure['format']): number {
  if (!Number.isFinite(v)) return v;
  return format === 'pct' ? Math.round(v * 1000) / 1000 : Math.round(v);
}

/** The step's figures as shown, from the run and the compare run; a figure whose run is missing has no values. */
export function stepFigures(step: StoryStep, main: StoryRun | null, baseline: StoryRun | null): FigureValue[] {
  return step.figures.map((f) => {
    const src = f.from === 'baseline' ? baseline : main;
    if (!src) return { values: [] };
    return { values: storyFigure(f, src).values.map((x) => ({ label: x.label, value: shownValue(x.value, f.format) })) };
  });
}

/** What a test read off the figures and whether it holds (null: a value it reads is not on screen). */
export interface TestResult {
  test: Test;
  holds: boolean | null;
  /** The values read, in order (years labelled): for `trend` the year before the first one tested too. */
  read: { label: string; value: number }[];
  /** `trend`: each year over the one before; `ratio`: a / b; `diff`: a - b. */
  results: number[];
}

const within = (x: number, t: { min?: number; max?: number }): boolean =>
  !Number.isNaN(x) && (t.min === undefined || x >= t.min) && (t.max === undefined || x <= t.max);

/** a / b, with 0 / 0 read as equal (1). */
const ratioOf = (a: number, b: number): number =>
  b === 0 ? (a === 0 ? 1 : a > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY) : a / b;

function valueAt(figs: readonly FigureValue[], at: At): { label: string; value: number } | undefined {
  const v = figs[at.fig]?.values ?? [];
  const i = at.year === undefined ? 0 : at.year < 0 ? v.length + at.year : at.year;
  return v[i];
}

/** Check one test against the figures as shown. */
export function checkTest(test: Test, figs: readonly FigureValue[]): TestResult {
  if (test.test === 'ratio' || test.test === 'diff') {
    const a = valueAt(figs, test.a);
    const b = valueAt(figs, test.b);
    if (!a || !b) return { test, holds: null, read: [a, b].filter((x) => x !== undefined), results: [] };
    const r = test.test === 'ratio' ? ratioOf(a.value, b.value) : a.value - b.value;
    // differences of shown rates, to the tenth of a point shown
    const x = test.test === 'diff' ? Math.round(r * 1000) / 1000 : r;
    return { test, holds: within(x, test), read: [a, b], results: [x] };
  }
  const all = figs[test.fig]?.values ?? [];
  const skip = test.skip ?? 0;
  if (test.test === 'each') {
    const read = skip < 0 ? all.slice(skip) : all.slice(skip);
    if (read.length === 0) return { test, holds: null, read, results: [] };
    return { test, holds: read.every((v) => within(v.value, test)), read, results: [] };
  }
  const from = Math.max(1, skip);
  const read = all.slice(from - 1);
  if (read.length < 2) return { test, holds: null, read, results: [] };
  const results = read.slice(1).map((v, i) => ratioOf(v.value, read[i].value));
  const holds = read.slice(1).every((v, i) => within(results[i], test) || (test.few !== undefined && v.value <= test.few));
  return { test, holds, read, results };
}

/** What the figures on screen say about a step: which answers they bear out, and whether its explanation applies. */
export interface Judgement {
  /** Per option: its tests and whether all hold (null: some value is missing, false wins over null). */
  outcomes: { holds: boolean | null; results: TestResult[] }[];
  /** The options the figures bear out. */
  shown: number[];
  /** The step's answer (the article's account) holds and so do the explanation's own tests. */
  explains: boolean;
  explainResults: TestResult[];
}

const allHold = (rs: readonly TestResult[]): boolean | null =>
  rs.some((r) => r.holds === false) ? false : rs.some((r) => r.holds === null) ? null : true;

/** Judge a step on the figures as shown. */
export function judgeStep(step: StoryStep, figs: readonly FigureValue[]): Judgement {
  const outcomes = step.predict.options.map((opt) => {
    const results = opt.claim.map((t) => checkTest(t, figs));
    return { holds: allHold(results), results };
  });
  const shown = outcomes.flatMap((x, i) => (x.holds === true ? [i] : []));
  const explainResults = (step.explainIf ?? []).map((t) => checkTest(t, figs));
  return { outcomes, shown, explains: shown.includes(step.predict.answer) && allHold(explainResults) === true, explainResults };
}

/** The secretary's count set against the model's for each year, and how they relate. */
export interface ReferenceRow {
  year: string;
  reference: number;
  text?: Bilingual;
  /** The model's figure for that year, if the run has it. */
  model?: number;
  /** 'close': within 5 or 30% of the reference. */
  relation?: 'close' | 'higher' | 'lower';
}

/** How near counts must be to be called close: within this many... */
export const CLOSE_ABS = 5;
/** ...or this share of the reference. */
export const CLOSE_REL = 0.3;

export function compareReference(ref: Reference, figs: readonly FigureValue[]): ReferenceRow[] {
  const fig = figs[ref.fig]?.values ?? [];
  return ref.values.map((r) => {
    const m = fig.find((v) => v.label === r.year);
    if (!m) return { year: r.year, reference: r.value, text: r.text };
    const d = m.value - r.value;
    const relation = Math.abs(d) <= Math.max(CLOSE_ABS, CLOSE_REL * r.value) ? 'close' : d > 0 ? 'higher' : 'lower';
    return { year: r.year, reference: r.value, text: r.text, model: m.value, relation };
  });
}

/** The scenario a step runs: its preset's knobs with the step's own, the preset's timeline as it runs on them. */
export function stepScenario(step: StoryStep): { preset: string; knobs: Knobs; seed: number; timeline: TimelineChange[] } {
  const knobs = { ...presetKnobs(step.preset), ...step.knobs } as Knobs;
  const timeline = checkTimeline(presetTimeline(step.preset), knobs, { lenient: true }).timeline as TimelineChange[];
  return { preset: step.preset, knobs, seed: step.seed, timeline };
}

/** One way a run differs from its step's scenario: a knob (schema name), or 'preset', 'seed', 'timeline'. */
export interface ScenarioChange {
  name: string;
  step: KnobValue;
  run: KnobValue;
}

/** How the run on screen differs from the step's scenario (knobs in schema order), or [] when it is the step's. */
export function scenarioChanges(
  step: StoryStep,
  run: { preset: string; knobs: Knobs; seed: number; timeline?: readonly KnobChange[] },
): ScenarioChange[] {
  const own = stepScenario(step);
  const out: ScenarioChange[] = [];
  if (run.preset !== own.preset) out.push({ name: 'preset', step: own.preset, run: run.preset });
  if (run.seed !== own.seed) out.push({ name: 'seed', step: own.seed, run: run.seed });
  const a = own.knobs as unknown as Record<string, KnobValue>;
  const r = run.knobs as unknown as Record<string, KnobValue>;
  for (const k of KNOBS) if (r[k.name] !== a[k.name]) out.push({ name: k.name, step: a[k.name], run: r[k.name] });
  if (run.timeline && !sameTimeline(run.timeline as TimelineChange[], own.timeline)) {
    out.push({ name: 'timeline', step: own.timeline.length, run: run.timeline.length });
  }
  return out;
}

/**
 * A story link opens its step's scenario: when a link names a story step but no `preset=`, the
 * step's preset, seed, knobs, view and compare are filled in under what the link gives itself
 * (a hand-typed `?story=article&step=4&lang=zh` opens the village, not the default district).
 * Any other link is returned as it is.
 */
export function storyLink(href: string): string {
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const q = beforeHash.indexOf('?');
  if (q < 0) return href;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(beforeHash.slice(q + 1));
  } catch {
    return href;
  }
  const n = Number(params.get('step') ?? '1');
  const step = params.get('story') === STORY_ID ? storyStep(n) : undefined;
  if (!step || params.has('preset')) return href;
  const filled = new URLSearchParams();
  filled.set('preset', step.preset);
  if (!params.has('seed')) filled.set('seed', String(step.seed));
  for (const [k, v] of Object.entries(step.knobs)) if (!params.has(k)) filled.set(k, formatKnobValue(v as KnobValue));
  if (!params.has('view') && step.view !== 'charts') filled.set('view', step.view);
  if (!params.has('compare') && step.compare) filled.set('compare', '1');
  for (const [k, v] of params) filled.append(k, v);
  return `${beforeHash.slice(0, q)}?${filled.toString()}${hashAt >= 0 ? href.slice(hashAt) : ''}`;
}
