import { quietDay } from './quiet-day.js';

quietDay('etcd');
