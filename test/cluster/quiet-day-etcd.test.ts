import { quietDay } from './quiet-day.js';

// The one simulated day of the suite (see quiet-day.ts for what it guards).
quietDay('etcd', { dayLong: true });
