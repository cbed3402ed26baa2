'use server';
// Staff actions on a newsletter. Authorisation and input are declared to the one action
// wrapper: a server action is a public endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { deliverSoon } from '@/lib/email/send-email';
import { defineAction } from '@/lib/viewer/action';
import { failed, succeeded, type ActionResult } from '@/lib/viewer/action-result';
import { cancelSchedule, discardNewsletter, newsletterIdSchema, scheduleNewsletter, scheduleTimeSchema, setSubject, subjectSchema, type ManageOutcome } from './manage';
import { queueNewsletter } from './queue';

const byId = z.object({ id: newsletterIdSchema });

function answer(outcome: ManageOutcome, id: string, message: string): ActionResult {
  if (!outcome.ok) return failed(outcome.message);
  revalidatePath('/staff/newsletters');
  revalidatePath(`/staff/newsletters/${id}`);
  return succeeded(message);
}

export const saveSubjectAction = defineAction({
  access: 'coach',
  input: byId.extend({ subject: subjectSchema }),
  keep: ['subject'],
  run: async ({ id, subject }) => answer(await setSubject(id, subject), id, 'Subject saved.'),
});

export const sendNowAction = defineAction({
  access: 'coach',
  input: byId,
  async run({ id }, { viewer }) {
    const outcome = await queueNewsletter(id, { sentById: viewer.user.id });
    if (outcome.status === 'missing') return failed('That newsletter was not found.');
    if (outcome.status !== 'queued') return failed('This newsletter is already being sent, was sent, or was discarded.');
    deliverSoon();
    const who = outcome.recipients === 1 ? '1 person' : `${outcome.recipients} people`;
    return answer({ ok: true }, id, `Sending to ${who}.`);
  },
});

export const scheduleAction = defineAction({
  access: 'coach',
  input: byId.extend({ scheduledFor: scheduleTimeSchema }),
  keep: ['scheduledFor'],
  async run({ id, scheduledFor }, { viewer }) {
    const outcome = await scheduleNewsletter(id, scheduledFor, { staffId: viewer.user.id });
    return answer(outcome, id, `Scheduled for ${scheduledFor.toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
  },
});

export const cancelScheduleAction = defineAction({
  access: 'coach',
  input: byId,
  run: async ({ id }) => answer(await cancelSchedule(id), id, 'Schedule cancelled: it is a draft again.'),
});

export const discardAction = defineAction({
  access: 'coach',
  input: byId,
  run: async ({ id }) => answer(await discardNewsletter(id), id, 'Discarded: it will not be sent.'),
});
