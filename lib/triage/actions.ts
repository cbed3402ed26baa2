'use server';
// Coaches mark a red-flag session note as seen (lib/triage/notes.ts).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/viewer/action';
import { failed, succeeded } from '@/lib/viewer/action-result';
import { markUrgentNoteSeen } from './notes';

export const markUrgentNoteSeenAction = defineAction({
  access: 'coach',
  input: z.object({ completionId: z.string().min(1).max(64) }),
  invalid: 'That note was not found.',
  async run({ completionId }) {
    if (!(await markUrgentNoteSeen(completionId))) return failed('That note was already marked seen, or it is not a red-flag note.');
    revalidatePath('/staff/inbox');
    return succeeded('Marked as seen.');
  },
});
