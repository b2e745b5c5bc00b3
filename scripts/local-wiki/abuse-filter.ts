/**
 * AbuseFilter filters on a local wiki, for tests of how the Helpdesk handles an
 * edit that a filter warns about or disallows.
 */
import { fileURLToPath } from 'node:url';
import { runMaintenance } from './maintenance';

const SCRIPT = fileURLToPath( new URL( 'php/saveAbuseFilter.php', import.meta.url ) );

export interface AbuseFilterSpec {
	description: string;
	/** In AbuseFilter's rule language, e.g. `action === "edit" & added_lines irlike "forbidden"`. */
	rules: string;
	/** Consequences and their parameters, e.g. `{ disallow: [] }` or `{ warn: [ 'abusefilter-warning' ] }`. */
	actions: Record<string, string[]>;
	enabled?: boolean;
}

/** Save a new filter as Admin; resolves to its id. */
export async function addAbuseFilter( wiki: { dir: string }, filter: AbuseFilterSpec ): Promise<number> {
	const output = await runMaintenance( wiki, SCRIPT, [], JSON.stringify( { ...filter, id: null } ) );
	return Number( output.trim() );
}

/** Change a filter, e.g. `{ ...spec, enabled: false }` to turn it off after a test. */
export async function changeAbuseFilter( wiki: { dir: string }, id: number, filter: AbuseFilterSpec ): Promise<void> {
	await runMaintenance( wiki, SCRIPT, [], JSON.stringify( { ...filter, id: id } ) );
}
