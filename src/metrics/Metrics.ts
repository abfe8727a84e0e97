import { Counter, Histogram, Registry } from 'prom-client';

/** The bot's Prometheus metrics, on a private registry (no process-global state). */
export class Metrics {
  readonly registry = new Registry();
  readonly turns = new Counter({ name: 'bot_turns_total', help: 'Activities processed', labelNames: ['channel', 'type'], registers: [this.registry] });
  readonly answers = new Counter({ name: 'bot_answers_total', help: 'Knowledge-base outcomes by confidence band and language', labelNames: ['outcome', 'band', 'lang'], registers: [this.registry] });
  readonly fallbacks = new Counter({ name: 'bot_fallbacks_total', help: 'Questions the bot could not answer', labelNames: ['lang'], registers: [this.registry] });
  readonly handoffs = new Counter({ name: 'bot_handoffs_total', help: 'Tickets opened for a person', labelNames: ['urgency'], registers: [this.registry] });
  readonly emergencies = new Counter({ name: 'bot_emergencies_total', help: 'Messages with danger signs', labelNames: ['kind', 'lang'], registers: [this.registry] });
  readonly safetyNets = new Counter({ name: 'bot_emergency_safety_nets_total', help: 'Messages with weak danger signs that got the emergency number beside their reply', labelNames: ['lang'], registers: [this.registry] });
  readonly feedback = new Counter({ name: 'bot_feedback_total', help: 'Votes on answers (👍 up, 👎 down)', labelNames: ['vote', 'lang'], registers: [this.registry] });
  readonly errors = new Counter({ name: 'bot_turn_errors_total', help: 'Turns that failed', registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'bot_turn_duration_seconds',
    help: 'Turn latency',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
}
