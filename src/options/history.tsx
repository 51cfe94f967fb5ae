// History: every week kept (a bar chart and the same numbers as a table) and this week's 7 days.
// The chart is decoration (aria-hidden); the table is what screen readers read.
import { useCallback } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { HistoryData } from '../shared/messages';
import { request, type Send } from '../shared/request';
import { formatCount, formatDay, formatRatio } from '../ui/format';
import { formatWeekday, t } from '../ui/i18n';
import { useLiveData, type Subscribe } from '../ui/live-data';
import { REPLY_TIMEOUT_MS } from './data-actions';

function isHistory(v: unknown): v is HistoryData {
  const h = v as HistoryData;
  const stats = (s: unknown) => !!s && ['seen', 'selling', 'hidden'].every((k) => typeof (s as Record<string, unknown>)[k] === 'number');
  return !!h && Array.isArray(h.weeks) && Array.isArray(h.days) && h.weeks.every(stats) && h.days.every(stats);
}

export function HistoryPanel(props: { send: Send; subscribe?: Subscribe | undefined }) {
  const load = useCallback(async () => {
    const reply = await request(props.send, 'get-history', {}, REPLY_TIMEOUT_MS);
    if (!isHistory(reply)) throw new Error('bad reply');
    return reply;
  }, [props.send]);
  const live = useLiveData<HistoryData>(load, props.subscribe);
  if (!live.data) return live.failed ? <p class="note note-error" role="alert">{t('options_no_answer')}</p> : <p class="loading">{t('loading')}</p>;
  return <HistoryView history={live.data} />;
}

const share = (p: { seen: number; selling: number }) => (p.seen > 0 ? Math.min(1, Math.max(0, p.selling / p.seen)) : 0);

export function HistoryView({ history }: { history: HistoryData }) {
  const thisYear = history.weeks[0] ? Number(history.weeks[0].start.slice(0, 4)) : undefined;
  const chartWeeks = [...history.weeks].reverse(); // oldest first, left to right
  const days = history.days.map((d) => ({
    ...d,
    key: d.day,
    label: (
      <time dateTime={d.day}>
        {formatWeekday(d.day)} {formatDay(d.day, thisYear)}
      </time>
    ),
  }));
  const weeks = history.weeks.map((w, i) => ({
    ...w,
    key: w.start,
    label: <time dateTime={w.start}>{i === 0 ? t('weeks_this_week') : t('weeks_week_of', [formatDay(w.start, thisYear)])}</time>,
  }));
  return (
    <>
      <h3 id="days-heading">{t('history_days_heading')}</h3>
      <CountsTable labelledBy="days-heading" firstColumn={t('history_col_day')} rows={days} />

      <h3 id="weeks-kept-heading">{t('history_weeks_heading')}</h3>
      <div class="chart" aria-hidden="true">
        {chartWeeks.map((w) => (
          <span key={w.start} class="chart-bar" title={`${formatDay(w.start, thisYear)}: ${formatRatio(w.selling, w.seen)}`}>
            <span class="chart-fill" style={{ height: `${Math.round(share(w) * 100)}%` }} />
          </span>
        ))}
      </div>
      <CountsTable labelledBy="weeks-kept-heading" firstColumn={t('weeks_col_week')} rows={weeks} />
    </>
  );
}

interface CountsRow {
  key: string;
  label: ComponentChildren;
  seen: number;
  selling: number;
  hidden: number;
}

/** A day's or a week's counts, one row each: seen, selling, hidden and the share that sold. */
function CountsTable({ labelledBy, firstColumn, rows }: { labelledBy: string; firstColumn: string; rows: CountsRow[] }) {
  return (
    <table class="history" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col" class="num">{t('weeks_col_seen')}</th>
          <th scope="col" class="num">{t('weeks_col_selling')}</th>
          <th scope="col" class="num">{t('history_col_hidden')}</th>
          <th scope="col" class="num">{t('history_col_share')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td class="num">{formatCount(r.seen)}</td>
            <td class="num">{formatCount(r.selling)}</td>
            <td class="num">{formatCount(r.hidden)}</td>
            <td class="num">{formatRatio(r.selling, r.seen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
