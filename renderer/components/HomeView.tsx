/** Home with today filled in from the recorder: today's energy and cost, and the power class this quarter-hour. */
import { useTodayRecords } from '../state/use-today.ts';
import { Dashboard } from './Dashboard.tsx';
import { PowerClassNow } from './PowerClassNow.tsx';
import { TodayCost } from './TodayCost.tsx';

export function HomeView() {
  const records = useTodayRecords();
  const todayWh = records === null ? null : records.reduce((sum, r) => sum + r.importWh, 0);
  return (
    <Dashboard todayWh={todayWh}>
      <TodayCost records={records} />
      <PowerClassNow />
    </Dashboard>
  );
}
