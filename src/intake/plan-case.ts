/**
 * What opening a case for one message means, worked out before anything is
 * written: classification and routing, the deadline and its timers, an answer
 * from the knowledge base, and the texts of the receipt, the liaison's notice
 * and the urgent alert (with `{caseNo}` for the number drawn when it opens).
 * Pure, no I/O.
 */
import type { Logger } from 'pino';
import type { InboundMessage } from '../core/message.js';
import { maskedSender } from '../core/contact-address.js';
import type { CatalogSnapshot } from '../catalog/catalog.js';
import type { BusinessCalendar } from '../catalog/calendar.js';
import { zoneLabel } from '../catalog/zone-tree.js';
import type { TextClassifier } from '../router/classifier.js';
import { route } from '../router/route.js';
import { knowledgeAnswer, localDate } from '../knowledge/on-the-spot.js';
import { planDeadline, type PlannedTimer, type SupervisionPolicy } from '../supervision/deadlines.js';
import { renderNotice } from '../outbox/liaison-notice.js';
import type { CaseToOpen } from './open-cases.js';
import { renderReceipt } from './receipt.js';
import { renderUrgentAlert } from './urgent-alert.js';

export interface PlanContext {
  catalog: CatalogSnapshot;
  calendar: BusinessCalendar;
  classifier: TextClassifier;
  policy: SupervisionPolicy;
  triageZoneCode: string;
  timeZone: string;
  supervisoryZoneCode?: string;
  knowledgeMinScore: number;
  /** How long an answer from the knowledge base waits for the resident's 1 or 2. */
  knowledgeConfirmHours: number;
  log?: Logger;
}

export interface CasePlan {
  case: CaseToOpen;
  /** The receipt's text; null when none is sent (an automatic mail). */
  receipt: string | null;
  /** The new-case notice to the liaison's chats; null when the case needs no one (answered on the spot). */
  notice: string | null;
  /** The text to every liaison up the zone tree, for immediate danger. */
  alert: string | null;
  /** The deadline's watch when the case waits for a person; the wait for the resident's word on a knowledge answer. */
  timers: PlannedTimer[];
}

export function planCase(
  message: InboundMessage,
  ids: { messageId: number; reservedCaseNo: string | null; contactId: number | null; knownZoneId: number | null },
  c: PlanContext,
): CasePlan {
  const { catalog, timeZone } = c;
  const now = new Date();
  const decision = route(message, catalog, c.classifier, c.triageZoneCode, {
    knownZoneId: ids.knownZoneId,
    inOfficeHours: c.calendar.isOpen(now),
    onRuleError: (ruleId, err) => c.log?.warn({ ruleId, err: err.message }, 'routing rule failed; skipped'),
    supervisoryZoneCode: c.supervisoryZoneCode,
  });
  const { deadline, timers } = planDeadline(c.calendar, c.policy, now, decision.deadlineHours, decision.urgent);
  const known = knowledgeAnswer(decision, message.text, catalog, {
    today: localDate(now, timeZone),
    minScore: c.knowledgeMinScore,
    automatic: !!message.automatic,
  });
  const fromKnowledge = known?.evidence.answered ? known : null;
  const answered = decision.answer !== null;
  const zoneName = zoneLabel(decision.zone, catalog);
  // Machines (auto-replies, list mail) are never answered automatically.
  const receiptWithheld = message.automatic ? `automatic mail: ${message.automatic}` : null;
  // Cases answered on the spot need no one, unless the resident asks for a person (src/intake/knowledge-reply.ts).
  const waitsForPerson = !answered && !fromKnowledge;
  return {
    case: {
      messageId: ids.messageId,
      reservedCaseNo: ids.reservedCaseNo,
      category: decision.category.code,
      zoneId: decision.zone.id,
      liaisonId: decision.liaisonId,
      contactId: ids.contactId,
      deadlineAt: deadline,
      origin: message.channel,
      replyChannel: message.replyTo.channel,
      replyAddress: message.replyTo.address ?? null,
      routing: known ? { ...decision.evidence, knowledge: known.evidence } : decision.evidence,
      urgent: decision.urgent,
      needsTriage: decision.classification.triage,
      kind: decision.classification.kind,
      confidential: decision.confidential,
      answered,
      knowledge: fromKnowledge ? { entryId: fromKnowledge.evidence.entryId, slug: fromKnowledge.evidence.slug, score: fromKnowledge.evidence.score } : null,
      receiptWithheld,
    },
    receipt: receiptWithheld
      ? null
      : renderReceipt({
          caseNo: '{caseNo}',
          categoryZh: decision.category.nameZh,
          categoryEn: decision.category.nameEn,
          zoneName,
          deadline,
          language: message.language,
          timeZone,
          call: decision.classification.call,
          answer: decision.answer,
          knowledgeAnswer: fromKnowledge && (message.language === 'en' ? fromKnowledge.answerEn : fromKnowledge.answerZh),
        }),
    notice: waitsForPerson
      ? renderNotice({
          reason: 'new',
          caseNo: '{caseNo}',
          categoryZh: decision.category.nameZh,
          zoneName,
          deadline,
          timeZone,
          text: message.text,
          from: maskedSender(message.sender.identities),
          urgent: decision.urgent,
        })
      : null,
    alert: decision.urgent
      ? renderUrgentAlert({ text: message.text, categoryZh: decision.category.nameZh, zoneName, sender: message.sender.identities })
      : null,
    timers: waitsForPerson
      ? timers
      : fromKnowledge
        ? [{ kind: 'knowledge_expiry', dueAt: new Date(now.getTime() + c.knowledgeConfirmHours * 3_600_000), detail: {} }]
        : [],
  };
}
