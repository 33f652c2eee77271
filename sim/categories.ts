/**
 * Categories of contacts (a documented extension, see docs/CALIBRATION.md): the model's needs
 * come in kinds (consultation, defect, individual matter, ...), while the hotline's published
 * statistics count contacts by subject category (market management, public services,
 * housing...). Each contact the hotline takes is given a category drawn from P(category | kind),
 * an assumed table below, so that the category mix follows the kind mix the model produces.
 *
 * The draw uses its own stream ('categories'), so adding it leaves every other draw as it was.
 * Fake and induced tickets (gaming) are not categorised: they never pass through intake.
 */
import { AliasTable } from './rng.ts';
import type { Stream } from './rng.ts';

export interface Category {
  readonly id: string;
  readonly en: string;
  readonly zh: string;
}

/** Subject categories, after the headings of Beijing 12345's annual reports. */
export const CATEGORIES: readonly Category[] = [
  { id: 'market', en: 'market management', zh: '市场管理' },
  { id: 'public-services', en: 'public services', zh: '公共服务' },
  { id: 'housing', en: 'housing', zh: '住房' },
  { id: 'urban-construction', en: 'urban construction', zh: '城乡建设' },
  { id: 'traffic', en: 'traffic management', zh: '交通管理' },
  { id: 'labour', en: 'labour and social security', zh: '劳动和社会保障' },
  { id: 'property', en: 'property management', zh: '物业管理' },
  { id: 'sanitation', en: 'city appearance and sanitation', zh: '市容环卫' },
  { id: 'utilities', en: 'water, power, gas and heating', zh: '水电气热' },
  { id: 'health', en: 'health', zh: '卫生健康' },
  { id: 'education', en: 'education', zh: '教育' },
  { id: 'environment', en: 'environmental protection', zh: '环境保护' },
  { id: 'public-security', en: 'public security', zh: '公共安全' },
  { id: 'civil-affairs', en: 'civil affairs', zh: '民政' },
  { id: 'rural', en: 'rural affairs', zh: '农村管理' },
  { id: 'household-registration', en: 'household registration', zh: '户籍管理' },
  { id: 'tax', en: 'tax and finance', zh: '财税' },
  { id: 'culture-tourism', en: 'culture and tourism', zh: '文化旅游' },
  { id: 'enforcement', en: 'urban management enforcement', zh: '城管执法' },
  { id: 'neighbours', en: 'neighbour relations', zh: '邻里关系' },
  { id: 'pets', en: 'pets and animals', zh: '宠物与动物' },
  { id: 'telecom', en: 'telecoms and post', zh: '通信邮政' },
  { id: 'planning', en: 'planning and land', zh: '规划国土' },
  { id: 'transport-services', en: 'public transport', zh: '公共交通' },
  { id: 'elderly', en: 'elderly care', zh: '养老服务' },
  { id: 'epidemic', en: 'epidemic prevention', zh: '疫情防控' },
  { id: 'government-services', en: 'government services', zh: '政务服务' },
  { id: 'consumer', en: 'consumer rights', zh: '消费维权' },
  { id: 'other', en: 'other', zh: '其他' },
];

export const CATEGORY_COUNT = CATEGORIES.length;
const C = CATEGORY_COUNT;
const IDX = Object.fromEntries(CATEGORIES.map((c, i) => [c.id, i])) as Record<string, number>;

/** P(category | kind) as sparse weights, by kind [consult, defect, individual, wish, contested, dispute, vent, fake, induced]. */
const WEIGHTS: readonly Record<string, number>[] = [
  // consultations: questions about policies of every department
  {
    market: 8,
    'public-services': 7,
    housing: 6,
    labour: 9,
    health: 6,
    education: 6,
    'household-registration': 6,
    tax: 5,
    'civil-affairs': 4,
    traffic: 4,
    'transport-services': 4,
    'culture-tourism': 3,
    'government-services': 6,
    elderly: 3,
    epidemic: 4,
    telecom: 3,
    consumer: 4,
    planning: 2,
    utilities: 3,
    other: 3,
  },
  // public defects
  {
    'urban-construction': 22,
    sanitation: 18,
    traffic: 14,
    utilities: 12,
    environment: 9,
    rural: 8,
    enforcement: 8,
    'public-services': 5,
    'public-security': 4,
  },
  // individual matters (lost cat, lock, toilet, a shop that cheated)
  {
    market: 16,
    property: 15,
    housing: 9,
    utilities: 9,
    consumer: 11,
    pets: 6,
    'public-services': 6,
    labour: 7,
    'public-security': 5,
    health: 4,
    other: 6,
    elderly: 4,
    telecom: 2,
  },
  // out-of-scope wishes (exam re-run, adoption, tile prices, a spouse's salary)
  { education: 20, market: 20, tax: 15, 'civil-affairs': 15, labour: 10, other: 20 },
  // contested goods (speed bump, lights)
  { traffic: 45, 'urban-construction': 35, property: 20 },
  // proxy complaints (noise, parking, rubbish...)
  { environment: 30, enforcement: 20, neighbours: 20, traffic: 10, sanitation: 10, property: 10 },
  // venting
  { other: 60, 'government-services': 20, 'public-services': 20 },
  // fake and induced substitutes (easy, quick)
  { sanitation: 40, 'urban-construction': 30, 'public-services': 30 },
  { sanitation: 40, 'urban-construction': 30, 'public-services': 30 },
];

const TABLES = WEIGHTS.map((w) => {
  const dense = new Float64Array(C);
  for (const [id, v] of Object.entries(w)) dense[IDX[id]] = v;
  return new AliasTable(dense);
});

/** The hotline's count of contacts by subject category. */
export class Categories {
  /** Contacts per category since the start of the run (index = CATEGORIES index). */
  readonly counts = new Float64Array(CATEGORY_COUNT);
  private readonly rng: Stream;

  constructor(rng: Stream) {
    this.rng = rng;
  }

  /** Give one contact of this kind a category (from the 'categories' stream) and count it. */
  categorise(kind: number): number {
    const cat = TABLES[kind].sample(this.rng);
    this.counts[cat]++;
    return cat;
  }
}

/** Shares of the largest category and of the ten largest together. */
export function categoryConcentration(counts: ArrayLike<number>): { top: number; topTen: number; total: number } {
  const xs = Array.from(counts).sort((a, b) => b - a);
  const total = xs.reduce((a, b) => a + b, 0);
  if (total === 0) return { top: 0, topTen: 0, total };
  return { top: xs[0] / total, topTen: xs.slice(0, 10).reduce((a, b) => a + b, 0) / total, total };
}
