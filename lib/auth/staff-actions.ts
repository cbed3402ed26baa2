'use server';
// Admin actions on members. Authorisation is declared here, in the action itself: a
// server action is a public endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { defineAction } from '@/lib/viewer/action';
import { failed, succeeded } from '@/lib/viewer/action-result';
import { ROLE_NAMES } from './roles';

export const changeRoleAction = defineAction({
  access: 'admin',
  input: z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLE_NAMES) }),
  invalid: 'Choose a valid role.',
  async run({ userId, role }, { viewer }) {
    if (userId === viewer.user.id) return failed('You cannot change your own role: ask another admin.');
    const updated = await getDb().user.updateMany({ where: { id: userId }, data: { role } });
    if (updated.count === 0) return failed('That member no longer exists.');
    revalidatePath('/staff/members');
    return succeeded(`Role changed to ${role.toLowerCase()}. It applies from their next page view.`);
  },
});
