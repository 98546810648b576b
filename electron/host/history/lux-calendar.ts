/** The Luxembourg calendar moved to contracts/ (Node-free) so the History view computes the same periods. */
export * from '../../../contracts/lux-calendar.ts';
