/**
 * What an admin's routing rule is, as stored and validated: conditions on a
 * message and what to do when they hold. Running them is the router's
 * (src/router/rules.ts).
 */
import { z } from 'zod';

/** A handling deadline (办理时限) in hours: from one hour to ninety days. */
export const DeadlineHours = z
  .number()
  .int()
  .min(1)
  .max(90 * 24);

export const RuleConditions = z
  .object({
    channels: z.array(z.string().min(1)).min(1).optional(),
    categories: z.array(z.string().min(1)).min(1).optional(),
    urgent: z.boolean().optional(),
    /** Any of these words in the text. */
    keywords: z.array(z.string().trim().min(1)).min(1).optional(),
    /** A regular expression on the text (RE2 syntax, case-insensitive; see rule-pattern.ts). */
    pattern: z.string().min(1).max(500).optional(),
    /** The zone the message was routed to, or any zone below it. */
    zoneCode: z.string().min(1).optional(),
    /** The sender's phone numbers or addresses. */
    senders: z.array(z.string().min(1)).min(1).optional(),
    /** true: only during office hours (OFFICE_HOURS, OFFICE_DAYS); false: only outside them. */
    officeHours: z.boolean().optional(),
  })
  .strict();
export type RuleConditions = z.infer<typeof RuleConditions>;

export const RuleAction = z
  .object({
    zoneCode: z.string().min(1).optional(),
    liaisonId: z.number().int().positive().optional(),
    deadlineHours: DeadlineHours.optional(),
    priority: z.enum(['normal', 'high']).optional(),
    tags: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional(),
    /** Multi-department cases go to the joint meeting (联席会议). */
    jointMeeting: z.boolean().optional(),
    /** 现场答疑: answer at once with this text and close the case, unless the resident writes again. */
    answer: z.string().trim().min(1).max(300).optional(),
  })
  .strict()
  .refine((a) => Object.keys(a).length > 0, 'a rule must do something');
export type RuleAction = z.infer<typeof RuleAction>;

export interface Rule {
  id: number;
  name: string;
  priority: number;
  version: number;
  conditions: RuleConditions;
  action: RuleAction;
}
