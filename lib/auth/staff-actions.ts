'use server';
// Admin actions on members. Authorisation is checked here, in the action itself: a
// server action is a public endpoint whatever page renders its form.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import type { FormState } from './form-state';
import { requireAdmin } from './guards';
import { ROLE_NAMES } from './roles';

const changeRoleSchema = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(ROLE_NAMES),
});

export async function changeRoleAction(_: FormState, form: FormData): Promise<FormState> {
  const admin = await requireAdmin('/staff/members');
  const parsed = changeRoleSchema.safeParse({ userId: form.get('userId'), role: form.get('role') });
  if (!parsed.success) return { status: 'error', message: 'Choose a valid role.' };
  if (parsed.data.userId === admin.id) return { status: 'error', message: 'You cannot change your own role: ask another admin.' };
  const updated = await getDb().user.updateMany({ where: { id: parsed.data.userId }, data: { role: parsed.data.role } });
  if (updated.count === 0) return { status: 'error', message: 'That member no longer exists.' };
  revalidatePath('/staff/members');
  return { status: 'success', message: `Role changed to ${parsed.data.role.toLowerCase()}. It applies from their next page view.` };
}
