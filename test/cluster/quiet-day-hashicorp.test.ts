import { quietDay } from './quiet-day.js';

quietDay('hashicorp');
