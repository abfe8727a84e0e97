import type { Config } from '../config';
import type { Insights } from '../feedback/Insights';
import type { I18n } from '../i18n/i18n';
import type { DangerDetector } from '../emergency/DangerDetector';
import type { EmergencyNumbers } from '../emergency/EmergencyNumbers';
import type { SearchIndex } from '../knowledge/SearchIndex';
import type { KnowledgeBase } from '../knowledge/types';
import type { TicketStore } from '../handoff/Ticket';
import type { UnansweredStore } from '../handoff/UnansweredStore';
import type { Logger } from '../log';
import type { Mailer } from '../mail/Mailer';
import type { Metrics } from '../metrics/Metrics';
import type { SubscriptionStore } from '../newsletter/SubscriptionStore';
import type { TemplateFollowUps } from '../updates/TemplateFollowUps';
import type { UpdateStore } from '../updates/UpdateStore';

/** What handlers and middleware may use; built once in `src/index.ts` (or a test). */
export interface BotServices {
  config: Readonly<Config>;
  kb: KnowledgeBase;
  index: SearchIndex;
  /** Recognises messages from people in danger (learnt from knowledge/{lang}/danger.yaml). */
  danger: DangerDetector;
  /** Emergency numbers by country (knowledge/emergency-numbers.yaml). */
  emergencyNumbers: EmergencyNumbers;
  i18n: I18n;
  logger: Logger;
  tickets: TicketStore;
  unanswered: UnansweredStore;
  /** Absent only in tests that do not need the newsletter. */
  subscriptions?: SubscriptionStore;
  /** Prometheus metrics (always collected; served at /metrics only when enabled). */
  metrics?: Metrics;
  /** Answer feedback, suggested alternates and usage counts; absent in tests that do not need them. */
  insights?: Insights;
  /** Present when SMTP_URL is set (double opt-in). */
  mailer?: Mailer;
  /** Updates to subscribers: what staff sent, and WhatsApp templates whose text follows a reply. */
  updates?: { store: UpdateStore; followUps: TemplateFollowUps };
}
