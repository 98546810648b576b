/**
 * The port service view for DSO staff and integrators: raw frames with their header fields, the
 * decrypted text, status and counters, the telegram interval, capture export, and (signed in) the
 * central system's configuration beside what the port sends.
 */
import { useApp } from '../../state/context.tsx';
import { CaptureExport } from './CaptureExport.tsx';
import { FrameList } from './FrameList.tsx';
import { IntervalChart } from './IntervalChart.tsx';
import { PortCounters } from './PortCounters.tsx';
import { StaffPanel } from './StaffPanel.tsx';
import { t } from '../../i18n/index.ts';

/** The service view. */
export function ServiceView() {
  const health = useApp((s) => s.health);
  return (
    <section className="view view-service" data-testid="view-service" aria-labelledby="service-title">
      <h2 id="service-title">{t('service.title')}</h2>
      <StaffPanel />
      <PortCounters health={health} />
      <IntervalChart />
      <FrameList />
      <CaptureExport />
    </section>
  );
}
