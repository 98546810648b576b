/** Per-phase voltage, current and power, with only the columns the meter pushes for some phase. */
import type { PhaseValues } from '../../protocol/types.ts';
import type { MessageKey } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { formatAmpere, formatVolt, formatWatt } from '../i18n/format.ts';
import { FieldValue } from './FieldValue.tsx';

type Phases = { l1?: PhaseValues; l2?: PhaseValues; l3?: PhaseValues };

const COLUMNS: { key: 'voltageV' | 'currentA' | 'importPowerW' | 'exportPowerW'; label: MessageKey; format: (n: number) => string }[] = [
  { key: 'voltageV', label: 'elec.voltage', format: formatVolt },
  { key: 'currentA', label: 'elec.current', format: formatAmpere },
  { key: 'importPowerW', label: 'elec.phaseImport', format: formatWatt },
  { key: 'exportPowerW', label: 'elec.phaseExport', format: formatWatt },
];

export function PhaseTable({ phases }: { phases: Phases }) {
  const rows = (['l1', 'l2', 'l3'] as const).flatMap((id) => (phases[id] ? [[id, phases[id]] as const] : []));
  const columns = COLUMNS.filter((c) => rows.some(([, p]) => p[c.key] !== undefined));
  if (rows.length === 0 || columns.length === 0) return null;
  return (
    <table className="phases" data-testid="phase-table">
      <caption>{t('elec.phases')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('elec.phase')}</th>
          {columns.map((c) => (
            <th scope="col" key={c.key}>
              {t(c.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, p]) => (
          <tr key={id}>
            <th scope="row">{id.toUpperCase()}</th>
            {columns.map((c) => (
              <td key={c.key}>
                <FieldValue name={`${id}-${c.key}`} value={p[c.key]} format={c.format} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
