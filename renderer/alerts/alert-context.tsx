/**
 * React access to the alert store and the notifier. Without a provider (component tests) an inert
 * store and a notifier that cannot notify stand in, so components render the same.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { type AlertState, type AlertStore, createAlertStore } from './alert-store.ts';
import { browserNotifier, type Notifier } from './notifier.ts';

const fallback = { store: createAlertStore(), notifier: browserNotifier(undefined) };
const AlertContext = createContext<{ store: AlertStore; notifier: Notifier }>(fallback);

export function AlertProvider(props: { store: AlertStore; notifier: Notifier; children: ReactNode }) {
  return <AlertContext.Provider value={{ store: props.store, notifier: props.notifier }}>{props.children}</AlertContext.Provider>;
}

export function useAlerts<T>(selector: (s: AlertState) => T): T {
  return useStore(useContext(AlertContext).store, selector);
}

export const useNotifier = (): Notifier => useContext(AlertContext).notifier;
