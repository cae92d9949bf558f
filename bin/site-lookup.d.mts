import type { FetchFile, LookupResult, LookupStats, LookupOptions } from '../src/core/lookup/types';
import type { FixLinks } from '../src/core/lookup/section-links';

export interface SiteLookup {
  lookup(text: string, opts?: LookupOptions): Promise<LookupResult[]>;
  stats(): LookupStats;
  sectionLinks(url: string): Promise<FixLinks>;
}
export interface SiteLookupModule {
  lookup(text: string, opts?: LookupOptions): Promise<LookupResult[]>;
  createLookupFromFetcher(fetchFile: FetchFile): SiteLookup;
}
export const MODULE_PATH: string;
export function fileFetcher(kbDir: string): FetchFile;
export function loadSiteModule(siteDir: string): Promise<{ module: SiteLookupModule; kbDir: string }>;
export function openSiteLookup(siteDir: string): Promise<SiteLookup>;
