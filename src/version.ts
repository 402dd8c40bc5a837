// raftsim's version, read once from package.json (results and reports carry it).
import { readFileSync } from 'node:fs';

export const RAFTSIM_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
