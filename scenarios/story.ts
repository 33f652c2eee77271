/**
 * Story mode's steps, as data: a guided classroom path through the article, one idea a step.
 * Each step names the scenario it runs (a preset plus knob changes, a seed, the view to show,
 * whether to compare with the preset unchanged), asks the class to predict, and says what to
 * read off the run afterwards. A step is a link: `?story=article&step=<n>&preset=...`.
 *
 * The figures a step reports are computed from the run's daily series by `storyFigure`, so the
 * explanation and the numbers on screen come from the same run.
 */
import type { Knobs } from '../sim/index.ts';
import type { Bilingual } from './presets.ts';

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

export interface StoryStep {
  /** Short id, for tests and anchors. */
  id: string;
  title: Bilingual;
  /** The article's words this step is about (Chinese), shown as a quote. */
  passage: string;
  /** What the class is about to see, before predicting. */
  setup: Bilingual;
  preset: string;
  knobs: Partial<Knobs>;
  seed: number;
  view: StoryView;
  /** Run the preset unchanged beside it (the app's compare mode). */
  compare: boolean;
  predict: { question: Bilingual; options: Bilingual[]; answer: number };
  figures: StoryFigure[];
  explain: Bilingual;
}

const b = (en: string, zh: string): Bilingual => ({ en, zh });

export const STORY: readonly StoryStep[] = [
  {
    id: 'speed-bump',
    title: b('The speed bump and the lights', '减速带与路灯'),
    passage:
      '有居民投诉厂区门口没有减速带,危险。但安装减速带后,另外的居民投诉,减速带影响骑摩托,危险。最后不得不拆除减速带。有居民投诉小区灯太暗,走路容易摔跤,调亮灯光后,另一个居民投诉,灯太亮,没有氛围。',
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
        b('Once or twice, then it settles', '一两次，然后就定下来了'),
        b('Dozens of times a year, with no end', '每年几十次，没完没了'),
        b('Never: the street refuses', '从不：街道会拒绝'),
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
      "Each answered complaint makes the other side unhappy, and they complain in turn: the good flips back and forth every year and the complaints never stop. Answering every ticket fast cannot settle what residents disagree about. Try it: turn on hand-down (下交群评) in the knobs and watch a council's consensus stop the flipping.",
      '每回应一次投诉，另一方就不满意，接着投诉：减速带和路灯每年来回改，投诉永远不停。快速回应每张工单，解决不了居民之间的分歧。试一试：在参数里打开“下交群评”，看议事会达成共识后是否不再来回改。',
    ),
  },
  {
    id: 'proxy',
    title: b('The complaint that keeps coming back', '换个理由再投诉'),
    passage:
      '有邻居吵架,故意打12345投诉对方扰民。即便基层政府帮忙解决了扰民的诉求,但核心矛盾在邻里纠纷,投诉人还会换另一个理由打12345继续投诉。',
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
        b('Falls, since each one is handled', '减少，因为每件都处理了'),
        b('Stays about the same', '大致不变'),
        b('Grows, as disputes pile up', '增加，因为纠纷越积越多'),
      ],
      answer: 2,
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
      'Closing the noise complaint leaves the dispute alive, so it returns under another pretext; new quarrels add to the old ones, and the complaints grow. "A group of people circles one unreasonable request." The hotline counts every one of them as work done.',
      '办结了扰民投诉，纠纷还在，于是换个理由再来；新的矛盾又叠加在旧的上面，投诉越来越多。“一群人绕着一个无理诉求打转。”而热线把每一件都算作办结的工作。',
    ),
  },
  {
    id: 'three-visits',
    title: b('The boundary dispute and the three visits', '宅基地纠纷与三次登门'),
    passage:
      '此行的目的是调解矛盾,但老人们第一次却没说动对方改变主意。老党员们不气馁,又叫上村子里和这4户人家熟悉的亲戚、朋友,组成调解队再次上门。老党员们的第三次登门,带上卷尺等工具,在众人的注视下,清晰划分了四邻的边界。',
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
        b('They fall back instead of growing', '不再增加，逐渐回落'),
        b('They keep growing, as in the last step', '像上一步一样继续增加'),
        b('They vanish at once', '立刻消失'),
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
      'The council settles disputes the hotline could only log: its visits succeed more often with each round, with people who know the families and, for a boundary, with evidence. Once a dispute is settled its proxy complaints stop, and the count falls back while in the last step it kept growing. Handing the request down to people who know the parties did what fast dispatch could not.',
      '议事团化解了热线只能登记的纠纷：每多一轮上门、有熟人参与、边界纠纷有了证据，成功的机会就更大。纠纷一旦化解，借题投诉就停了；上一步里不断增加的投诉开始回落。把诉求交给了解当事人的人，做到了快速派单做不到的事。',
    ),
  },
  {
    id: 'village-hall',
    title: b("The village hall and Wulimiao's falling count", '村民议事厅与五里庙村的诉求数'),
    passage:
      '其他村民旁听议事,渐渐分清哪些诉求能解决、哪些诉求不合理,即便打12345也无法解决。隋占良拿出了这几年的数据举例:2022年,五里庙村的12345诉求有50件;2023年降低为24件;2024年降到5件;2025年五里庙村几乎没有诉求。',
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
        b('Yes, roughly halving each year toward a few', '会，大约逐年减半，降到个位数'),
        b('No, the count stays the same', '不会，数量不变'),
        b('It drops to zero at once', '一下子降到零'),
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
      'The count falls year on year as the village learns, close to the secretary\'s figures for 2022 and 2023; it levels off at a few a year because new quarrels keep arising (the model does not reach "almost none", see docs/CALIBRATION.md). Potholes and lost cats still go to 12345: the hall takes what is the village\'s to settle.',
      '随着村民学会分辨，数量逐年下降，2022和2023年与村支书的数字接近；之后每年还剩几件，因为新的矛盾还在发生（模型达不到“几乎没有”，见 docs/CALIBRATION.md）。坑洼和丢猫仍然打12345：议事厅接的是村里自己能解决的事。',
    ),
  },
  {
    id: 'ranking',
    title: b('Ranking pressure and the gaming it invites', '排名压力与造假'),
    passage:
      '多位受访的社工举例,有单位领导花钱请居民说满意;解决不了这单诉求,为了让居民满意,基层工作者让居民再提出别的诉求并予以解决;基层工作人员甚至“自导自演”,自己上报简单的诉求并快速解决,说出满意。',
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
        b('Reported is higher than true', '上报的高于真实的'),
        b('They are the same', '两者相同'),
        b('Reported is lower than true', '上报的低于真实的'),
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
  },
  {
    id: 'exclusion',
    title: b('Exclusion reports instead of filled potholes', '写剔除报告代替填坑'),
    passage:
      '有了申诉-剔除的制度后,一些街道不给居民解决诉求,把心思放在填写剔除报告上,“靠剔除永远剔除不完,老百姓的问题还是要真正解决,比如有个坑要修,那只有把坑填平了,老百姓才满意。”',
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
        b('It rises: staff have more time', '上升：基层有了更多时间'),
        b('It falls: effort goes into reports', '下降：精力花在写报告上'),
        b('No change', '没有变化'),
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
      'Thousands of tickets leave the score without being solved, and thousands of hours go into writing the appeals. Fewer requests are truly solved and fewer residents are truly satisfied, while the score hardly suffers. "You can never exclude them all; a pothole must be filled."',
      '成千上万的工单没有解决就离开了考核，成千上万的工时花在写申诉上。真正解决的诉求少了，真正满意的居民少了，分数却几乎不受影响。“靠剔除永远剔除不完，有个坑要修，只有把坑填平了，老百姓才满意。”',
    ),
  },
  {
    id: 'relaxed',
    title: b('The 2026 relaxation', '2026年的松绑'),
    passage:
      '北京一位处理12345热线诉求的基层工作人员说,相比2024年、2025年,2026年的工作轻松许多。一是增加了村民议事等基层自治的方式,解决许多不合理诉求;二是考核压力减小了,取消了区级考核,且诉求不只派给社区、街道,派给职能部门的诉求变多。',
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
      options: [b('It falls sharply', '大幅减少'), b('It stays the same', '不变'), b('It grows: nobody is watching', '增加：没人盯着了')],
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
  },
  {
    id: 'bigger-things',
    title: b('"Let 12345 handle bigger things"', '“让12345处理一些更大的事”'),
    passage:
      '“让12345处理一些更大的事。”他期待。陈锋回忆,以前有“有事找110”的口号,一度让公安系统不堪重负,后来才开始宣传什么事该找110,他认为,12345也将走相似的路。',
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
        b('Load falls and long-term work grows', '工作量下降，长远工作增加'),
        b('Both stay the same', '都不变'),
        b('Load rises: more channels, more requests', '工作量上升：渠道多了，诉求也多了'),
      ],
      answer: 0,
    },
    figures: [
      { label: b('12345 contacts, by year', '12345来电（按年）'), metrics: ['tickets_filed'], byYear: true, format: 'int' },
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
