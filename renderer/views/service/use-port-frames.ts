/**
 * The service view's own feed of raw frames (the app store keeps readings, not bytes): the newest
 * frames, and the interval between telegrams over time for the chart.
 */
import { useEffect, useState } from 'react';
import type { FrameRecord } from '../../../electron/ipc/contract.ts';
import { useApi } from '../../state/context.tsx';

const MAX_FRAMES = 100;
const MAX_INTERVALS = 300;

export interface IntervalPoint {
  at: number;
  seconds: number;
}

export interface PortFrames {
  frames: FrameRecord[]; // newest first
  intervals: IntervalPoint[]; // oldest first
}

/** Adds `frame` to `state`; only frames that carried a readable telegram count for the interval. */
export function addFrame(state: PortFrames, frame: FrameRecord): PortFrames {
  const frames = [frame, ...state.frames].slice(0, MAX_FRAMES);
  if (frame.text === null) return { frames, intervals: state.intervals };
  const lastTelegram = state.frames.find((f) => f.text !== null);
  if (!lastTelegram) return { frames, intervals: state.intervals };
  const point = { at: frame.at, seconds: (frame.at - lastTelegram.at) / 1000 };
  return { frames, intervals: [...state.intervals, point].slice(-MAX_INTERVALS) };
}

/** Subscribes to `meter:frame` while mounted. */
export function usePortFrames(): PortFrames {
  const api = useApi();
  const [state, setState] = useState<PortFrames>({ frames: [], intervals: [] });
  useEffect(() => api.on('meter:frame', (f) => setState((s) => addFrame(s, f))), [api]);
  return state;
}
