/**
 * Prometheus metrics (prom-client): interactions by kind, command and
 * outcome, the answer latency, replies refused by the rate limit, and the
 * process's own metrics (CPU, memory, event-loop lag, handles). One registry
 * per process, served at GET /metrics.
 */
import client from 'prom-client';
import type { Outcome } from '../bot/router.ts';

/** Latency buckets in seconds: answers take about a millisecond; Discord's deadline is 3 s. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The bot's metrics. */
export interface Metrics {
  /** Records what became of one interaction (give it to the router as `observe`). */
  observe(outcome: Outcome): void;
  /** Records an interaction the router never saw: a PING, or a malformed or unsupported one. */
  other(kind: 'ping' | 'component' | 'invalid'): void;
  /** The Prometheus text exposition. */
  render(): Promise<string>;
  /** Its content type. */
  readonly contentType: string;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const interactions = new client.Counter({
    name: 'citebot_interactions_total',
    help: 'Interactions handled, by kind (command, autocomplete, ping, component, invalid), command and outcome.',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'citebot_answer_duration_seconds',
    help: 'Time from receiving a command to its reply being handed over, in seconds.',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const rateLimited = new client.Counter({
    name: 'citebot_rate_limited_replies_total',
    help: 'Commands refused because their user went over the rate limit.',
    registers: [registry],
  });
  return {
    observe({ kind, command, outcome, ms }) {
      const name = command ?? '(unknown)';
      interactions.inc({ kind, command: name, outcome });
      if (kind === 'command' && outcome !== 'unknown-command') latency.observe({ command: name }, ms / 1000);
      if (outcome === 'rate-limited') rateLimited.inc();
    },
    other(kind) {
      interactions.inc({ kind, command: '', outcome: kind === 'invalid' ? 'refused' : 'answered' });
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
