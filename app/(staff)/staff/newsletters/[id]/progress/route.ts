// GET /staff/newsletters/<id>/progress – sent / failed / left counts for the polling
// progress panel on the newsletter page. Staff only; everyone else gets a 404.
import { NextResponse } from 'next/server';
import { getNewsletter, newsletterProgress } from '@/lib/newsletters/queries';
import { getViewer } from '@/lib/viewer/viewer';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  const { id } = await params;
  const newsletter = viewer.isStaff ? await getNewsletter(id) : null;
  if (!newsletter) return NextResponse.json({ error: 'Not found' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return NextResponse.json({ status: newsletter.status, ...(await newsletterProgress(id)) }, { headers: { 'Cache-Control': 'no-store' } });
}
