// GET /staff/members.csv – the dashboard's member list as CSV (admins only; same phase and status filters).
import { memberCsvResponse } from '@/lib/dashboard/member-export';

export async function GET(request: Request) {
  return memberCsvResponse(request);
}
