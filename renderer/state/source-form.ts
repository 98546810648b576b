/** The source picker's form fields, and their conversion to a SourceConfig (or why not). */
import type { SourceConfig } from '../../contracts/ipc.ts';

export type SourceKind = SourceConfig['kind'];
export const SOURCE_KINDS: readonly SourceKind[] = ['serial', 'tcp', 'file', 'demo'];
export const BAUD_RATES = [115200, 9600] as const; // Smarty: 115200; 9600 for DSMR 2/3 meters

export interface SourceForm {
  kind: SourceKind;
  path: string;
  baudRate: number;
  host: string;
  port: string;
  filePath: string;
  speed: string;
}

export const EMPTY_FORM: SourceForm = { kind: 'demo', path: '', baudRate: 115200, host: '', port: '', filePath: '', speed: '1' };

/** Fill the form from the host's current source. */
export function formFromSource(source: SourceConfig | null): SourceForm {
  if (!source) return EMPTY_FORM;
  switch (source.kind) {
    case 'serial':
      return { ...EMPTY_FORM, kind: 'serial', path: source.path, baudRate: source.baudRate ?? 115200 };
    case 'tcp':
      return { ...EMPTY_FORM, kind: 'tcp', host: source.host, port: String(source.port) };
    case 'file':
      return { ...EMPTY_FORM, kind: 'file', filePath: source.path, speed: String(source.speed) };
    case 'demo':
      return { ...EMPTY_FORM, kind: 'demo' };
  }
}

/** The SourceConfig the form describes, or null when a field is missing or out of range. */
export function sourceFromForm(f: SourceForm): SourceConfig | null {
  switch (f.kind) {
    case 'serial':
      return f.path.trim() ? { kind: 'serial', path: f.path.trim(), baudRate: f.baudRate } : null;
    case 'tcp': {
      const port = Number(f.port);
      return f.host.trim() && Number.isInteger(port) && port > 0 && port < 65536 ? { kind: 'tcp', host: f.host.trim(), port } : null;
    }
    case 'file': {
      const speed = Number(f.speed);
      return f.filePath.trim() && f.speed.trim() !== '' && Number.isFinite(speed) && speed >= 0
        ? { kind: 'file', path: f.filePath.trim(), speed }
        : null;
    }
    case 'demo':
      return { kind: 'demo' };
  }
}
