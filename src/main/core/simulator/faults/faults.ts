import { z } from 'zod';

import { seededRandom } from '../../random/seeded-random';

export type ProviderName = 'mor' | 'ringostat' | 'isales';

export const PROVIDER_NAMES: readonly ProviderName[] = ['mor', 'ringostat', 'isales'];

const share = z.number().min(0).max(1);

// Every bound keeps a misconfigured fault from hanging a test run: the longest an answer can
// take is latency plus MAX_SLOW_CHUNKS intervals.
const faultsSchema = z
  .object({
    /** Added before every answer. */
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** Share of requests answered 503 without being handled. */
    serverErrorShare: share.optional(),
    /** Share of requests answered 429 with Retry-After without being handled. */
    tooManyRequestsShare: share.optional(),
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    /** Share of requests whose socket is destroyed instead of answered. */
    resetShare: share.optional(),
    /**
     * before-handling: the request never took effect. after-handling: it did (the number is
     * stored) and only the answer is lost, the case a client must report as "unknown".
     */
    resetPoint: z.enum(['before-handling', 'after-handling']).optional(),
    /** The answer is written in pieces of chunkBytes, intervalMs apart. */
    slowBody: z
      .object({ chunkBytes: z.number().int().min(1).max(1024 * 1024), intervalMs: z.number().int().min(0).max(1000) })
      .strict()
      .optional(),
    seed: z.number().int().optional(),
    /** Which APIs the faults hit; all three when absent. */
    providers: z.array(z.enum(['mor', 'ringostat', 'isales'])).optional(),
  })
  .strict()
  .refine(
    (f) => (f.serverErrorShare ?? 0) + (f.tooManyRequestsShare ?? 0) + (f.resetShare ?? 0) <= 1 + 1e-9,
    'serverErrorShare + tooManyRequestsShare + resetShare must not exceed 1',
  );

export type Faults = z.input<typeof faultsSchema>;

export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'server-error' }
  | { readonly kind: 'too-many-requests'; readonly retryAfterSeconds: number }
  | { readonly kind: 'reset'; readonly point: 'before-handling' | 'after-handling' };

export interface SlowBody {
  readonly chunkBytes: number;
  readonly intervalMs: number;
}

/** A slow answer never takes more pieces than this, however small chunkBytes is. */
export const MAX_SLOW_CHUNKS = 200;

export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Throws a RangeError naming what is out of range; values are numbers, so nothing secret. */
export function parseFaults(input: unknown): Faults {
  const parsed = faultsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'faults'}: ${issue.message}`).join('; ');
  throw new RangeError(`Invalid simulator faults: ${detail}`);
}

const NONE: FaultDecision = { kind: 'none' };

/**
 * The faults in force and the random sequence that picks which request gets one. Each request
 * in scope draws exactly one number, so for a given seed the n-th request always meets the
 * same fate, whatever the shares.
 */
export class FaultPlan {
  private faults: Faults = {};
  private random: () => number = seededRandom(0);

  constructor(faults: Faults = {}) {
    this.set(faults);
  }

  /** Replaces every fault setting and restarts the sequence from the seed (0 when absent). */
  set(input: Faults): void {
    this.faults = parseFaults(input);
    this.random = seededRandom(this.faults.seed ?? 0);
  }

  get current(): Faults {
    return this.faults;
  }

  private inScope(provider: ProviderName): boolean {
    return this.faults.providers === undefined || this.faults.providers.includes(provider);
  }

  decide(provider: ProviderName): FaultDecision {
    if (!this.inScope(provider)) return NONE;
    const roll = this.random();
    const reset = this.faults.resetShare ?? 0;
    const serverError = this.faults.serverErrorShare ?? 0;
    const tooMany = this.faults.tooManyRequestsShare ?? 0;
    if (roll < reset) return { kind: 'reset', point: this.faults.resetPoint ?? 'before-handling' };
    if (roll < reset + serverError) return { kind: 'server-error' };
    if (roll < reset + serverError + tooMany) {
      return { kind: 'too-many-requests', retryAfterSeconds: this.faults.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS };
    }
    return NONE;
  }

  latencyMs(provider: ProviderName): number {
    return this.inScope(provider) ? (this.faults.latencyMs ?? 0) : 0;
  }

  slowBody(provider: ProviderName): SlowBody | undefined {
    return this.inScope(provider) ? this.faults.slowBody : undefined;
  }
}
