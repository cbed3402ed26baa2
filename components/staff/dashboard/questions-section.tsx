// Questions: how many wait now, and how long members waited for a coach's first answer.
import Link from 'next/link';
import { DashboardSection } from './dashboard-section';
import { DisplayName } from '@/components/site/display-name';
import type { QuestionFigures } from '@/lib/dashboard/questions';
import { RESPONSE_WINDOW_DAYS } from '@/lib/dashboard/questions';
import { FigureTiles } from './figure-tiles';
import { daysAgo, formatDuration } from './format';

export function QuestionsSection({ questions, now }: { questions: QuestionFigures; now: Date }) {
  const { overall } = questions;
  return (
    <DashboardSection id="questions-heading" title="Questions">
      <FigureTiles
        label="Questions"
        tiles={[
          { label: 'Waiting now', value: String(questions.waiting), note: questions.oldestWaitingSince ? `Oldest asked ${daysAgo(questions.oldestWaitingSince, now)}` : undefined, testId: 'questions-waiting' },
          { label: 'Median first answer', value: overall ? formatDuration(overall.medianSeconds) : '–', note: `Last ${RESPONSE_WINDOW_DAYS} days` },
          { label: '90% answered within', value: overall ? formatDuration(overall.p90Seconds) : '–', note: overall ? `${overall.answered} questions answered` : 'No answered questions' },
        ]}
      />
      <p className="mt-3"><Link href="/staff/inbox" className="text-brand-700 underline">Open the coach inbox</Link></p>
      {questions.perCoach.length > 0 && (
        <div className="mt-4 overflow-x-auto rounded-xl border border-sand-200 p-4" role="region" aria-label="Time to first answer per coach" tabIndex={0}>
          <table className="w-full min-w-[28rem] text-left text-sm">
            <caption className="text-left text-sm font-semibold">Time to first answer per coach, last {RESPONSE_WINDOW_DAYS} days</caption>
            <thead>
              <tr className="border-b border-sand-200">
                <th scope="col" className="py-2">Coach</th>
                <th scope="col" className="py-2 text-right">Answered</th>
                <th scope="col" className="py-2 text-right">Median</th>
                <th scope="col" className="py-2 text-right">90th percentile</th>
              </tr>
            </thead>
            <tbody>
              {questions.perCoach.map((c) => (
                <tr key={c.coachId} className="border-b border-sand-100">
                  <th scope="row" className="py-2 font-normal"><DisplayName name={c.name} fallback={c.email} /></th>
                  <td className="py-2 text-right tabular-nums">{c.answered}</td>
                  <td className="py-2 text-right tabular-nums">{formatDuration(c.medianSeconds)}</td>
                  <td className="py-2 text-right tabular-nums">{formatDuration(c.p90Seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DashboardSection>
  );
}
