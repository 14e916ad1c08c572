import { type Measurement, median } from './measure.ts'

/** A scenario's medians next to the baseline's, measured in the same alternating rounds. */
export interface Pair {
  service: Measurement
  baseline: Measurement
  /**
   * Each round's runs, printed beside the medians: how far apart the rounds were shows how near
   * the bar a verdict stood, and which side moved when they disagree.
   */
  rounds: { service: Measurement; baseline: Measurement }[]
}

export interface Results {
  /**
   * `<dialect>/<scenario>`, e.g. `sqlite/create`; `large/…` are runs at the large size against
   * the baseline, `large-vs-empty/…` the large database against an empty one, side by side.
   */
  pairs: Map<string, Pair>
  /** Tickets per second of the bulk import that built the large database. */
  importPerSecond?: number
  largeTickets: number
}

export interface Verdict {
  measure: string
  target: string
  value: string
  met: boolean
}

/**
 * The pairs a target judges, by their name in `Results.pairs`: the runner gives these more
 * rounds than the others (`BENCH_JUDGED_ROUNDS`).
 */
export const judgedPairs = {
  create: 'sqlite/create',
  read: 'sqlite/GET by id',
  pgCreate: 'pg/create',
  largeCreate: 'large-vs-empty/create',
  largeRead: 'large-vs-empty/GET by id',
} as const

const judgedNames: ReadonlySet<string> = new Set(Object.values(judgedPairs))
export const isJudged = (name: string): boolean => judgedNames.has(name)

/** Requests a second of one run of the service over one run of the baseline. */
export const rateRatio = (service: Measurement, baseline: Measurement) =>
  service.perSecond / baseline.perSecond

/** Each round's own ratio, the two sides of one round divided. */
export const roundRatios = (pair: Pair) => pair.rounds.map((r) => rateRatio(r.service, r.baseline))

/**
 * For every judged pair measured, the median of its rounds' own ratios: the estimator that pairs
 * the two sides of one round. Printed beside the verdicts, which read the ratio of the two
 * sides' medians; it judges nothing. Where the two disagree, the machine's speed moved between
 * rounds.
 */
export function medianRoundRatios(results: Results): [name: string, ratio: number][] {
  return Object.values(judgedPairs).flatMap((name) => {
    const pair = results.pairs.get(name)
    return pair ? [[name, median(roundRatios(pair))] as [string, number]] : []
  })
}

const ratio = (pair: Pair | undefined) =>
  pair ? rateRatio(pair.service, pair.baseline) : Number.NaN
const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'not measured')
/** A ratio as printed: `0.209×`, or `not measured` (without a stray `×`). */
const times = (n: number, digits = 2) => (Number.isFinite(n) ? `${n.toFixed(digits)}×` : fixed(n))

/** The targets exactly as the fast-path work set them. A missed or unmeasured one fails the run. */
export function verdicts(results: Results): Verdict[] {
  const get = (key: string) => results.pairs.get(key)
  const create = get(judgedPairs.create)
  const read = get(judgedPairs.read)
  const peak = Math.max(
    ...[...results.pairs.values()].map((pair) => pair.service.peakRssMiB),
    Number.NEGATIVE_INFINITY
  )
  // Against the baseline's creates as the create's own target reads them (the create rounds'
  // baseline). The baseline racing the GET rounds inserts the same sample body, but minutes
  // later; its ratio is printed in the GET row and judges nothing.
  const readVsCreates = read && create ? rateRatio(read.service, create.baseline) : Number.NaN
  // The large database against the empty one, raced side by side (`large-vs-empty/…`).
  const largeCreate = ratio(get(judgedPairs.largeCreate))
  const largeRead = ratio(get(judgedPairs.largeRead))
  return [
    {
      measure: 'create throughput',
      target: '≥ 0.30× the raw baseline',
      value: times(ratio(create), 3),
      met: ratio(create) >= 0.3,
    },
    {
      measure: 'create p99',
      target: "≤ 3× the raw baseline's",
      value: create ? times(create.service.p99 / create.baseline.p99) : 'not measured',
      met: !!create && create.service.p99 <= 3 * create.baseline.p99,
    },
    {
      measure: 'GET by id throughput',
      target: "≥ 0.60× the baseline's creates/s",
      value: times(readVsCreates, 3),
      met: readVsCreates >= 0.6,
    },
    {
      measure: 'create on PostgreSQL',
      target: '≥ 0.12× the SQLite raw baseline',
      value: times(ratio(get(judgedPairs.pgCreate)), 3),
      met: ratio(get(judgedPairs.pgCreate)) >= 0.12,
    },
    {
      measure: 'server peak RSS under load',
      target: '≤ 200 MiB',
      value: Number.isFinite(peak) ? `${peak.toFixed(0)} MiB` : 'not measured',
      met: peak <= 200,
    },
    {
      measure: `create and GET at ${results.largeTickets.toLocaleString('en')} tickets`,
      target: 'within 15% of the empty database',
      value: `create ${times(largeCreate)}, GET ${times(largeRead)} the empty database`,
      met: results.largeTickets >= 1_000_000 && largeCreate >= 0.85 && largeRead >= 0.85,
    },
    {
      measure: 'bulk import',
      target: '≥ 20,000 tickets/s on SQLite',
      value:
        results.importPerSecond === undefined
          ? 'not measured'
          : `${results.importPerSecond.toFixed(0)} tickets/s`,
      met: (results.importPerSecond ?? 0) >= 20_000,
    },
  ]
}
